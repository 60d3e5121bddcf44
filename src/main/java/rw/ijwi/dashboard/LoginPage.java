package rw.ijwi.dashboard;

import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.Accounts;
import rw.ijwi.auth.LoginThrottle;
import rw.ijwi.auth.User;
import rw.ijwi.security.Keys;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Gate;
import rw.ijwi.web.LocalPath;
import rw.ijwi.web.Templates;

/** Sign in, sign out, and the one-time setup of the first admin. */
public final class LoginPage {

    static final String LOGIN_CSRF_COOKIE = "ijwi_login";

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Templates templates;
    private final boolean secureCookies;

    public LoginPage(Accounts accounts, LoginThrottle throttle, AuditLog audit, Templates templates,
            boolean secureCookies) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.templates = templates;
        this.secureCookies = secureCookies;
    }

    /** GET /login */
    public void form(Context ctx) {
        show(ctx, HttpStatus.OK, null);
    }

    /** POST /login: a new session on success (never reusing an id the browser had), throttled on failures. */
    public void submit(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip().toLowerCase();
        String address = ctx.ip();
        if (!Keys.sameSecret(Optional.ofNullable(ctx.cookie(LOGIN_CSRF_COOKIE)).orElse("-"), ctx.formParam("_csrf"))) {
            show(ctx, HttpStatus.FORBIDDEN, "error_form_expired");
            return;
        }
        // A password typed into the username box must not land in the audit log: only real usernames are named.
        String named = accounts.dao().account(username).isPresent() ? username : "(unknown user)";
        if (throttle.userLocked(username)) {
            audit.record(named, "login_throttled", null, address);
            show(ctx, HttpStatus.TOO_MANY_REQUESTS, "error_too_many_attempts");
            return;
        }
        Optional<User> user = accounts.check(username, ctx.formParam("password"));
        if (user.isEmpty()) {
            boolean limited = throttle.addressLimited(address);
            throttle.failed(username, address);
            audit.record(named, limited ? "login_throttled" : "login_failed", null, address);
            show(ctx, limited ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED,
                    limited ? "error_too_many_attempts" : "error_wrong_login");
            return;
        }
        throttle.succeeded(username);
        accounts.endSession(ctx.cookie(Gate.SESSION_COOKIE));
        Accounts.NewSession session = accounts.startSession(user.get());
        ctx.cookie(sessionCookie(session.id(), 12 * 3600));
        audit.record(user.get().username(), "login", null, address);
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    /** POST /logout (a staff route, so CSRF-checked). */
    public void logout(Context ctx) {
        User user = Templates.user(ctx);
        accounts.endSession(ctx.cookie(Gate.SESSION_COOKIE));
        ctx.cookie(sessionCookie("", 0));
        audit.record(user.username(), "logout", null, ctx.ip());
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** GET /setup?token= : create the first admin. */
    public void setupForm(Context ctx) {
        String token = ctx.queryParam("token");
        if (!accounts.setupTokenValid(token)) {
            throw new NotFoundResponse("This setup link has expired or was already used.");
        }
        showSetup(ctx, HttpStatus.OK, token, null);
    }

    /** POST /setup */
    public void setupSubmit(Context ctx) {
        String token = Optional.ofNullable(ctx.formParam("token")).orElse("");
        if (!Keys.sameSecret(Optional.ofNullable(ctx.cookie(LOGIN_CSRF_COOKIE)).orElse("-"), ctx.formParam("_csrf"))) {
            showSetup(ctx, HttpStatus.FORBIDDEN, token, "error_form_expired");
            return;
        }
        if (!accounts.setupTokenValid(token)) {
            throw new NotFoundResponse("This setup link has expired or was already used.");
        }
        String password = ctx.formParam("password");
        if (password == null || !password.equals(ctx.formParam("repeat"))) {
            showSetup(ctx, HttpStatus.BAD_REQUEST, token, "error_passwords_differ");
            return;
        }
        try {
            User admin = accounts.completeSetup(token, ctx.formParam("username"), password);
            audit.record(admin.username(), "setup_admin", null, ctx.ip());
            Accounts.NewSession session = accounts.startSession(admin);
            ctx.cookie(sessionCookie(session.id(), 12 * 3600));
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            showSetupMessage(ctx, token, e.getMessage());
        }
    }

    private void show(Context ctx, HttpStatus status, String errorKey) {
        Chrome chrome = templates.chrome(ctx, "sign_in", "login");
        String csrf = loginCsrf(ctx);
        ctx.status(status);
        templates.render(ctx, "login.jte", chrome, new SignIn(csrf,
                safeNext(Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next"))),
                errorKey == null ? "" : chrome.t(errorKey)));
    }

    private void showSetup(Context ctx, HttpStatus status, String token, String errorKey) {
        Chrome chrome = templates.chrome(ctx, "setup_title", "login");
        ctx.status(status);
        templates.render(ctx, "setup.jte", chrome, new Setup(loginCsrf(ctx), token,
                errorKey == null ? "" : chrome.t(errorKey)));
    }

    private void showSetupMessage(Context ctx, String token, String message) {
        Chrome chrome = templates.chrome(ctx, "setup_title", "login");
        ctx.status(HttpStatus.BAD_REQUEST);
        templates.render(ctx, "setup.jte", chrome, new Setup(loginCsrf(ctx), token, message));
    }

    /** A double-submit token for forms shown before there is a session (login, setup). */
    private String loginCsrf(Context ctx) {
        String existing = ctx.cookie(LOGIN_CSRF_COOKIE);
        if (existing != null && existing.matches("[A-Za-z0-9_-]{20,60}")) {
            return existing;
        }
        String token = java.util.UUID.randomUUID().toString().replace("-", "") + Long.toHexString(System.nanoTime());
        ctx.cookie(new Cookie(LOGIN_CSRF_COOKIE, token, "/", 3600, secureCookies, true, null, SameSite.STRICT));
        return token;
    }

    private Cookie sessionCookie(String value, int maxAge) {
        return new Cookie(Gate.SESSION_COOKIE, value, "/", maxAge, secureCookies, true, null, SameSite.STRICT);
    }

    /** Only a plain path on this site (see LocalPath), never back to the login or logout itself. */
    static String safeNext(String next) {
        String path = LocalPath.orRoot(next);
        if (path.startsWith("/login") || path.startsWith("/logout")) {
            return "/";
        }
        return path;
    }

    /** What login.jte shows: the form's double-submit token, where to go after, and the error ("" when none). */
    public record SignIn(String csrf, String next, String error) {
    }

    /** What setup.jte shows: the form's double-submit token, the setup link's token, and the error ("" when none). */
    public record Setup(String csrf, String token, String error) {
    }
}
