package rw.ijwi.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;

import rw.ijwi.security.Keys;

/** Refuses any provider callback that does not carry the webhook token, before its body is read. */
public final class WebhookToken implements Handler {

    private final String token;

    public WebhookToken(String token) {
        this.token = token;
    }

    @Override
    public void handle(Context ctx) {
        String query = ctx.queryString();
        String given = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("token=")) {
                    try {
                        given = java.net.URLDecoder.decode(pair.substring(6), java.nio.charset.StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException malformed) {
                        given = null;
                    }
                }
            }
        }
        if (!Keys.sameSecret(token, given)) {
            throw new UnauthorizedResponse("missing or wrong token");
        }
    }
}
