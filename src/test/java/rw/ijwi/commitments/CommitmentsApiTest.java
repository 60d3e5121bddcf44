package rw.ijwi.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/** GET and POST /api/v1/commitments: the stored object back, one reason per bad field, districts enforced. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitmentsApiTest {

    static final String GOOD = """
            {"district":"Rusizi","sector":null,"actor":"National Police","promise":"Station officers in Bugarama",
             "service":"police","dueDate":"2027-03-31","status":"pledged"}""";

    private final TestApp app = new TestApp();
    private final String admin = Staff.apiToken(app, Role.ADMIN);
    private final String rusizi = Staff.apiToken(app, Role.COORDINATOR, "Rusizi");
    private final String viewer = Staff.apiToken(app, Role.VIEWER);
    private final ObjectMapper json = new ObjectMapper();

    @AfterAll
    void stop() {
        app.close();
    }

    /** One bad body and the reason the answer must give. */
    record Bad(String label, String body, String reason) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Bad> badBodies() {
        return Stream.of(
                new Bad("unknown district", GOOD.replace("\"Rusizi\"", "\"Atlantis\""), "district: unknown district 'Atlantis'"),
                new Bad("missing district", GOOD.replace("\"district\":\"Rusizi\",", ""), "district: required"),
                new Bad("sector of another district", GOOD.replace("\"sector\":null", "\"sector\":\"Kimironko\""),
                        "sector: 'Kimironko' is not a sector of Rusizi"),
                new Bad("bad date", GOOD.replace("2027-03-31", "31/03/2027"), "dueDate: '31/03/2027' is not a date"),
                new Bad("impossible date", GOOD.replace("2027-03-31", "2027-02-30"), "dueDate: '2027-02-30'"),
                new Bad("unknown status", GOOD.replace("\"pledged\"", "\"forgotten\""), "status: unknown status 'forgotten'"),
                new Bad("unknown service", GOOD.replace("\"police\"", "\"army\""), "service: unknown service 'army'"),
                new Bad("unknown gap", GOOD.replace("\"status\"", "\"gap\":\"weather\",\"status\""), "gap: unknown gap 'weather'"),
                new Bad("empty actor", GOOD.replace("National Police", "  "), "actor: required"),
                new Bad("too long promise", GOOD.replace("Station officers in Bugarama", "x".repeat(501)),
                        "promise: 501 characters, at most 500"),
                new Bad("a number where text belongs", GOOD.replace("\"National Police\"", "42"), "actor: must be a string"),
                new Bad("unknown field", GOOD.replace("\"status\"", "\"owner\":\"me\",\"status\""), "owner: unknown field"),
                new Bad("not JSON", "{district: Rusizi", "body: not valid JSON"),
                new Bad("not an object", "[1,2]", "body: a JSON object is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void a_bad_field_is_refused_with_a_one_line_reason_and_nothing_is_stored(Bad bad) throws IOException {
        long before = app.database().count("SELECT count(*) FROM commitment");
        HttpResponse<String> response = post(admin, bad.body());
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.toString()).contains(bad.reason());
        errors.forEach(e -> assertThat(e.asText()).doesNotContain("\n"));
        assertThat(app.database().count("SELECT count(*) FROM commitment")).isEqualTo(before);
    }

    @Test
    void every_bad_field_gets_its_own_reason() throws IOException {
        HttpResponse<String> response = post(admin, """
                {"district":"Rusizi","sector":"Nowhere","actor":"","promise":"p","dueDate":"soon","status":"x"}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors")).hasSize(4);
    }

    @Test
    void a_good_commitment_is_stored_and_answered_with_its_id() throws IOException {
        HttpResponse<String> response = post(rusizi, GOOD.replace("\"sector\":null", "\"sector\":\"bugarama\""));
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode stored = json.readTree(response.body());
        assertThat(stored.get("id").asLong()).isPositive();
        assertThat(stored.get("district").asText()).isEqualTo("Rusizi");
        assertThat(stored.get("sector").asText()).isEqualTo("Bugarama");
        assertThat(stored.get("dueDate").asText()).isEqualTo("2027-03-31");
        assertThat(stored.get("status").asText()).isEqualTo("pledged");
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'commitment_created' AND detail = 'id="
                + stored.get("id").asLong() + " district=Rusizi'")).isEqualTo(1);
        HttpResponse<String> list = get(viewer, "/api/v1/commitments?district=rusizi");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json.readTree(list.body()).get("commitments").toString()).contains("Station officers in Bugarama");
    }

    @Test
    void a_coordinator_cannot_post_for_another_district() {
        HttpResponse<String> response = post(rusizi, GOOD.replace("Rusizi", "Huye"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(app.database().count("SELECT count(*) FROM commitment c JOIN district d ON d.id = c.district_id "
                + "WHERE d.name = 'Huye'")).isZero();
    }

    @Test
    void a_viewer_reads_but_cannot_post_and_anonymous_gets_401() {
        assertThat(post(viewer, GOOD).statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/v1/commitments").statusCode()).isEqualTo(401);
        assertThat(get(viewer, "/api/v1/commitments?district=Atlantis").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String token, String body) {
        return app.apiPost(token, "/api/v1/commitments", body, "application/json");
    }

    private HttpResponse<String> get(String token, String path) {
        return app.apiGet(token, path);
    }
}
