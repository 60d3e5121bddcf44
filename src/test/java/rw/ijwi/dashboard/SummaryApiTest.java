package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import rw.ijwi.feedback.Suppression.State;
import rw.ijwi.feedback.SuppressionPropertyTest;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/** The JSON API: shapes, who sees exact counts, the two-query subtraction attack, and bad parameters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DISTRICTS = List.of("Gasabo", "Huye", "Rusizi");
    private static final List<String> SERVICES = List.of("police", "health", "justice");

    private final TestApp app = new TestApp();
    private final String admin = Staff.apiToken(app, Role.ADMIN);
    private final String viewer = Staff.apiToken(app, Role.VIEWER);
    private final String rusizi = Staff.apiToken(app, Role.COORDINATOR, "Rusizi");
    private final String gasabo = Staff.apiToken(app, Role.COORDINATOR, "Gasabo");
    private final String two = Staff.apiToken(app, Role.COORDINATOR, "Gasabo", "Huye");

    SummaryApiTest() {
        // district x service; Rusizi's health (3) and Huye's justice (1) are small.
        int[][] counts = {{7, 6, 9}, {9, 12, 1}, {12, 3, 0}};
        for (int d = 0; d < 3; d++) {
            for (int s = 0; s < 3; s++) {
                Reports.insert(app, DISTRICTS.get(d), SERVICES.get(s), "no_response", counts[d][s]);
            }
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void an_admin_gets_exact_counts_in_the_documented_shape() {
        JsonNode body = get(admin, "/api/v1/summary?groupBy=district,service");
        assertThat(body.get("suppressedBelow").asInt()).isEqualTo(5);
        assertThat(count(body, "Rusizi", "health")).isEqualTo("3");
        assertThat(count(body, "Huye", "justice")).isEqualTo("1");
        JsonNode first = body.get("rows").get(0);
        assertThat(List.of(first.fieldNames().next())).containsExactly("district");
        assertThat(first.has("service")).isTrue();
        assertThat(first.get("count").isNumber()).isTrue();
        assertThat(body.get("rows")).hasSize(30 * 6);
    }

    @Test
    void a_viewer_never_sees_a_count_below_k() {
        JsonNode body = get(viewer, "/api/v1/summary?groupBy=district,service");
        assertThat(count(body, "Rusizi", "health")).isEqualTo("<5");
        assertThat(count(body, "Huye", "justice")).isEqualTo("<5");
        for (JsonNode row : body.get("rows")) {
            if (row.get("count").isNumber()) {
                assertThat(row.get("count").asLong()).satisfiesAnyOf(n -> assertThat(n).isZero(),
                        n -> assertThat(n).isGreaterThanOrEqualTo(5));
            } else {
                assertThat(row.get("count").asText()).isIn("<5", "hidden");
            }
        }
    }

    @Test
    void a_coordinator_sees_their_district_exactly_and_others_suppressed() {
        JsonNode body = get(rusizi, "/api/v1/summary?groupBy=district,service");
        assertThat(count(body, "Rusizi", "health")).isEqualTo("3");
        assertThat(count(body, "Huye", "justice")).isEqualTo("<5");
        JsonNode own = get(rusizi, "/api/v1/summary?groupBy=service&district=Rusizi");
        assertThat(own.get("rows")).hasSize(6);
        assertThat(own.get("rows").get(1).get("count").asText()).isEqualTo("3");
    }

    @Test
    void a_district_total_minus_the_other_cells_of_its_row_never_gives_a_hidden_count() {
        for (String token : List.of(viewer, rusizi, gasabo, two)) {
            JsonNode byDistrict = get(token, "/api/v1/summary?groupBy=district");
            JsonNode byService = get(token, "/api/v1/summary?groupBy=service");
            JsonNode both = get(token, "/api/v1/summary?groupBy=district,service");
            // The attack, literally: a shown district total minus its row's shown cells.
            for (String d : DISTRICTS) {
                String total = one(byDistrict, "district", d);
                List<String> hidden = new ArrayList<>();
                for (String s : List.of("police", "health", "justice", "local_leaders", "shelter", "other")) {
                    String c = count(both, d, s);
                    if (!c.matches("\\d+")) {
                        hidden.add(s);
                    }
                }
                if (total.matches("\\d+") && !hidden.isEmpty()) {
                    assertThat(hidden).as("hidden cells of %s", d).hasSizeGreaterThanOrEqualTo(2);
                }
            }
            // And in general: nothing hidden is a linear combination of everything these queries show,
            // beyond what the coordinator already knows of their own district.
            Set<Integer> known = token.equals(rusizi) ? rows(byDistrict, "Rusizi")
                    : token.equals(gasabo) ? rows(byDistrict, "Gasabo")
                    : token.equals(two) ? rows(byDistrict, "Gasabo", "Huye") : Set.of();
            if (token.equals(two)) {
                assertThat(count(both, "Huye", "justice")).isEqualTo("1");
                assertThat(count(both, "Rusizi", "health")).isEqualTo("<5");
            }
            assertThat(SuppressionPropertyTest.determined(published(byDistrict, byService, both), known).stream()
                    .filter(f -> f.small() && f.row() > 0).toList()).isEmpty();
        }
    }

    /** The row indexes (0-based, as in the district table) of these districts: what their coordinator knows. */
    private static Set<Integer> rows(JsonNode byDistrict, String... districts) {
        Set<Integer> found = new java.util.HashSet<>();
        for (int i = 0; i < byDistrict.get("rows").size(); i++) {
            if (List.of(districts).contains(byDistrict.get("rows").get(i).get("district").asText())) {
                found.add(i);
            }
        }
        assertThat(found).hasSize(districts.length);
        return found;
    }

    /** The augmented table (row 0 = service totals, column 0 = district totals) of the three districts used. */
    private SuppressionPropertyTest.Published published(JsonNode byDistrict, JsonNode byService, JsonNode both) {
        List<String> services = List.of("police", "health", "justice", "local_leaders", "shelter", "other");
        List<String> districts = new ArrayList<>();
        byDistrict.get("rows").forEach(r -> districts.add(r.get("district").asText()));
        long[][] values = new long[districts.size() + 1][services.size() + 1];
        State[][] states = new State[districts.size() + 1][services.size() + 1];
        long grand = 0;
        for (int i = 0; i < districts.size(); i++) {
            set(values, states, i + 1, 0, one(byDistrict, "district", districts.get(i)));
            for (int j = 0; j < services.size(); j++) {
                set(values, states, i + 1, j + 1, count(both, districts.get(i), services.get(j)));
            }
        }
        for (int j = 0; j < services.size(); j++) {
            set(values, states, 0, j + 1, one(byService, "service", services.get(j)));
        }
        set(values, states, 0, 0, "59");
        return new SuppressionPropertyTest.Published(values, states);
    }

    private static void set(long[][] values, State[][] states, int i, int j, String shown) {
        states[i][j] = shown.matches("\\d+") ? State.EXACT : shown.startsWith("<") ? State.SMALL : State.HIDDEN;
        values[i][j] = shown.matches("\\d+") ? Long.parseLong(shown) : 0;
    }

    @Test
    void a_coordinator_asking_for_another_district_alone_gets_its_suppressed_slice() {
        JsonNode body = get(gasabo, "/api/v1/summary?groupBy=service&district=Rusizi");
        assertThat(body.get("rows").get(1).get("count").asText()).isEqualTo("<5");
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
        HttpResponse<String> response = send(viewer, "/api/v1/summary?" + query);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
