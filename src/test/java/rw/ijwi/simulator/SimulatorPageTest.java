package rw.ijwi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/** The phone simulator's hop route: drives the real webhook, hides its token, keeps users' sessions apart. */
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
}
