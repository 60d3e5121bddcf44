package rw.ijwi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/**
 * Refusals and failures: a page answers in the site's layout and the reader's language, with the reason and a way
 * back; the API and the webhooks keep their plain answers; a fresh install's overview says where to start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesTest {

    private final TestApp app = new TestApp();
    private final Staff coordinator = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
    private final Staff viewer = Staff.signIn(app, Role.VIEWER);

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_from_after_the_to_is_a_400_page_in_the_layout_with_the_reason_and_a_way_back() {
        HttpResponse<String> page = coordinator.get("/?from=2026-05-02&to=2026-05-01&district=Rusizi");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<main id=\"content\"").contains("This request cannot be answered")
                .contains("to 2026-05-01 is before from 2026-05-02").contains("href=\"/\" id=\"back\"")
                .contains("id=\"home\"").contains("Sign out");
    }

    @Test
    void the_error_page_speaks_the_readers_language() {
        HttpResponse<String> french = coordinator.get("/nowhere?lang=fr");
        assertThat(french.statusCode()).isEqualTo(404);
        assertThat(french.body()).contains("<html lang=\"fr\">").contains("Page introuvable")
                .contains("Aller à la vue d'ensemble");
        HttpResponse<String> kinyarwanda = coordinator.get("/nowhere?lang=rw");
        assertThat(kinyarwanda.body()).contains("<html lang=\"rw\">").contains("Iyi paji ntiboneka");
        coordinator.get("/?lang=en");
    }

    @Test
    void a_page_the_role_may_not_see_is_a_403_page() {
        HttpResponse<String> page = viewer.get("/admin");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Not for your account").contains("your role (viewer) cannot do this")
                .contains("<nav class=\"langs\"");
    }

    @Test
    void an_unknown_address_signed_out_is_a_404_page_too() {
        HttpResponse<String> page = Staff.anonymous(app).get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").contains("<main id=\"content\"");
    }

    @Test
    void the_api_and_the_webhooks_keep_their_plain_answers() {
        HttpResponse<String> api = app.apiGet("/api/v1/summary?from=2026-05-02&to=2026-05-01");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).isEqualTo("to 2026-05-01 is before from 2026-05-02");
        HttpResponse<String> webhook = app.post("/at/ussd", java.util.Map.of("text", "1"));
        assertThat(webhook.statusCode()).isEqualTo(401);
        assertThat(webhook.body()).isEqualTo("missing or wrong token");
        HttpResponse<String> hop = coordinator.postJson("/simulator/ussd", "not json");
        assertThat(hop.statusCode()).isEqualTo(400);
        assertThat(hop.body()).doesNotContain("<html");
    }

    @Test
    void an_overview_with_no_reports_at_all_points_to_the_simulator_and_the_readme() {
        HttpResponse<String> page = coordinator.get("/?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No reports yet").contains("href=\"/simulator\"").contains("README")
                .doesNotContain("class=\"figure\"");
        assertThat(viewer.get("/").body()).contains("No reports yet").contains("Ask a coordinator");
    }
}
