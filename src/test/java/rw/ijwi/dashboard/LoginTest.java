package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/** Signing in and out: sessions, cookies, CSRF, throttling, setup link, security headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginTest {

    private final TestApp app = new TestApp();

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void an_anonymous_browser_is_sent_to_the_login_page_and_an_api_client_gets_401() {
        HttpResponse<String> page = Staff.anonymous(app).get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("/login?next=%2F");
        assertThat(Staff.anonymous(app).postRaw("/logout", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void signing_in_sets_a_strict_http_only_session_cookie_and_shows_who_is_signed_in() {
        String username = Staff.create(app, Role.VIEWER);
        Staff staff = Staff.anonymous(app);
        HttpResponse<String> response = loginAs(staff, username);
        assertThat(response.statusCode()).isEqualTo(303);
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ijwi_session="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(staff.get("/").body()).contains(username);
    }

    @Test
    void a_wrong_password_is_refused_and_audited_without_the_password() {
        Staff staff = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
        Staff other = Staff.anonymous(app);
        HttpResponse<String> wrong = loginWithPassword(other, staff.username(), "not the password at all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong username or password.");
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'login_failed' AND username = '"
                + staff.username() + "'")).isEqualTo(1);
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE detail LIKE '%not the password%'")).isZero();
    }

    @Test
    void five_failures_lock_the_username_even_with_the_right_password() {
        String username = Staff.create(app, Role.VIEWER);
        Staff staff = Staff.anonymous(app);
        for (int i = 0; i < 5; i++) {
            assertThat(loginWithPassword(staff, username, "wrong password " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = loginWithPassword(staff, username, Staff.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed attempts");
    }

    @Test
    void a_login_form_without_its_csrf_token_is_refused() {
        String username = Staff.create(app, Role.VIEWER);
        HttpResponse<String> response = Staff.anonymous(app).postRaw("/login",
                Map.of("username", username, "password", Staff.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void a_form_post_without_the_session_csrf_token_is_refused() {
        Staff staff = Staff.signIn(app, Role.ADMIN);
        assertThat(staff.postRaw("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(staff.postRaw("/logout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(staff.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void signing_out_ends_the_session_on_the_server() {
        Staff staff = Staff.signIn(app, Role.ADMIN);
        assertThat(staff.post("/logout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(staff.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void a_session_id_planted_before_login_is_never_adopted() throws Exception {
        String username = Staff.create(app, Role.VIEWER);
        var http = java.net.http.HttpClient.newHttpClient();
        var base = "http://127.0.0.1:" + app.port();
        var form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Cookie", "ijwi_session=planted-by-someone-else").build(), HttpResponse.BodyHandlers.ofString());
        String loginCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ijwi_login="))
                .findFirst().orElseThrow().split(";")[0];
        String csrf = loginCookie.substring("ijwi_login=".length());
        var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Cookie", "ijwi_session=planted-by-someone-else; " + loginCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestApp.encode(Map.of("_csrf", csrf,
                        "username", username, "password", Staff.PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        String issued = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ijwi_session="))
                .findFirst().orElseThrow();
        assertThat(issued).doesNotStartWith("ijwi_session=planted");
        var withPlanted = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/"))
                .header("Cookie", "ijwi_session=planted-by-someone-else").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withPlanted.statusCode()).isEqualTo(302);
    }

    @Test
    void a_disabled_user_is_signed_out_at_once() {
        Staff staff = Staff.signIn(app, Role.VIEWER);
        new rw.ijwi.auth.Accounts(app.database().jdbi()).disable(staff.username());
        assertThat(staff.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void only_relative_next_paths_are_followed_after_login() {
        assertThat(LoginPage.safeNext("/brief?district=Rusizi")).isEqualTo("/brief?district=Rusizi");
        assertThat(LoginPage.safeNext("https://evil.example")).isEqualTo("/");
        assertThat(LoginPage.safeNext("//evil.example")).isEqualTo("/");
        assertThat(LoginPage.safeNext("/\\evil.example")).isEqualTo("/");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/\t/evil.example", "/%09/evil.example", "/%2509/evil.example", "/%2F/evil.example",
            "/%2f%2fevil.example", "/%5Cevil.example", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example",
            "/\u3000/evil.example", "/\u00a0/evil.example", "/\u0000/evil.example", "\t//evil.example",
            " /brief", "javascript:alert(1)", "http:/evil.example", "https:evil.example", "evil.example",
            "/%", "/%ZZ", "", "/brief?x=\t", "/brief#\\evil"})
    void a_next_that_a_browser_could_read_as_another_site_goes_to_the_overview(String next) {
        assertThat(LoginPage.safeNext(next)).isEqualTo("/");
    }

    @Test
    void a_signed_out_visit_to_a_page_with_a_query_lands_on_the_same_page_and_query_after_sign_in() {
        String username = Staff.create(app, Role.VIEWER);
        Staff staff = Staff.anonymous(app);
        HttpResponse<String> visit = staff.get("/brief?district=Rusizi&period=2026-10");
        assertThat(visit.statusCode()).isEqualTo(302);
        String login = visit.headers().firstValue("Location").orElseThrow();
        assertThat(login).isEqualTo("/login?next=%2Fbrief%3Fdistrict%3DRusizi%26period%3D2026-10");
        HttpResponse<String> form = staff.get(login);
        assertThat(form.body()).contains("name=\"next\" value=\"/brief?district=Rusizi&amp;period=2026-10\"");
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = staff.postRaw("/login", Map.of("_csrf", csrf, "username", username,
                "password", Staff.PASSWORD, "next", "/brief?district=Rusizi&period=2026-10"));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/brief?district=Rusizi&period=2026-10");
    }

    @Test
    void a_tab_hidden_in_next_sends_the_browser_to_the_overview_not_to_another_site() {
        String username = Staff.create(app, Role.VIEWER);
        Staff staff = Staff.anonymous(app);
        HttpResponse<String> form = staff.get("/login?next=%2F%09%2Fevil.example");
        assertThat(form.body()).contains("name=\"next\" value=\"/\"");
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = staff.postRaw("/login", Map.of("_csrf", csrf, "username", username,
                "password", Staff.PASSWORD, "next", "/\t/evil.example"));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void every_page_carries_the_security_headers() {
        HttpResponse<String> page = Staff.anonymous(app).get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void an_api_token_works_as_bearer_and_a_wrong_one_is_401() {
        String token = Staff.apiToken(app, Role.ADMIN);
        assertThat(app.database().count("SELECT count(*) FROM api_token WHERE token_hash::text LIKE '%" + token + "%'"))
                .isZero();
        var http = java.net.http.HttpClient.newHttpClient();
        try {
            var ok = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port()
                    + "/")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            var bad = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port()
                    + "/")).header("Authorization", "Bearer ijwi_wrong").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(401);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> loginAs(Staff staff, String username) {
        return loginWithPassword(staff, username, Staff.PASSWORD);
    }

    private static HttpResponse<String> loginWithPassword(Staff staff, String username, String password) {
        return staffLogin(staff, username, password);
    }

    private static HttpResponse<String> staffLogin(Staff anonymous, String username, String password) {
        HttpResponse<String> form = anonymous.get("/login");
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return anonymous.postRaw("/login", Map.of("_csrf", csrf, "username", username, "password", password, "next", "/"));
    }
}
