package rw.ijwi.web;

import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;

import rw.ijwi.auth.Accounts;
import rw.ijwi.auth.User;
import rw.ijwi.security.Keys;

/**
 * Lets a request reach a staff route only if its user holds one of the roles the route table gives it:
 * API clients by "Authorization: Bearer", browsers by the session cookie (whose forms must carry the
 * session's CSRF token). Routes with no roles are public. Anonymous browsers are sent to the login page.
 */
public final class Gate implements Handler {

    public static final String USER = "ijwi.user";
    public static final String CSRF = "ijwi.csrf";
    public static final String SESSION_COOKIE = "ijwi_session";

    private final Accounts accounts;

    public Gate(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String authorization = ctx.header("Authorization");
        Optional<User> user;
        boolean bySession = false;
        if (authorization != null) {
            if (!authorization.startsWith("Bearer ")) {
                throw new UnauthorizedResponse("use Authorization: Bearer <token>");
            }
            user = accounts.byToken(authorization.substring(7).strip());
            if (user.isEmpty()) {
                throw new UnauthorizedResponse("unknown or revoked API token");
            }
        } else {
            Optional<Accounts.Session> session = accounts.session(ctx.cookie(SESSION_COOKIE));
            user = session.map(Accounts.Session::user);
            session.ifPresent(s -> ctx.attribute(CSRF, s.csrfToken()));
            bySession = session.isPresent();
        }
        if (user.isEmpty()) {
            if (ctx.method().name().equals("GET") && !ctx.path().startsWith("/api/")) {
                // The whole address, query included: /brief?district=Rusizi comes back to the same brief.
                ctx.redirect("/login?next=" + java.net.URLEncoder.encode(Templates.here(ctx),
                        java.nio.charset.StandardCharsets.UTF_8), HttpStatus.FOUND);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse("sign in first");
        }
        if (!roles.contains(user.get().role())) {
            throw new ForbiddenResponse("your role (" + user.get().role().code() + ") cannot do this");
        }
        if (bySession && changesState(ctx)) {
            String given = ctx.header("X-CSRF-Token");
            if (given == null && isForm(ctx)) {
                given = ctx.formParam("_csrf");
            }
            if (!Keys.sameSecret(ctx.attribute(CSRF), given)) {
                throw new ForbiddenResponse("missing or wrong CSRF token: reload the page and try again");
            }
        }
        ctx.attribute(USER, user.get());
    }

    /**
     * Who is asking, where no route ran the gate (an address with no page: the 404 page still shows the reader's
     * menu). Only reads the session; it never lets anything through.
     */
    public void identify(Context ctx) {
        if (ctx.attribute(USER) != null || ctx.cookie(SESSION_COOKIE) == null) {
            return;
        }
        accounts.session(ctx.cookie(SESSION_COOKIE)).ifPresent(s -> {
            ctx.attribute(USER, s.user());
            ctx.attribute(CSRF, s.csrfToken());
        });
    }

    static boolean changesState(Context ctx) {
        String method = ctx.method().name();
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
