package rw.ijwi.sms.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** The SMS pages: the inbox (roles, escaping, audit, review), subscriber counts, delivery figures, the stats API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsPagesTest {

    static final String HOSTILE = "<script>alert('sms')</script> habari";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);
    private final Staff admin = Staff.signIn(app, Role.ADMIN);
    private final Staff rusizi = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
    private final Staff viewer = Staff.signIn(app, Role.VIEWER);

    SmsPagesTest() {
        Texting.text(app, "+250788400001", HOSTILE);
        Texting.text(app, "+250788400002", "Muraho, nashakaga kubaza ikibazo");
        Texting.text(app, "+250788400003", "JOIN Rusizi");
        Texting.text(app, "+250788400004", "JOIN Rusizi");
        Texting.text(app, "+250788400005", "INJIRA Huye");
        Texting.text(app, "+250788400006", "JOIN Huye");
        app.app().sms().inbound().processAvailable();
        clock.advance(Duration.ofMinutes(2));
        Texting.text(app, "+250788400006", "STOP");
        app.app().sms().inbound().processAvailable();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void the_inbox_shows_hostile_text_as_text_never_the_number_and_each_view_is_audited() {
        long before = audits("free_text_viewed");
        HttpResponse<String> page = rusizi.get("/sms/inbox?handled=all");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert('sms')&lt;/script&gt; habari")
                .doesNotContain("<script>alert").contains("Muraho, nashakaga kubaza ikibazo")
                .doesNotContain("JOIN Rusizi").doesNotContain("788400001");
        assertThat(audits("free_text_viewed")).isEqualTo(before + 1);
        String detail = (String) app.database().value("SELECT detail FROM audit_log WHERE action = 'free_text_viewed' "
                + "ORDER BY id DESC LIMIT 1");
        assertThat(detail).isEqualTo("page=/sms/inbox handled=all shown=2");
    }

    @Test
    void a_message_is_coded_and_marked_handled_and_leaves_the_unhandled_list() {
        long id = app.database().count("SELECT id FROM sms_inbound WHERE text LIKE 'Muraho%'");
        HttpResponse<String> done = admin.post("/sms/inbox/" + id, Map.of("codes", "information"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(app.database().value("SELECT array_to_string(codes, ',') || ' ' || handled_by FROM sms_inbound "
                + "WHERE id = " + id)).isEqualTo("information " + admin.username());
        assertThat(admin.get("/sms/inbox").body()).doesNotContain("Muraho, nashakaga");
        assertThat(admin.get("/sms/inbox?handled=yes").body()).contains("Muraho, nashakaga");
        assertThat(audits("sms_handled")).isEqualTo(1);
        assertThat(admin.post("/sms/inbox/" + id, Map.of("codes", "nonsense")).statusCode()).isEqualTo(400);
        long join = app.database().count("SELECT min(id) FROM sms_inbound WHERE outcome = 'join'");
        assertThat(admin.post("/sms/inbox/" + join, Map.of()).statusCode()).as("not an inbox message").isEqualTo(404);
    }

    @Test
    void viewers_cannot_read_the_inbox_or_the_sms_figures() {
        assertThat(viewer.get("/sms/inbox").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/sms/subscribers").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/sms/delivery").statusCode()).isEqualTo(403);
        assertThat(Staff.anonymous(app).get("/sms/inbox").statusCode()).isEqualTo(302);
    }

    @Test
    void subscriber_counts_per_district_never_show_a_number() {
        String page = admin.get("/sms/subscribers").body();
        assertThat(page).contains("<td>Rusizi</td><td class=\"num\">2</td>", "<td>Huye</td><td class=\"num\">1</td>",
                "<td>Gasabo</td><td class=\"num\">0</td>").doesNotContain("+250").doesNotContain("7884000");
        assertThat(page).contains("id=\"opt-outs\">1<");
        String own = rusizi.get("/sms/subscribers").body();
        assertThat(own).contains("<td>Rusizi</td><td class=\"num\">2</td>").doesNotContain("<td>Huye</td>")
                .doesNotContain("opt-outs");
    }

    @Test
    void delivery_figures_count_the_outbox_by_state_status_reason_and_day_for_admins_only() {
        app.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO sms_outbox (phone_hash, text, cause, state, next_attempt_at, created_at, updated_at,
                                        delivery_status, failure_reason, last_error)
                VALUES ('\\x01', 'a', 'reply', 'sent', now(), '2026-12-01T10:00:00Z', now(), 'Success', NULL, NULL),
                       ('\\x02', 'a', 'reply', 'sent', now(), '2026-12-01T10:00:00Z', now(), 'Failed',
                        'UserInBlackList', NULL),
                       ('\\x03', 'a', 'reply', 'failed', now(), '2026-11-30T10:00:00Z', now(), NULL, NULL,
                        'InvalidPhoneNumber')"""));
        try {
            // National counts with no district are not released to coordinators (docs/disclosure.md).
            assertThat(rusizi.get("/sms/delivery").statusCode()).isEqualTo(403);
            HttpResponse<String> page = admin.get("/sms/delivery");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<th>Success</th><td class=\"num\">1</td>",
                    "<th>UserInBlackList</th><td class=\"num\">1</td>", "<th>InvalidPhoneNumber</th><td class=\"num\">1</td>",
                    "<th>Failed</th><td class=\"num\">1</td>", "<td>30 Nov 2026</td>").doesNotContain("+250");
            JsonNode stats = new ObjectMapper().readTree(app.apiGet("/api/v1/stats").body());
            assertThat(stats.get("inbound").asLong()).isEqualTo(7);
            assertThat(stats.get("outbound").get("sent").asLong()).isEqualTo(2);
            assertThat(stats.get("outbound").get("failed").asLong()).isEqualTo(1);
            assertThat(stats.get("outbound").get("queued").asLong()).as("replies waiting: no AT account here")
                    .isEqualTo(app.database().count("SELECT count(*) FROM sms_outbox WHERE state = 'queued'"));
            assertThat(stats.get("subscribers").asLong()).isEqualTo(3);
            assertThat(stats.get("optOuts").asLong()).isEqualTo(1);
            assertThat(stats.get("spool").asLong()).isZero();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            app.database().jdbi().useHandle(h -> h.execute("DELETE FROM sms_outbox WHERE cause = 'reply' "
                    + "AND phone_encrypted IS NULL AND text = 'a'"));
        }
    }

    private long audits(String action) {
        return app.database().count("SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
    }
}
