package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;

/**
 * The JSON API: shapes, who sees exact counts, the release grid for everyone else, and bad parameters. The clock
 * stands on 3 December 2026; the reports are from November, a month that has ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DISTRICTS = List.of("Gasabo", "Huye", "Rusizi");
    private static final List<String> SERVICES = List.of("police", "health", "justice");
    private static final OffsetDateTime NOVEMBER = OffsetDateTime.parse("2026-11-16T10:00:00+02:00");

    private final TestApp app = new TestApp(seeded(), Map.of(),
            new TestClock(Instant.parse("2026-12-03T09:00:00Z")), false);
    private final String admin = Staff.apiToken(app, Role.ADMIN);
    private final String viewer = Staff.apiToken(app, Role.VIEWER);
    private final String rusizi = Staff.apiToken(app, Role.COORDINATOR, "Rusizi");
    private final String gasabo = Staff.apiToken(app, Role.COORDINATOR, "Gasabo");
    private final String two = Staff.apiToken(app, Role.COORDINATOR, "Gasabo", "Huye");

    /** The reports, in place before the app starts (and so before any month is released). */
    private static TestDatabase seeded() {
        TestDatabase database = TestDatabase.fresh();
        // district x service; Rusizi's health (3) and Huye's justice (1) are small.
        int[][] counts = {{7, 6, 9}, {9, 12, 1}, {12, 3, 0}};
        for (int d = 0; d < 3; d++) {
            for (int s = 0; s < 3; s++) {
                Reports.insertAt(database, NOVEMBER, DISTRICTS.get(d), null, SERVICES.get(s), "no_response", "ussd",
                        counts[d][s]);
            }
        }
        return database;
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void an_admin_gets_exact_counts_for_any_window_in_the_documented_shape() {
        JsonNode body = get(admin, "/api/v1/summary?groupBy=district,service&from=2026-11-10&to=2026-11-20");
        assertThat(body.get("suppressedBelow").asInt()).isEqualTo(5);
        assertThat(count(body, "Rusizi", "health")).isEqualTo("3");
        assertThat(count(body, "Huye", "justice")).isEqualTo("1");
        JsonNode first = body.get("rows").get(0);
        assertThat(List.of(first.fieldNames().next())).containsExactly("district");
        assertThat(first.has("service")).isTrue();
        assertThat(first.get("count").isNumber()).isTrue();
        assertThat(body.has("release")).isFalse();
        assertThat(body.get("rows")).hasSize(30 * 6);
    }

    @Test
    void a_viewer_gets_the_release_of_a_closed_month_and_never_a_count_below_k() {
        JsonNode body = get(viewer, "/api/v1/summary?groupBy=district,service&period=2026-11");
        assertThat(body.get("release").asText()).isEqualTo("2026-11");
        assertThat(count(body, "Rusizi", "health")).isEqualTo("<5");
        assertThat(count(body, "Huye", "justice")).isEqualTo("<5");
        assertThat(count(body, "Kicukiro", "police")).as("a zero").isEqualTo("<5");
        for (JsonNode row : body.get("rows")) {
            if (row.get("count").isNumber()) {
                assertThat(row.get("count").asLong()).isGreaterThanOrEqualTo(5);
            } else {
                assertThat(row.get("count").asText()).matches("<5|\\d+-\\d+|\\d+\\+");
            }
        }
        JsonNode same = get(viewer, "/api/v1/summary?groupBy=district,service&from=2026-11-01&to=2026-11-30");
        assertThat(same.get("rows")).isEqualTo(body.get("rows"));
    }

    @Test
    void a_viewer_asking_for_days_that_are_not_a_closed_grid_period_gets_400_naming_the_periods() {
        for (String query : List.of("", "from=2026-11-02&to=2026-11-30", "from=2026-11-01&to=2026-11-29",
                "period=2026-12", "period=2026-Q4", "period=2026")) {
            HttpResponse<String> response = send(viewer, "/api/v1/summary?groupBy=district&" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains("2026-11").doesNotContain("\n");
        }
    }

    @Test
    void a_quarter_is_the_sum_of_its_months_releases() {
        JsonNode quarter = get(viewer, "/api/v1/summary?groupBy=district&period=2026-Q3");
        assertThat(quarter.get("release").asText()).isEqualTo("2026-Q3");
        // No reports in July to September: each month shows every district as <5, the quarter as 0-12.
        assertThat(one(quarter, "district", "Rusizi")).isEqualTo("0-12");
        JsonNode months = get(viewer, "/api/v1/summary?groupBy=month&period=2026-Q3");
        assertThat(months.get("rows")).hasSize(3);
    }

    @Test
    void a_coordinator_sees_their_district_exactly_and_others_as_released() {
        JsonNode body = get(rusizi, "/api/v1/summary?groupBy=district,service&period=2026-11");
        assertThat(count(body, "Rusizi", "health")).isEqualTo("3");
        assertThat(count(body, "Huye", "justice")).isEqualTo("<5");
        JsonNode own = get(rusizi, "/api/v1/summary?groupBy=service&district=Rusizi&from=2026-11-10&to=2026-11-20");
        assertThat(own.get("rows")).hasSize(6);
        assertThat(own.get("rows").get(1).get("count").asText()).isEqualTo("3");
        JsonNode weeks = get(rusizi, "/api/v1/summary?groupBy=week&district=Rusizi");
        assertThat(weeks.get("rows").size()).isGreaterThan(50);
        assertThat(send(rusizi, "/api/v1/summary?groupBy=service&district=Huye&from=2026-11-10&to=2026-11-20")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void a_coordinator_of_two_districts_sees_both_exactly() {
        JsonNode body = get(two, "/api/v1/summary?groupBy=district,service&period=2026-11");
        assertThat(count(body, "Huye", "justice")).isEqualTo("1");
        assertThat(count(body, "Rusizi", "health")).isEqualTo("<5");
    }

    @Test
    void a_district_total_minus_the_other_cells_of_its_row_never_gives_a_small_count() {
        for (String token : List.of(viewer, rusizi, gasabo, two)) {
            JsonNode byDistrict = get(token, "/api/v1/summary?groupBy=district&period=2026-11");
            JsonNode both = get(token, "/api/v1/summary?groupBy=district,service&period=2026-11");
            for (String d : DISTRICTS) {
                String total = one(byDistrict, "district", d);
                List<String> shown = new ArrayList<>();
                for (String s : List.of("police", "health", "justice", "local_leaders", "shelter", "other")) {
                    shown.add(count(both, d, s));
                }
                // A row whose only hidden cells are <5 must leave them room for every value (each 0 to 4).
                if (total.matches("\\d+") && shown.stream().anyMatch(c -> c.equals("<5"))
                        && shown.stream().allMatch(c -> c.matches("\\d+") || c.equals("<5"))
                        && !(token.equals(rusizi) && d.equals("Rusizi")) && !(token.equals(gasabo) && d.equals("Gasabo"))
                        && !(token.equals(two) && !d.equals("Rusizi"))) {
                    long rest = Long.parseLong(total) - shown.stream().filter(c -> c.matches("\\d+"))
                            .mapToLong(Long::parseLong).sum();
                    long small = shown.stream().filter(c -> c.equals("<5")).count();
                    assertThat(rest).as("%s: what the <5 cells share", d).isGreaterThanOrEqualTo(4);
                    assertThat(rest).as("%s: what the <5 cells share", d).isLessThanOrEqualTo(4 * small - 3);
                }
            }
        }
    }

    @Test
    void viewers_get_no_weeks_and_no_pairs_without_district_or_month() {
        assertThat(send(viewer, "/api/v1/summary?groupBy=week&period=2026-11").body()).contains("groupBy=month");
        assertThat(send(viewer, "/api/v1/summary?groupBy=service,gap&period=2026-11").body())
                .contains("must include district or month");
        assertThat(get(admin, "/api/v1/summary?groupBy=service,gap").get("rows")).hasSize(36);
        assertThat(get(viewer, "/api/v1/summary?groupBy=service,month&period=2026-Q4".replace("Q4", "11"))
                .get("rows")).hasSize(6);
    }

    @Test
    void stats_are_for_admins_and_read_zero_for_what_does_not_exist_yet() {
        JsonNode body = get(admin, "/api/v1/stats");
        assertThat(body.get("reports").asLong()).isEqualTo(59);
        assertThat(body.get("outbound").get("queued").asInt()).isZero();
        assertThat(body.get("spool").asInt()).isZero();
        assertThat(status(viewer, "/api/v1/stats")).isEqualTo(403);
        assertThat(status(rusizi, "/api/v1/stats")).isEqualTo(403);
        assertThat(status(null, "/api/v1/stats")).isEqualTo(401);
        assertThat(status(null, "/api/v1/summary")).isEqualTo(401);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("unknown dimension", "groupBy=colour", "unknown groupBy dimension 'colour'"),
                Arguments.of("bad date", "from=2026-13-01", "bad date from='2026-13-01'"),
                Arguments.of("bad period", "period=2026-13", "bad period '2026-13'"),
                Arguments.of("unknown district", "district=Atlantis", "unknown district 'Atlantis'"),
                Arguments.of("unknown service", "service=army", "unknown service 'army'"),
                Arguments.of("three dimensions", "groupBy=gap&district=Rusizi&service=police", "at most two"),
                Arguments.of("sector without district", "groupBy=sector", "groupBy=sector needs district="),
                Arguments.of("unpublished pair", "groupBy=gap,week", "must include district or service"),
                Arguments.of("to before from", "from=2026-05-02&to=2026-05-01", "is before from"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void bad_parameters_get_400_with_a_one_line_reason(String name, String query, String reason) {
        HttpResponse<String> response = send(admin, "/api/v1/summary?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(reason).doesNotContain("\n");
    }

    private String count(JsonNode body, String district, String service) {
        for (JsonNode row : body.get("rows")) {
            if (row.get("district").asText().equals(district) && row.get("service").asText().equals(service)) {
                return row.get("count").asText();
            }
        }
        throw new AssertionError("no row " + district + "/" + service);
    }

    private String one(JsonNode body, String key, String value) {
        for (JsonNode row : body.get("rows")) {
            if (row.get(key).asText().equals(value)) {
                return row.get("count").asText();
            }
        }
        throw new AssertionError("no row " + value);
    }

    private JsonNode get(String token, String path) {
        HttpResponse<String> response = send(token, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int status(String token, String path) {
        return send(token, path).statusCode();
    }

    private HttpResponse<String> send(String token, String path) {
        return app.apiGet(token, path);
    }
}
