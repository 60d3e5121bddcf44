package rw.ijwi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.auth.Role;
import rw.ijwi.feedback.Period;
import rw.ijwi.feedback.Provenance;
import rw.ijwi.geo.Rwanda;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;

/**
 * The simulator's test reports count in no figure: not in the summary (exact or released), the overview, the CSV
 * exports or a month's release; a reporter's report, filed the same way, does. Demo (seeded) reports count and are
 * named; repeats from one number are counted and flagged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestReportsCountNowhereTest {

    /** Two months back: released whatever day of the month the test runs on. */
    private static final YearMonth RELEASED = YearMonth.now(Rwanda.ZONE).minusMonths(2);

    private final TestApp app = new TestApp(seeded(), Map.of());
    private final Staff admin = Staff.signIn(app, Role.ADMIN);
    private final Staff rusizi = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
    private final String viewer = Staff.apiToken(app, Role.VIEWER);

    /** Seven reports and four of the simulator's in Gasabo two months back, in place before any release is made. */
    private static TestDatabase seeded() {
        TestDatabase database = TestDatabase.fresh();
        OffsetDateTime mid = RELEASED.atDay(15).atTime(10, 0).atZone(Rwanda.ZONE).toOffsetDateTime();
        Reports.insertAt(database, mid, "Gasabo", null, "police", "no_response", "ussd", 7);
        database.jdbi().useHandle(h -> h.execute("""
                INSERT INTO report (ref, channel, session_id, phone_hash, district_id, service, gap, language, created_at)
                SELECT (400000 + n)::text, 'ussd', 'sim-1-old' || n, '\\x07', d.id, 'police', 'no_response', 'en', ?
                FROM generate_series(1, 4) n, district d WHERE d.name = 'Gasabo'""", mid));
        return database;
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_months_release_and_its_exact_figures_leave_the_simulators_reports_out() {
        String period = "period=" + RELEASED;
        assertThat(app.apiGet(viewer, "/api/v1/summary?groupBy=district&" + period).body())
                .contains("{\"district\":\"Gasabo\",\"count\":7}");
        assertThat(app.apiGet(Staff.apiToken(app, Role.ADMIN), "/api/v1/summary?groupBy=district&" + period).body())
                .contains("{\"district\":\"Gasabo\",\"count\":7}");
        assertThat(app.apiGet(viewer, "/export/summary.csv?groupBy=district&" + period).body()).contains("Gasabo,7");
    }

    @Test
    void a_report_filed_on_the_simulator_changes_no_figure_and_a_reporters_report_does() {
        // Released figures (the summary export, viewers' pages) move only once a month closes: the test above.
        List<String> pages = List.of("/api/v1/summary?groupBy=district,service", "/?district=Rusizi",
                "/export/reports.csv");
        List<String> before = pages.stream().map(p -> admin.get(p).body()).toList();

        String text = "1*1*28*1*1*3*Only a test*2*1";
        assertThat(rusizi.postJson("/simulator/ussd", "{\"session\":\"nowhere0001\",\"text\":\"" + text + "\"}").body())
                .contains("Murakoze");
        assertThat(app.database().count("SELECT count(*) FROM report WHERE origin = 'simulator' "
                + "AND session_id LIKE 'sim-%-nowhere0001'")).isEqualTo(1);
        assertThat(pages.stream().map(p -> admin.get(p).body()).toList()).isEqualTo(before);

        assertThat(app.ussd("ATUid_live0001", "+250788555001", text)).contains("Murakoze");
        List<String> after = pages.stream().map(p -> admin.get(p).body()).toList();
        for (int i = 0; i < pages.size(); i++) {
            assertThat(after.get(i)).as(pages.get(i)).isNotEqualTo(before.get(i));
        }
    }

    @Test
    void a_second_report_from_one_number_within_30_days_is_counted_and_flagged_and_demo_reports_are_named() {
        String text = "1*1*28*1*1*3*Again*2*1";
        app.ussd("ATUid_repeat01", "+250788555111", text);
        app.ussd("ATUid_repeat02", "+250788555111", text.replace("Again", "And again"));
        app.ussd("ATUid_repeat03", "+250788555222", text);
        assertThat(app.database().value("SELECT string_agg(repeats_earlier::text, ',' ORDER BY id) FROM report "
                + "WHERE session_id LIKE 'ATUid_repeat%'")).isEqualTo("false,true,false");
        app.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language)
                SELECT 'S' || (1000000 + n), 'ussd', '\\x09', d.id, 'health', 'other', 'rw'
                FROM generate_series(1, 3) n, district d WHERE d.name = 'Rusizi'"""));
        LocalDate today = LocalDate.now(Rwanda.ZONE);
        Provenance.Notes notes = app.database().jdbi().onDemand(Provenance.class)
                .notes(new Period(today.withDayOfMonth(1), today), List.of("Rusizi"));
        assertThat(notes.repeats()).isEqualTo(1);
        assertThat(notes.demo()).isEqualTo(3);
        String review = rusizi.get("/review?reviewed=all").body();
        assertThat(review).contains("1 of these reports repeat an earlier one from the same number")
                .contains("include 3 demo reports").doesNotContain("+250788555111");
    }
}
