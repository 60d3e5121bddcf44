package rw.ijwi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;

/** HSTS is sent when Ijwi is public over https (IJWI_PUBLIC_URL), and only then. */
class SecurityHeadersTest {

    @Test
    void a_public_https_url_tells_browsers_to_use_https_only_for_a_year() {
        try (TestApp app = new TestApp(TestDatabase.fresh(), Map.of("IJWI_PUBLIC_URL", "https://ijwi.example.org"))) {
            for (String path : new String[] {"/login", "/health", "/static/app.css"}) {
                HttpResponse<String> page = app.get(path);
                assertThat(page.headers().firstValue("Strict-Transport-Security")).as(path)
                        .contains("max-age=31536000; includeSubDomains");
            }
        }
    }

    @Test
    void a_plain_http_url_sends_no_hsts() {
        try (TestApp app = new TestApp(TestDatabase.fresh(), Map.of("IJWI_PUBLIC_URL", "http://ijwi.example.org"))) {
            assertThat(app.get("/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }
}
