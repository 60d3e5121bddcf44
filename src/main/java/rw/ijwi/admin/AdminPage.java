package rw.ijwi.admin;

import java.util.List;
import java.util.Map;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.Accounts;
import rw.ijwi.auth.Role;
import rw.ijwi.auth.User;
import rw.ijwi.auth.UserDao;
import rw.ijwi.geo.Geography;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/** Administration: the users (list, add, disable) and the latest entries of the audit log. */
public final class AdminPage {

    /** A user as the list shows it: never the password hash. */
    public record Row(String username, String role, List<String> districts, boolean disabled) {
    }

    static final int AUDIT_LINES = 200;

    private final Accounts accounts;
    private final AuditLog audit;
    private final Geography geography;
    private final Templates templates;

    public AdminPage(Accounts accounts, AuditLog audit, Geography geography, Templates templates) {
        this.accounts = accounts;
        this.audit = audit;
        this.geography = geography;
        this.templates = templates;
    }

    /** GET /admin */
    public void show(Context ctx) {
        render(ctx, HttpStatus.OK, "", Map.of());
    }

    /** POST /admin/users: username, password, role, districts. */
    public void addUser(Context ctx) {
        User admin = Templates.user(ctx);
        Role role = Role.of(ctx.formParam("role")).orElse(null);
        if (role == null) {
            render(ctx, HttpStatus.BAD_REQUEST, "role: choose admin, coordinator or viewer", formOf(ctx));
            return;
        }
        List<String> districts = ctx.formParams("districts").stream()
                .map(d -> geography.district(d).map(Geography.District::name).orElse(d)).distinct().toList();
        try {
            accounts.add(ctx.formParam("username"), ctx.formParam("password"), role, districts);
        } catch (IllegalArgumentException e) {
            render(ctx, HttpStatus.BAD_REQUEST, e.getMessage(), formOf(ctx));
            return;
        }
        String username = ctx.formParam("username").strip().toLowerCase();
        audit.record(admin.username(), "user_added", "user=" + username + " role=" + role.code()
                + (districts.isEmpty() ? "" : " districts=" + String.join(",", districts)), ctx.ip());
        ctx.redirect("/admin#users", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/users/{username}/disable: ends the user's sessions and tokens too. */
    public void disable(Context ctx) {
        User admin = Templates.user(ctx);
        String username = ctx.pathParam("username");
        if (admin.username().equals(username)) {
            throw new BadRequestResponse("you cannot disable yourself");
        }
        try {
            accounts.disable(username);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        audit.record(admin.username(), "user_disabled", "user=" + username, ctx.ip());
        ctx.redirect("/admin#users", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, HttpStatus status, String error, Map<String, String> form) {
        UserDao dao = accounts.dao();
        List<Row> users = dao.accounts().stream()
                .map(a -> new Row(a.username(), a.role(), dao.districts(a.id()), a.disabled())).toList();
        Chrome chrome = templates.chrome(ctx, "admin_title", "admin");
        ctx.status(status);
        templates.render(ctx, "admin.jte", chrome, new View(users, audit.latest(AUDIT_LINES),
                geography.districts().stream().map(Geography.District::name).toList(), error, form));
    }

    private static Map<String, String> formOf(Context ctx) {
        return Map.of("username", ctx.formParam("username") == null ? "" : ctx.formParam("username"),
                "role", ctx.formParam("role") == null ? "" : ctx.formParam("role"));
    }

    /** What admin.jte shows: the accounts, the latest audit lines, and the add-user form ("" when no error). */
    public record View(List<Row> users, List<AuditLog.Entry> entries, List<String> districts, String error,
            Map<String, String> form) {
    }
}
