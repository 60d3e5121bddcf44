package rw.ijwi.ops;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.MDC;

import io.javalin.http.Context;

/** Gives each request an id (from X-Request-Id if it is sane, else a new one) for its log lines and response. */
public final class RequestIds {

    public static final String KEY = "request";
    private static final java.util.regex.Pattern SANE = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static void begin(Context ctx) {
        String given = ctx.header("X-Request-Id");
        String id = given != null && SANE.matcher(given).matches() ? given
                : Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        MDC.put(KEY, id);
        ctx.header("X-Request-Id", id);
    }

    public static void end(Context ctx) {
        MDC.remove(KEY);
    }
}
