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
 * The dashboard in Kinyarwanda, English and French: ?lang= chosen and remembered, language links that keep the
 * page and its query, numbers as the language writes them, and every time in Kigali time with its zone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagesPageTest {

    private final TestApp app = new TestApp();
    private final Staff admin = Staff.signIn(app, Role.ADMIN);

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void lang_rw_shows_the_dashboard_in_kinyarwanda_and_is_remembered() {
        Staff coordinator = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
        HttpResponse<String> page = coordinator.get("/commitments?lang=rw");
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("lang=rw"));
        assertThat(page.body()).contains("<html lang=\"rw\">").contains("Sohoka").contains("Igitabo cy'ibyemejwe")
                .doesNotContain("Sign out");
        String later = coordinator.get("/commitments").body();
        assertThat(later).contains("<html lang=\"rw\">").contains("Sohoka");
        assertThat(later).as("no English (Kinyarwanda) doubling in Kinyarwanda").contains(">Akarere")
                .doesNotContain("(Akarere)");
        assertThat(coordinator.get("/commitments?lang=en").body()).contains("Sign out").contains("District (Akarere)");
        assertThat(coordinator.get("/commitments?lang=fr").body()).contains("Se déconnecter");
        assertThat(coordinator.get("/commitments?lang=xx").body()).as("an unknown language keeps the choice")
                .contains("Se déconnecter");
    }

    @Test
    void the_language_links_keep_the_page_and_its_query_changing_only_lang() {
        String body = admin.get("/commitments?district=Rusizi&status=pledged&lang=fr").body();
        assertThat(body).contains("href=\"/commitments?district=Rusizi&amp;status=pledged&amp;lang=rw\"")
                .contains("href=\"/commitments?district=Rusizi&amp;status=pledged&amp;lang=en\"")
                .contains("href=\"/commitments?district=Rusizi&amp;status=pledged&amp;lang=fr\"");
        assertThat(admin.get("/login").body()).contains("href=\"/login?lang=rw\"");
    }

    @Test
    void the_layout_has_a_skip_link_to_the_main_content_and_a_menu_that_can_collapse() {
        String body = admin.get("/?lang=en").body();
        assertThat(body).contains("<a class=\"skip no-print\" href=\"#content\">Skip to content</a>")
                .contains("<main id=\"content\"").contains("id=\"menu-toggle\"").contains("for=\"menu-toggle\"");
    }

    @Test
    void sms_inbox_times_are_kigali_time_with_their_zone() {
        app.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO sms_inbound (provider_id, phone_hash, text, received_at, processed_at, outcome)
                VALUES ('lang-inbox', '\\x02', 'Inbox time test', '2026-11-03T12:05:00Z', now(), 'inbox')"""));
        String body = admin.get("/sms/inbox?lang=en").body();
        assertThat(body).contains("3 Nov 2026 14:05 CAT").doesNotContain("12:05Z");
        assertThat(admin.get("/sms/inbox?lang=rw").body()).contains("3 Ugushyingo 2026 14:05 CAT");
    }

    @Test
    void broadcast_times_are_kigali_time_and_numbers_follow_the_language() {
        long id = app.database().jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO broadcast (district_id, text, unicode, segments, recipients, price, cost, confirmation,
                                       created_by, created_at)
                SELECT id, 'Times broadcast', false, 1, 12345, 15, 185175, 'lang-confirmation', 'lang',
                       '2026-11-30T22:30:00Z'
                FROM district WHERE name = 'Rusizi' RETURNING id""").mapTo(Long.class).one());
        String list = admin.get("/broadcasts?lang=fr").body();
        assertThat(list).contains("1 déc. 2026 00:30 CAT").contains("12\u202F345").contains("185\u202F175 RWF");
        String one = admin.get("/broadcasts/" + id + "?lang=en").body();
        assertThat(one).contains("1 Dec 2026 00:30 CAT").contains("12,345").doesNotContain("22:30Z");
    }

    @Test
    void the_audit_log_shows_kigali_times() {
        Staff.signInThroughTheForm(app, Role.VIEWER); // a sign-in is audited
        String body = admin.get("/admin?lang=en").body();
        String audit = body.substring(body.indexOf("id=\"audit\""));
        assertThat(audit).contains(" CAT</td>").doesNotContainPattern("\\d\\d:\\d\\d(:\\d\\d)?Z");
    }
}
