package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;

/**
 * The overview, the brief, the CSV exports and the drop-off view: who may open them and what they hide. The clock
 * stands on 3 December 2026 and the reports are from November, a month that has ended (and so has a release).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumbersPagesTest {

    private static final Pattern SHOWN = Pattern.compile("<text class=\"value\"[^>]*>([^<]*)</text>|<div class=\"figure\">([^<]*)</div>|<(?:td|span) class=\"num\">([^<]*)</(?:td|span)>");

    private final TestApp app = new TestApp(seeded(), Map.of(),
            new TestClock(Instant.parse("2026-12-03T09:00:00Z")), false);
    private final Staff admin = Staff.signIn(app, Role.ADMIN);
    private final Staff viewer = Staff.signIn(app, Role.VIEWER);
    private final Staff rusizi = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
    private final Staff gasabo = Staff.signIn(app, Role.COORDINATOR, "Gasabo");

    /** The reports and sessions, in place before the app starts (and so before any month is released). */
    private static TestDatabase seeded() {
        TestDatabase database = TestDatabase.fresh();
        Reports.insert(database, "Rusizi", "police", "no_response", 12);
        Reports.insert(database, "Rusizi", "health", "asked_to_pay", 3);
        Reports.insert(database, "Gasabo", "police", "no_response", 9);
        Reports.insert(database, "Gasabo", "health", "asked_to_pay", 8);
        Reports.insert(database, "Huye", "justice", "not_available", 2);
        Reports.insert(database, "Huye", "police", "not_available", 11);
        Reports.insert(database, "Rusizi", "police", "treated_badly", "Approved words from Bugarama", true, true);
        Reports.insert(database, "Rusizi", "police", "treated_badly", "<script>alert('x')</script> said the officer", true,
                true);
        Reports.insert(database, "Rusizi", "police", "treated_badly", "Consented but never approved", true, false);
        Reports.insert(database, "Rusizi", "police", "treated_badly", "Not consented at all", false, false);
        Reports.insert(database, "Gasabo", "police", "treated_badly", "Approved in Gasabo only", true, true);
        database.jdbi().useHandle(h -> h.execute("UPDATE report SET created_at = '2026-11-16T10:00:00+02:00'"));
        database.jdbi().useHandle(h -> h.execute("""
                INSERT INTO ussd_session (session_id, status, hops, last_screen) VALUES
                    ('s1', 'Success', 9, 'thanks'), ('s2', 'Success', 9, 'thanks'), ('s3', 'Incomplete', 3, 'sector'),
                    ('s4', 'Incomplete', 2, 'district'), ('s5', 'Incomplete', 3, 'sector'), ('s6', 'Failed', 1, 'consent')
                """));
        // On the test's day, not the machine's: the drop-off view's range ends on the clock's date.
        database.jdbi().useHandle(h -> h.execute("UPDATE ussd_session SET received_at = '2026-12-02T10:00:00+02:00'"));
        return database;
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static Stream<Arguments> access() {
        return Stream.of(
                Arguments.of("overview: viewer", "viewer", "/", 200),
                Arguments.of("overview: coordinator", "rusizi", "/?district=Rusizi", 200),
                Arguments.of("overview: anonymous goes to login", "anonymous", "/", 302),
                Arguments.of("brief: own district", "rusizi", "/brief?district=Rusizi", 200),
                Arguments.of("brief: another district", "gasabo", "/brief?district=Rusizi", 403),
                Arguments.of("brief: admin any district", "admin", "/brief?district=Huye", 200),
                Arguments.of("brief: viewer", "viewer", "/brief?district=Rusizi", 200),
                Arguments.of("brief: unknown district", "admin", "/brief?district=Atlantis", 400),
                Arguments.of("summary.csv: viewer", "viewer", "/export/summary.csv?period=2026-11", 200),
                Arguments.of("summary.csv: off the grid", "admin", "/export/summary.csv?from=2026-11-02", 400),
                Arguments.of("reports.csv: viewer", "viewer", "/export/reports.csv", 403),
                Arguments.of("reports.csv: coordinator", "rusizi", "/export/reports.csv", 200),
                Arguments.of("dropoff: coordinator", "rusizi", "/dropoff", 403),
                Arguments.of("dropoff: admin", "admin", "/dropoff", 200),
                Arguments.of("dropoff: viewer", "viewer", "/dropoff", 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("access")
    void each_page_answers_the_roles_it_should(String name, String who, String path, int status) {
        assertThat(as(who).get(path).statusCode()).isEqualTo(status);
    }

    @Test
    void a_viewer_never_sees_a_count_between_one_and_k_on_the_overview_or_a_brief() {
        for (String path : List.of("/", "/?district=Rusizi", "/?district=Huye", "/?service=health",
                "/brief?district=Rusizi", "/brief?district=Huye")) {
            String page = viewer.get(path).body();
            List<String> shown = shown(page);
            assertThat(shown).as(path).isNotEmpty();
            for (String s : shown) {
                String digits = s.replace(",", "").strip();
                if (digits.matches("\\d+")) {
                    assertThat(Long.parseLong(digits)).as(path + " shows " + s).satisfiesAnyOf(
                            n -> assertThat(n).isZero(), n -> assertThat(n).isGreaterThanOrEqualTo(5));
                }
            }
            assertThat(page).as(path).contains("&lt;5");
        }
    }

    @Test
    void a_coordinator_sees_their_own_small_counts_exactly_on_the_overview() {
        String page = rusizi.get("/?district=Rusizi").body();
        assertThat(shown(page)).contains("3");
        assertThat(shown(gasabo.get("/?district=Rusizi").body())).doesNotContain("3").contains("<5");
    }

    @Test
    void the_overview_draws_bars_and_a_map_and_links_each_district_to_its_sectors() {
        String page = admin.get("/").body();
        assertThat(page).contains("<table class=\"hbars\">").contains("<svg class=\"map\"")
                .contains("href=\"/?from=").contains("district=Rusizi");
        assertThat(page).doesNotContain("style=");
        assertThat(admin.get("/?district=Rusizi").body()).contains("Reports by sector");
        Staff french = Staff.signIn(app, Role.VIEWER);
        assertThat(french.get("/?lang=fr").body()).contains("Signalements par district").contains("&lt;5");
    }

    @Test
    void the_brief_is_suppressed_even_for_an_admin() {
        String page = admin.get("/brief?district=Rusizi").body();
        assertThat(page).contains("&lt;5").contains("District dialogue brief");
        assertThat(shown(page)).doesNotContain("3");
    }

    @Test
    void the_brief_quotes_only_consented_and_approved_comments_escaped() {
        String page = rusizi.get("/brief?district=Rusizi").body();
        assertThat(page).contains("Approved words from Bugarama");
        assertThat(page).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
        assertThat(page).doesNotContain("Consented but never approved").doesNotContain("Not consented at all")
                .doesNotContain("Approved in Gasabo only");
        assertThat(viewer.get("/brief?district=Rusizi").body()).doesNotContain("Approved words from Bugarama");
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'view_brief' AND username = '"
                + rusizi.username() + "'")).isPositive();
    }

    @Test
    void the_summary_csv_is_suppressed_for_everyone_and_audited() {
        for (Staff staff : List.of(admin, rusizi, viewer)) {
            HttpResponse<String> csv = staff.get("/export/summary.csv?groupBy=district,service&period=2026-11");
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.body()).startsWith("district,service,count").contains("Rusizi,health,<5")
                    .doesNotContain("Rusizi,health,3");
            assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'export_summary' AND username = '"
                    + staff.username() + "'")).isPositive();
        }
    }

    @Test
    void the_reports_csv_of_a_coordinator_holds_only_their_districts_and_never_a_phone_hash() {
        String csv = rusizi.get("/export/reports.csv").body();
        assertThat(csv.split("\r\n")[0]).isEqualTo("ref,created_at,channel,district,sector,service,gap,language,comment,quote_consent");
        assertThat(csv).contains("Rusizi").doesNotContain("Gasabo").doesNotContain("Huye").doesNotContain("phone");
        assertThat(csv.split("\r\n")).hasSize(1 + 19);
        assertThat(admin.get("/export/reports.csv").body().split("\r\n")).hasSize(1 + 50);
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'export_reports' AND username = '"
                + rusizi.username() + "' AND detail LIKE '%districts=Rusizi'")).isPositive();
    }

    @Test
    void the_dropoff_view_counts_completed_abandoned_per_screen_and_failed_sessions() {
        String page = admin.get("/dropoff").body();
        assertThat(page).contains("<strong>6</strong>");
        assertThat(page.replaceAll("\\s+", " ")).contains("Completed</td><td><code></code></td><td class=\"num\">2</td><td class=\"num\">33.3%")
                .contains("<code>sector</code></td><td class=\"num\">2</td>")
                .contains("<code>district</code></td><td class=\"num\">1</td>")
                .contains("Failed</td><td><code></code></td><td class=\"num\">1</td>");
    }

    private static List<String> shown(String page) {
        List<String> values = new ArrayList<>();
        Matcher m = SHOWN.matcher(page);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    values.add(m.group(g).replace("&lt;", "<").strip());
                }
            }
        }
        return values;
    }

    private Staff as(String who) {
        return switch (who) {
            case "admin" -> admin;
            case "viewer" -> viewer;
            case "rusizi" -> rusizi;
            case "gasabo" -> gasabo;
            default -> Staff.anonymous(app);
        };
    }
}
