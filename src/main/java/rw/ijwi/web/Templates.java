package rw.ijwi.web;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import rw.ijwi.auth.User;
import rw.ijwi.geo.Rwanda;

/** Renders the precompiled JTE templates (HTML-escaped by default) with the page chrome. */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Messages messages;

    public Templates(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    /** The chrome for this request: signed-in user and CSRF token (set by the gate), and the chosen language. */
    public Chrome chrome(Context ctx, String titleKey, String active) {
        Messages.Words words = messages.in(language(ctx));
        return new Chrome(words.t(titleKey), active, ctx.attribute(Gate.USER), ctx.attribute(Gate.CSRF), words,
                here(ctx));
    }

    /**
     * This request's path and query when it is a plain local path (else "/"): where the language links and a
     * sign-in return to. A form's answer (POST) has no address of its own to return to, so it gives its path.
     */
    public static String here(Context ctx) {
        String query = ctx.queryString();
        boolean get = ctx.method().name().equals("GET");
        return LocalPath.orRoot(ctx.path() + (get && query != null && !query.isEmpty() ? "?" + query : ""));
    }

    /**
     * Renders a page whose template takes the chrome and one record, {@code @param <Record> page}: the compiler
     * then checks what the page hands its template, which a map of names cannot. Which record goes with which
     * template name is checked when the page is first rendered (the template casts it), so each page's tests do.
     */
    public void render(Context ctx, String template, Chrome chrome, Record page) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.of("chrome", chrome, "page", page), out);
        ctx.html(out.toString());
    }

    /** en, fr or rw: from ?lang= (remembered in a cookie for a year), else the cookie, else English. */
    public static String language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null && Rwanda.LANGUAGES.contains(asked)) {
            ctx.cookie(new io.javalin.http.Cookie("lang", asked, "/", 365 * 24 * 3600, false, false, null,
                    io.javalin.http.SameSite.LAX));
            return asked;
        }
        String cookie = ctx.cookie("lang");
        return cookie != null && Rwanda.LANGUAGES.contains(cookie) ? cookie : "en";
    }

    public static User user(Context ctx) {
        return ctx.attribute(Gate.USER);
    }
}
