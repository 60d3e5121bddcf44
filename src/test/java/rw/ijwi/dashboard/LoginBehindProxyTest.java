package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;

/**
 * Behind the reverse proxy every login comes from the proxy's address: one person guessing must not lock out
 * everyone, and with IJWI_TRUSTED_PROXIES the limit and the audit log see the client's own address.
 */
@Tag("slow")
class LoginBehindProxyTest {

    @Test
    void twenty_failures_from_the_proxy_address_never_refuse_someone_elses_right_password() {
        try (TestApp app = new TestApp()) {
            String victim = Staff.create(app, Role.COORDINATOR, "Rusizi");
            for (int i = 0; i < 20; i++) {
                assertThat(login(app, "guess-" + (i % 4), "wrong password " + i, null).statusCode()).isIn(401, 429);
            }
            assertThat(login(app, "guess-9", "still wrong", null).statusCode()).as("the address limit holds")
                    .isEqualTo(429);
            assertThat(login(app, victim, Staff.PASSWORD, null).statusCode()).as("the right password signs in")
                    .isEqualTo(303);
        }
    }

    @Test
    void with_trusted_proxies_the_limit_and_the_audit_log_see_the_client_behind_the_proxy() {
        try (TestApp app = new TestApp(TestDatabase.fresh(), Map.of("IJWI_TRUSTED_PROXIES", "127.0.0.1, ::1"))) {
            String user = Staff.create(app, Role.VIEWER);
            for (int i = 0; i < 20; i++) {
                login(app, "guess-" + (i % 4), "wrong password " + i, "203.0.113.7");
            }
            assertThat(login(app, "guess-9", "wrong", "203.0.113.7").statusCode()).isEqualTo(429);
            assertThat(login(app, "guess-9", "wrong", "203.0.113.8").statusCode()).as("another client")
                    .isEqualTo(401);
            // A client cannot step out of its limit by writing its own X-Forwarded-For: the right-most counts.
            assertThat(login(app, "guess-8", "wrong", "198.51.100.1, 203.0.113.7").statusCode()).isEqualTo(429);
            assertThat(login(app, user, Staff.PASSWORD, "203.0.113.8").statusCode()).isEqualTo(303);
            assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'login' AND username = '"
                    + user + "' AND address = '203.0.113.8'")).isEqualTo(1);
            assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE address = '127.0.0.1'")).isZero();
        }
    }

    @Test
    void a_password_typed_as_the_username_stays_out_of_the_audit_log() {
        try (TestApp app = new TestApp()) {
            assertThat(login(app, "my secret passphrase 42", "", null).statusCode()).isEqualTo(401);
            assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'login_failed' "
                    + "AND username = '(unknown user)'")).isEqualTo(1);
            assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE username LIKE '%passphrase%' "
                    + "OR detail LIKE '%passphrase%'")).isZero();
        }
    }

    /** One login through the form, as a browser behind the proxy (forwardedFor: what the proxy adds). */
    private static HttpResponse<String> login(TestApp app, String username, String password, String forwardedFor) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + app.port();
        try {
            HttpRequest.Builder form = HttpRequest.newBuilder(URI.create(base + "/login"));
            if (forwardedFor != null) {
                form.header("X-Forwarded-For", forwardedFor);
            }
            String page = http.send(form.build(), HttpResponse.BodyHandlers.ofString()).body();
            String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(TestApp.encode(Map.of("_csrf", csrf,
                            "username", username, "password", password))));
            if (forwardedFor != null) {
                post.header("X-Forwarded-For", forwardedFor);
            }
            return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
