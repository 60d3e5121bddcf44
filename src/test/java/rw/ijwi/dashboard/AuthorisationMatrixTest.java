package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/**
 * Every route in App's route table, asked by every kind of caller, with the status each must get. To add a
 * route: add a row to {@link #ROUTES} (the last test fails until every route in App.java has one).
 * Columns: anonymous, viewer, coordinator of another district (Huye), coordinator of Rusizi, admin.
 * {commitment} is a Rusizi commitment, {comment} a Rusizi comment, {username} a user an admin may disable,
 * {campaign} a radio campaign, {message} an SMS in the inbox, {broadcast} a Rusizi broadcast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest {

    /** Who is asking. */
    enum Who { ANONYMOUS, VIEWER, OTHER_COORDINATOR, COORDINATOR, ADMIN }

    /** One route, how to call it (an optional JSON body, else an empty form), and the status for each caller. */
    record Route(String method, String path, String json, Map<Who, Integer> expect) {

        static Route of(String method, String path, int anonymous, int viewer, int otherCoordinator, int coordinator,
                int admin) {
            return json(method, path, null, anonymous, viewer, otherCoordinator, coordinator, admin);
        }

        static Route json(String method, String path, String json, int anonymous, int viewer, int otherCoordinator,
                int coordinator, int admin) {
            Map<Who, Integer> expect = new EnumMap<>(Who.class);
            expect.put(Who.ANONYMOUS, anonymous);
            expect.put(Who.VIEWER, viewer);
            expect.put(Who.OTHER_COORDINATOR, otherCoordinator);
            expect.put(Who.COORDINATOR, coordinator);
            expect.put(Who.ADMIN, admin);
            return new Route(method, path, json, expect);
        }

        /** The route as App.java writes it, path parameters named in braces. */
        String tableKey() {
            return method + " " + path.replaceAll("\\?.*", "").replace("{commitment}", "{id}").replace("{comment}", "{id}")
                    .replace("{campaign}", "{id}").replace("{message}", "{id}").replace("{broadcast}", "{id}");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String COMMITMENT = """
            {"district":"Rusizi","actor":"National Police","promise":"Matrix promise","status":"pledged"}""";
    static final String HOP = "{\"session\":\"matrixhop1\",\"text\":\"\"}";

    static final List<Route> ROUTES = List.of(
            //                                                             anon viewer other coord admin
            Route.of("GET", "/login", 200, 200, 200, 200, 200),
            Route.of("POST", "/login", 403, 403, 403, 403, 403),            // no login CSRF cookie
            Route.of("GET", "/setup", 404, 404, 404, 404, 404),             // no setup token
            Route.of("POST", "/setup", 403, 403, 403, 403, 403),
            Route.of("GET", "/health", 200, 200, 200, 200, 200),
            Route.of("GET", "/metrics", 404, 404, 404, 404, 404),         // only on IJWI_METRICS_BIND (MetricsTest)
            Route.of("POST", "/at/ussd", 401, 401, 401, 401, 401),          // no webhook token
            Route.of("POST", "/at/ussd/events", 401, 401, 401, 401, 401),
            Route.of("GET", "/", 302, 200, 200, 200, 200),
            Route.of("GET", "/commitments", 302, 200, 200, 200, 200),
            Route.of("GET", "/commitments?district=Rusizi&status=pledged", 302, 200, 200, 200, 200),
            Route.of("GET", "/commitments/new", 302, 403, 200, 200, 200),
            Route.of("POST", "/commitments", 401, 403, 400, 400, 400),      // empty form: every field reason
            Route.of("GET", "/commitments/{commitment}", 302, 200, 200, 200, 200),
            Route.of("POST", "/commitments/{commitment}", 401, 403, 403, 400, 400),
            Route.of("POST", "/commitments/{commitment}/notes", 401, 403, 403, 400, 400),
            Route.of("GET", "/api/v1/commitments", 401, 200, 200, 200, 200),
            Route.json("POST", "/api/v1/commitments", COMMITMENT, 401, 403, 403, 201, 201),
            Route.of("GET", "/review", 302, 403, 200, 200, 200),
            Route.of("GET", "/review?district=Rusizi", 302, 403, 403, 200, 200),
            Route.of("POST", "/review", 401, 403, 400, 400, 400),            // empty form: no comment chosen
            Route.of("POST", "/review/{comment}", 401, 403, 404, 303, 303),  // another district's: as if not there
            Route.of("POST", "/review/{comment}/redact", 401, 403, 404, 303, 303),
            Route.of("GET", "/simulator", 302, 403, 200, 200, 200),
            Route.json("POST", "/simulator/ussd", HOP, 401, 403, 200, 200, 200),
            Route.json("POST", "/simulator/ussd/end", HOP, 401, 403, 200, 200, 200),
            Route.of("GET", "/simulator/reports", 302, 403, 200, 200, 200),
            Route.of("GET", "/admin", 302, 403, 403, 403, 200),
            Route.of("POST", "/admin/users", 401, 403, 403, 403, 400),      // empty form: no role
            Route.of("POST", "/admin/users/{username}/disable", 401, 403, 403, 403, 303),
            Route.of("POST", "/at/sms", 401, 401, 401, 401, 401),           // no webhook token
            Route.of("POST", "/at/sms/delivery", 401, 401, 401, 401, 401),
            Route.of("POST", "/at/sms/optout", 401, 401, 401, 401, 401),
            Route.json("POST", "/api/v1/campaigns", "{}", 401, 403, 400, 400, 400),  // empty: refused with reasons
            Route.of("GET", "/api/v1/campaigns/{campaign}", 401, 200, 200, 200, 200),
            Route.of("GET", "/api/v1/campaigns/{campaign}/tally", 401, 200, 200, 200, 200),
            Route.of("GET", "/radio/{campaign}/live", 302, 200, 200, 200, 200),
            Route.of("GET", "/campaigns", 302, 200, 200, 200, 200),
            Route.of("GET", "/campaigns/new", 302, 403, 200, 200, 200),
            Route.of("POST", "/campaigns", 401, 403, 400, 400, 400),        // empty form: refused with a reason
            Route.of("GET", "/campaigns/{campaign}", 302, 200, 200, 200, 200),
            Route.of("GET", "/sms/inbox", 302, 403, 200, 200, 200),         // no district on an SMS: all staff
            Route.of("POST", "/sms/inbox/{message}", 401, 403, 303, 303, 303),
            Route.of("GET", "/sms/subscribers", 302, 403, 200, 200, 200),
            Route.of("GET", "/sms/delivery", 302, 403, 403, 403, 200),
            Route.of("GET", "/broadcasts", 302, 403, 200, 200, 200),
            Route.of("POST", "/broadcasts/preview", 401, 403, 400, 400, 400), // empty form: no district
            Route.of("POST", "/broadcasts", 401, 403, 400, 400, 400),         // empty form: no confirmation
            Route.of("GET", "/broadcasts/{broadcast}", 302, 403, 404, 200, 200),         // another district's: as missing
            Route.of("GET", "/broadcasts/{broadcast}/progress", 302, 403, 404, 200, 200),
            Route.of("GET", "/api/v1/summary?period=2025", 401, 200, 200, 200, 200),
            Route.of("GET", "/api/v1/stats", 401, 403, 403, 403, 200),
            Route.of("GET", "/brief?district=Rusizi", 302, 200, 403, 200, 200),
            Route.of("GET", "/export/summary.csv?period=2025", 302, 200, 200, 200, 200),
            Route.of("GET", "/export/reports.csv", 302, 403, 200, 200, 200),
            Route.of("GET", "/dropoff", 302, 403, 403, 403, 200),
            Route.of("POST", "/logout", 401, 303, 303, 303, 303));         // run last: ends the sessions

    private final TestApp app = new TestApp();
    private final Map<Who, Staff> callers = new EnumMap<>(Who.class);
    private final long commitment;
    private final long comment;
    private final String user;
    private final long campaign;
    private final long message;
    private final long broadcast;

    AuthorisationMatrixTest() {
        callers.put(Who.ANONYMOUS, Staff.anonymous(app));
        callers.put(Who.VIEWER, Staff.signIn(app, Role.VIEWER));
        callers.put(Who.OTHER_COORDINATOR, Staff.signIn(app, Role.COORDINATOR, "Huye"));
        callers.put(Who.COORDINATOR, Staff.signIn(app, Role.COORDINATOR, "Rusizi"));
        callers.put(Who.ADMIN, Staff.signIn(app, Role.ADMIN));
        app.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO commitment (district_id, actor, promise, status)
                SELECT id, 'District', 'Matrix fixture', 'pledged' FROM district WHERE name = 'Rusizi'"""));
        commitment = app.database().count("SELECT max(id) FROM commitment");
        app.ussd("matrix-comment", "+250788009999", "1*1*28*1*1*3*Matrix comment*1*1");
        comment = app.database().count("SELECT id FROM report WHERE session_id = 'matrix-comment'");
        user = Staff.create(app, Role.VIEWER);
        campaign = rw.ijwi.testing.Campaigns.create(app, "MATRIX", "2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z");
        message = app.database().jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO sms_inbound (provider_id, phone_hash, text, received_at, processed_at, outcome)
                VALUES ('matrix-inbox', '\\x01', 'Matrix inbox message', now(), now(), 'inbox') RETURNING id""")
                .mapTo(Long.class).one());
        broadcast = app.database().jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO broadcast (district_id, text, unicode, segments, recipients, price, cost, confirmation,
                                       created_by, created_at)
                SELECT id, 'Matrix broadcast', false, 1, 0, 15, 0, 'matrix-confirmation', 'matrix', now()
                FROM district WHERE name = 'Rusizi' RETURNING id""").mapTo(Long.class).one());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static Stream<Route> routes() {
        return ROUTES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void each_caller_gets_the_status_the_table_gives(Route route) {
        String path = route.path().replace("{commitment}", String.valueOf(commitment))
                .replace("{comment}", String.valueOf(comment)).replace("{username}", user)
                .replace("{campaign}", String.valueOf(campaign)).replace("{message}", String.valueOf(message))
                .replace("{broadcast}", String.valueOf(broadcast));
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            Staff caller = callers.get(who);
            HttpResponse<String> response = switch (route.method()) {
                case "GET" -> caller.get(path);
                case "POST" -> route.json() != null ? caller.postJson(path, route.json()) : caller.post(path, Map.of());
                default -> throw new IllegalArgumentException("no client for " + route.method());
            };
            if (response.statusCode() != route.expect().get(who)) {
                wrong.add(who + " got " + response.statusCode() + " (expected " + route.expect().get(who) + "): "
                        + response.body().lines().findFirst().orElse(""));
            }
        }
        assertThat(wrong).as(route.toString()).isEmpty();
    }

    @Test
    void every_route_in_the_app_has_a_row() throws IOException {
        String source = Files.readString(Path.of("src/main/java/rw/ijwi/App.java"));
        Matcher m = Pattern.compile("cfg\\.routes\\.(get|post|put|patch|delete)\\(\"([^\"]+)\"").matcher(source);
        Set<String> inApp = new LinkedHashSet<>();
        while (m.find()) {
            inApp.add(m.group(1).toUpperCase() + " " + m.group(2));
        }
        Set<String> inTable = new LinkedHashSet<>();
        ROUTES.forEach(r -> inTable.add(r.tableKey()));
        assertThat(inApp).as("routes in App.java").isNotEmpty();
        assertThat(inTable).as("rows of the authorisation matrix").containsAll(inApp);
    }
}
