package rw.ijwi.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Campaigns;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** Radio polls in the dashboard: the list, the form (same rules as the API, Kigali time), a poll's tally page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignPagesTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:30:00Z"));
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);
    private final Staff coordinator = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
    private final Staff viewer = Staff.signIn(app, Role.VIEWER);

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_poll_made_with_the_form_is_stored_in_utc_from_kigali_time_and_audited() {
        HttpResponse<String> created = coordinator.post("/campaigns", form("FORMA"));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring("/campaigns/".length()));
        assertThat(app.database().value("SELECT keyword || ' ' || to_char(opens_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD HH24:MI') || ' ' || to_char(closes_at AT TIME ZONE 'UTC', 'HH24:MI') FROM campaign "
                + "WHERE id = " + id)).isEqualTo("FORMA 2026-12-01 15:00 17:00");
        assertThat(app.database().value("SELECT string_agg(code || ':' || label_en || ':' || array_to_string(aliases, "
                + "'/'), ' ' ORDER BY position) FROM campaign_option WHERE campaign_id = " + id))
                .isEqualTo("A:Yes:1/yego/yes/oui B:No:2/oya/no/non C:Maybe:");
        assertThat(app.database().value("SELECT detail FROM audit_log WHERE action = 'campaign_created'"))
                .isEqualTo("id=" + id);
        assertThat(app.apiGet("/api/v1/campaigns/" + id).body()).contains("\"opensAt\":\"2026-12-01T15:00:00Z\"");
    }

    @Test
    void the_form_refuses_what_the_api_refuses_with_the_same_reason_and_keeps_the_values() {
        Map<String, String> reserved = form("STOP");
        HttpResponse<String> refused = coordinator.post("/campaigns", reserved);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("keyword STOP is (or is one letter from) a reserved SMS keyword")
                .contains("value=\"Rusizi talk show 2\"");
        Map<String, String> oneOption = form("SOLO");
        oneOption.remove("opt2_code");
        oneOption.remove("opt3_code");
        assertThat(coordinator.post("/campaigns", oneOption).body()).contains("options must be a list of 2 to 9 options");
        Map<String, String> badTime = form("LATE");
        badTime.put("closesAt", "tomorrow");
        assertThat(coordinator.post("/campaigns", badTime).body()).contains("closesAt must be a date and time");
    }

    @Test
    void a_poll_page_shows_the_tally_comments_bursts_and_the_studio_link() {
        long id = Campaigns.create(app, "RADIO", "2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z");
        Texting.text(app, "+250788800001", "RADIO A");
        Texting.text(app, "+250788800002", "RADIO yes");
        Texting.text(app, "+250788800003", "RADIO B <b>bold</b> words");
        app.database().jdbi().useHandle(h -> h.execute("INSERT INTO campaign_burst (campaign_id, digest, numbers, "
                + "first_at, last_at) VALUES (" + id + ", '\\x01', 12, '2026-12-01T17:10:00Z', '2026-12-01T17:10:08Z')"));
        app.app().sms().inbound().processAvailable();
        HttpResponse<String> page = viewer.get("/campaigns/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<td class=\"num\">2</td>", "<td class=\"num\">1</td>",
                "id=\"voters\">3<", "id=\"comments\">1<", "href=\"/radio/" + id + "/live\"", "On air",
                "<td class=\"num\">12</td><td>1 Dec 2026 19:10 CAT</td><td>1 Dec 2026 19:10 CAT</td>")
                .doesNotContain("<b>bold</b>");
        assertThat(viewer.get("/campaigns").body()).contains("href=\"/campaigns/" + id + "\"");
    }

    @Test
    void viewers_see_polls_but_cannot_make_one() {
        assertThat(viewer.get("/campaigns").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/campaigns/new").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/campaigns", form("VIEW")).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/campaigns").body()).doesNotContain("href=\"/campaigns/new\"");
        assertThat(coordinator.get("/campaigns/new").body()).contains("name=\"opt1_code\" value=\"A\"");
    }

    private static Map<String, String> form(String keyword) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Rusizi talk show 2");
        form.put("station", "Radio Rusizi");
        form.put("show", "");
        form.put("keyword", keyword);
        form.put("opensAt", "2026-12-01T17:00");
        form.put("closesAt", "2026-12-01T19:00");
        form.put("question_rw", "Ese polisi yabakiriye neza?");
        form.put("question_en", "Did the police receive you well?");
        form.put("question_fr", "La police vous a-t-elle bien recus?");
        String[][] options = {{"A", "Yego", "Yes", "Oui", "1 yego yes oui"}, {"B", "Oya", "No", "Non", "2 oya no non"},
                {"C", "Wenda", "Maybe", "Peut-etre", ""}};
        for (int i = 0; i < options.length; i++) {
            form.put("opt" + (i + 1) + "_code", options[i][0]);
            form.put("opt" + (i + 1) + "_rw", options[i][1]);
            form.put("opt" + (i + 1) + "_en", options[i][2]);
            form.put("opt" + (i + 1) + "_fr", options[i][3]);
            form.put("opt" + (i + 1) + "_aliases", options[i][4]);
        }
        form.put("opt4_code", "");
        return form;
    }
}
