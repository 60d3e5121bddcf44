package rw.ijwi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/**
 * The phone simulator's hop route: drives the real webhook, hides its token, keeps users' sessions apart, marks its
 * reports as tests and files them only into the user's own districts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorPageTest {

    private final TestApp app = new TestApp();
    private final Staff coordinator = Staff.signIn(app, Role.COORDINATOR, "Rusizi");

    @AfterAll
    void stop() {
        app.close();
    }

    HttpResponse<String> hop(Staff staff, String session, String text) {
        return staff.postJson("/simulator/ussd", "{\"session\":\"" + session + "\",\"text\":\"" + text + "\"}");
    }

    @Test
    void a_report_filed_on_the_simulator_goes_through_the_real_webhook_and_is_stored() {
        HttpResponse<String> first = hop(coordinator, "abcdef0123456789", "");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"end\":false").contains("Ijwi");
        HttpResponse<String> last = first;
        String text = "";
        for (String input : new String[] {"1", "1", "99", "99", "28", "1", "1", "3", "Slow at the station", "2", "1"}) {
            text = text.isEmpty() ? input : text + "*" + input;
            last = hop(coordinator, "abcdef0123456789", text);
            assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        }
        assertThat(last.body()).contains("\"end\":true").contains("Murakoze");
        assertThat(app.database().count("SELECT count(*) FROM report WHERE session_id LIKE 'sim-%-abcdef0123456789'"))
                .isEqualTo(1);
    }

    @Test
    void the_end_of_a_simulated_session_reaches_the_events_webhook_for_the_drop_off_view() {
        hop(coordinator, "dropoff01", "");
        hop(coordinator, "dropoff01", "1");
        HttpResponse<String> end = coordinator.postJson("/simulator/ussd/end",
                "{\"session\":\"dropoff01\",\"text\":\"1\",\"completed\":false,\"hops\":2,\"ms\":5000}");
        assertThat(end.statusCode()).as(end.body()).isEqualTo(200);
        assertThat(app.database().value("SELECT status || ' ' || hops FROM ussd_session WHERE session_id LIKE 'sim-%-dropoff01'"))
                .isEqualTo("Incomplete 2");
    }

    @Test
    void the_page_never_shows_the_webhook_token() {
        String page = coordinator.get("/simulator").body();
        assertThat(page).contains("id=\"phone\"").contains("/static/simulator.js").doesNotContain(TestApp.TOKEN);
        assertThat(hop(coordinator, "abcdefgh", "").body()).doesNotContain(TestApp.TOKEN);
    }

    @Test
    void a_hop_needs_the_csrf_header_and_a_sane_session_id() {
        assertThat(coordinator.postRaw("/simulator/ussd", java.util.Map.of("session", "abcdefgh", "text", ""))
                .statusCode()).isEqualTo(403);
        assertThat(hop(coordinator, "../../etc", "").statusCode()).isEqualTo(400);
        assertThat(coordinator.postJson("/simulator/ussd", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void two_users_with_the_same_browser_session_id_get_separate_ussd_sessions() {
        Staff admin = Staff.signIn(app, Role.ADMIN);
        hop(coordinator, "samesame1", "1*1*28*1*1*3*From the coordinator*2*1");
        hop(admin, "samesame1", "1*1*28*1*1*3*From the admin*2*1");
        assertThat(app.database().count("SELECT count(DISTINCT session_id) FROM report WHERE session_id LIKE 'sim-%-samesame1'"))
                .isEqualTo(2);
        assertThat(app.database().count("SELECT count(DISTINCT phone_hash) FROM report WHERE session_id LIKE 'sim-%-samesame1'"))
                .isEqualTo(2);
        assertThat(SimulatorPage.phoneOf(new rw.ijwi.auth.User(7, "a", Role.ADMIN, java.util.Set.of())))
                .isEqualTo("+250799000007");
    }

    @Test
    void a_simulated_report_is_stored_as_a_test_and_listed_on_the_test_view() {
        HttpResponse<String> last = hop(coordinator, "testview01", "1*1*28*1*1*3*A test from the simulator*2*1");
        assertThat(last.body()).contains("\"end\":true").contains("Murakoze");
        assertThat(app.database().value("SELECT origin FROM report WHERE session_id LIKE 'sim-%-testview01'"))
                .isEqualTo("simulator");
        String ref = app.database().value("SELECT ref FROM report WHERE session_id LIKE 'sim-%-testview01'").toString();
        String view = coordinator.get("/simulator/reports").body();
        assertThat(view).contains(ref).contains("A test from the simulator").contains("Rusizi");
        assertThat(Staff.signIn(app, Role.COORDINATOR, "Rusizi").get("/simulator/reports").body())
                .as("another user's test view").doesNotContain(ref);
        assertThat(coordinator.get("/simulator").body()).contains("id=\"test-note\"").contains("Rusizi")
                .contains("/simulator/reports");
    }

    @Test
    void a_coordinator_cannot_file_a_test_report_into_another_district_and_nothing_is_stored() {
        long before = app.database().count("SELECT count(*) FROM report");
        // 8 is Huye on the district list; this coordinator covers Rusizi only.
        HttpResponse<String> refused = hop(coordinator, "otherdist01", "1*1*8*1*1*3*Into Huye*2*1");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Huye").contains("Rusizi").contains("Not stored");
        assertThat(app.database().count("SELECT count(*) FROM report")).isEqualTo(before);

        Staff admin = Staff.signIn(app, Role.ADMIN);
        HttpResponse<String> allowed = hop(admin, "otherdist02", "1*1*8*1*1*3*Into Huye*2*1");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(app.database().value("SELECT d.name FROM report r JOIN district d ON d.id = r.district_id "
                + "WHERE r.session_id LIKE 'sim-%-otherdist02'")).isEqualTo("Huye");
    }

    @Test
    void a_simulator_session_id_sent_straight_to_the_webhook_files_nothing() {
        long before = app.database().count("SELECT count(*) FROM report");
        String reply = app.ussd("sim-1-forged0001", "+250788123456", "1*1*28*1*1*3*Forged*2*1");
        assertThat(reply).startsWith("END ").doesNotContain("Murakoze!");
        assertThat(app.database().count("SELECT count(*) FROM report")).isEqualTo(before);
    }
}
