package rw.ijwi.web;


import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * How a refusal or a failure is answered. A person on a page gets the site's layout in their language: what
 * happened, the one-line reason, and a way back. Machines keep their plain answers: the API (JSON errors are written
 * by the API handlers themselves; what reaches here is plain text), the provider webhooks, the simulator's hops,
 * exports, progress polls, health and metrics.
 */
public final class ErrorPages {

    private final Templates templates;
    private final Gate gate;

    public ErrorPages(Templates templates, Gate gate) {
        this.templates = templates;
        this.gate = gate;
    }

    /** A refusal thrown by a handler or the gate (400, 401, 403, 404 ...), with its reason. */
    public void refused(HttpResponseException e, Context ctx) {
        answer(ctx, e.getStatus(), e.getMessage());
    }

    /** A failure nobody expected: logged by the caller; the person sees only that it is not their doing. */
    public void failed(Context ctx) {
        answer(ctx, 500, "internal error");
    }

    private void answer(Context ctx, int status, String reason) {
        ctx.status(status);
        if (!forPeople(ctx)) {
            ctx.contentType("text/plain; charset=utf-8").result(reason);
            return;
        }
        try {
            render(ctx, status, status == 500 ? "" : reason);
        } catch (RuntimeException broken) {
            ctx.contentType("text/plain; charset=utf-8").result(reason);
        }
    }

    private void render(Context ctx, int status, String reason) {
        gate.identify(ctx);
        String key = "error_" + (templates.messages().get("en", "error_" + status).equals("error_" + status)
                ? (status >= 500 ? 500 : 400) : status);
        Chrome chrome = templates.chrome(ctx, key, "");
        String back = "";
        String query = ctx.queryString();
        if (ctx.method().name().equals("GET") && status != 404 && query != null && !query.isEmpty()) {
            // The same page without what made it fail: its default view.
            back = LocalPath.orRoot(ctx.path());
        }
        String signIn = status == 401 && chrome.user() == null ? "/login" : "";
        templates.render(ctx, "error.jte", chrome, new View(status, chrome.t(key), chrome.t(key + "_text"),
                oneLine(reason), back, signIn));
    }

    static String oneLine(String reason) {
        if (reason == null) {
            return "";
        }
        String line = reason.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** A browser asking for a page or posting a form; not the API, a webhook, a poll or a download. */
    static boolean forPeople(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/at/") || path.startsWith("/static/")
                || path.equals("/health") || path.equals("/metrics") || path.startsWith("/simulator/ussd")
                || path.startsWith("/export/") || path.endsWith("/progress") || path.endsWith("/events")) {
            return false;
        }
        if (ctx.header("Authorization") != null) {
            return false;
        }
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
            return false;
        }
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }

    /** What error.jte shows: the status and its words, the one-line reason, and the ways on ("" when none). */
    public record View(int status, String heading, String text, String reason, String back, String signIn) {
    }
}
