package rw.ijwi.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Headers on every response: no sniffing, no caching of pages; and on everything a browser may render (all
 * but the provider webhooks under /at/, whose plain-text answers only Africa's Talking reads): no framing,
 * no referrer, scripts and styles from Ijwi only; and, when Ijwi is public over https, HSTS. Leaving those off the webhooks saves bytes on the busiest path.
 */
public final class SecurityHeaders implements Handler {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final boolean https;

    /** https: IJWI_PUBLIC_URL is https, so browsers are told to use nothing else for a year (HSTS). */
    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        ctx.header("X-Content-Type-Options", "nosniff");
        if (https) {
            ctx.header("Strict-Transport-Security", HSTS);
        }
        if (!path.startsWith("/static/")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (path.startsWith("/at/")) {
            return;
        }
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
