package rw.ijwi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rw.ijwi.auth.Accounts;
import rw.ijwi.auth.Passwords;
import rw.ijwi.auth.Role;
import rw.ijwi.auth.User;
import rw.ijwi.web.Gate;

/**
 * A staff member using the dashboard from a test: a browser-like client with its own cookies, signed in
 * through the real login form, adding the page's CSRF token to every form it posts. Also makes API tokens.
 */
public final class Staff {

    public static final String PASSWORD = "a long enough test password";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String passwordHash;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestApp app;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String username;
    private String csrf;

    private Staff(TestApp app, String username) {
        this.app = app;
        this.username = username;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Creates a user with the role (and districts, for coordinators), signed in with a session as /login starts
     * one (Accounts.startSession): the cookie and the session's CSRF token. The login form itself, with its
     * password check, is LoginTest's; going through it here cost an argon2id check per test user, a sixth of the
     * fast tests' CPU. {@link #login} still signs in through the form.
     */
    public static Staff signIn(TestApp app, Role role, String... districts) {
        User user = add(app, role, districts);
        Staff staff = new Staff(app, user.username());
        Accounts.NewSession session = new Accounts(app.database().jdbi()).startSession(user);
        HttpCookie cookie = new HttpCookie(Gate.SESSION_COOKIE, session.id());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        staff.cookies.getCookieStore().add(app.uri("/"), cookie);
        staff.csrf = session.csrfToken();
        return staff;
    }

    /** Creates a user and signs in through the login form, as a person would (the password checked, audited). */
    public static Staff signInThroughTheForm(TestApp app, Role role, String... districts) {
        Staff staff = new Staff(app, create(app, role, districts));
        HttpResponse<String> response = staff.login(PASSWORD);
        if (response.statusCode() != 303) {
            throw new AssertionError("the login form answered " + response.statusCode() + ": " + response.body());
        }
        return staff;
    }

    /** A client with no session (anonymous), for authorisation tests. */
    public static Staff anonymous(TestApp app) {
        return new Staff(app, null);
    }

    /** Creates a user and returns a new API token for it. */
    public static String apiToken(TestApp app, Role role, String... districts) {
        String username = create(app, role, districts);
        return new Accounts(app.database().jdbi()).newToken(username);
    }

    public static String create(TestApp app, Role role, String... districts) {
        return add(app, role, districts).username();
    }

    private static User add(TestApp app, Role role, String... districts) {
        String username = role.code() + "-" + COUNTER.incrementAndGet();
        // The stored hash is argon2id of PASSWORD, made once per test JVM: hashing it again for each of the
        // hundreds of users the tests create cost a tenth of the fast tests' CPU. Signing in still checks it for real.
        long id = new Accounts(app.database().jdbi()).dao().add(username, passwordHash(), role, List.of(districts));
        return new User(id, username, role, Set.of(districts));
    }

    private static synchronized String passwordHash() {
        if (passwordHash == null) {
            passwordHash = Passwords.hash(PASSWORD);
        }
        return passwordHash;
    }

    public String username() {
        return username;
    }

    public HttpResponse<String> login(String password) {
        HttpResponse<String> form = get("/login");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrfOf(form.body()));
        fields.put("username", username);
        fields.put("password", password);
        fields.put("next", "/");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestApp.encode(fields))).build());
        if (response.statusCode() == 303) {
            csrf = csrfOf(get("/").body());
        }
        return response;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Posts a form with the session's CSRF token added. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, fields);
    }

    /** Posts a form whose fields may repeat (several checkboxes of one name), with the CSRF token added. */
    public HttpResponse<String> postForm(String path, java.util.List<Map.Entry<String, String>> fields) {
        StringBuilder body = new StringBuilder(TestApp.encode(Map.of("_csrf", csrf == null ? "" : csrf)));
        for (Map.Entry<String, String> field : fields) {
            body.append('&').append(TestApp.encode(Map.of(field.getKey(), field.getValue())));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Posts a form exactly as given (no CSRF token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestApp.encode(form))).build());
    }

    /** Sends JSON with the session's CSRF token in X-CSRF-Token. */
    public HttpResponse<String> postJson(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return send(request.build());
    }

    public String csrf() {
        return csrf;
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in page:\n" + html);
        }
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
