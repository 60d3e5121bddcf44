package rw.ijwi.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import rw.ijwi.africastalking.AtUssdClient;
import rw.ijwi.auth.User;
import rw.ijwi.geo.Geography;
import rw.ijwi.web.Templates;

/**
 * A feature phone in the browser for demos and menu trials. Its hops, and the end-of-session notice, go
 * through the real /at/ussd webhooks over loopback, as Africa's Talking would send them; the webhook token
 * stays on the server. Its reports are test reports (V29): counted nowhere, listed on /simulator/reports, and
 * filed only into the user's own districts (any, for an admin).
 */
public final class SimulatorPage {

    public static final String SERVICE_CODE = "*384*7#";
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9]{8,40}");

    private final AtUssdClient client;
    private final SimulatorSessions sessions;
    private final TestReportDao reports;
    private final Geography geography;
    private final Templates templates;
    private final ObjectMapper json = new ObjectMapper();

    public SimulatorPage(AtUssdClient client, SimulatorSessions sessions, TestReportDao reports, Geography geography,
            Templates templates) {
        this.client = client;
        this.sessions = sessions;
        this.reports = reports;
        this.geography = geography;
        this.templates = templates;
    }

    /** The simulator's fixed test number for a user: the same every time, never a real subscriber's. */
    public static String phoneOf(User user) {
        return String.format("+2507990%05d", user.id() % 100_000);
    }

    /** GET /simulator */
    public void show(Context ctx) {
        User user = Templates.user(ctx);
        templates.render(ctx, "simulator.jte", templates.chrome(ctx, "simulator_title", "simulator"),
                new View(phoneOf(user), SERVICE_CODE, districts(user)));
    }

    /** GET /simulator/reports: the test reports this user filed on the simulator, newest first; counted nowhere. */
    public void reports(Context ctx) {
        User user = Templates.user(ctx);
        templates.render(ctx, "simulator_reports.jte", templates.chrome(ctx, "simulator_reports_title", "simulator"),
                new Reports(reports.of(SimulatorSessions.prefixOf(user) + "%", 100)));
    }

    /** The districts the user may file test reports into; empty for an admin, who may file into any. */
    private List<String> districts(User user) {
        return user.isAdmin() ? List.of()
                : geography.districts().stream().map(Geography.District::name).filter(user::covers).toList();
    }

    /** POST /simulator/ussd {"session": "...", "text": "1*2"}: one hop, answered {"end", "screen"}. */
    public void hop(Context ctx) throws InterruptedException {
        User user = Templates.user(ctx);
        JsonNode body = body(ctx);
        String session = sessions.begin(user, browserSession(body));
        try {
            AtUssdClient.Hop hop = client.hop(loopback(ctx), session, phoneOf(user), text(body));
            String refused = sessions.takeRefusal(session);
            if (refused != null) {
                // Nothing was stored (the filing path asked first); say why instead of the phone's failure text.
                ctx.status(HttpStatus.FORBIDDEN).json(Map.of("error", templates.messages()
                        .get(Templates.language(ctx), "simulator_not_your_district").replace("{value}", refused)
                        .replace("{districts}", String.join(", ", districts(user)))));
                return;
            }
            ctx.json(Map.of("end", hop.end(), "screen", hop.screen()));
        } catch (AtUssdClient.Unanswered e) {
            ctx.status(HttpStatus.BAD_GATEWAY).json(Map.of("error", e.getMessage()));
        }
    }

    /** POST /simulator/ussd/end {"session", "text", "completed", "hops", "ms"}: the end-of-session notice. */
    public void end(Context ctx) throws InterruptedException {
        User user = Templates.user(ctx);
        JsonNode body = body(ctx);
        int hops = Math.max(0, Math.min(1000, body.path("hops").asInt(0)));
        long millis = Math.max(0, Math.min(3_600_000L, body.path("ms").asLong(0)));
        try {
            client.ended(loopback(ctx), sessions.begin(user, browserSession(body)), phoneOf(user),
                    body.path("completed").asBoolean(false),
                    hops, millis, text(body));
            ctx.json(Map.of("ok", true));
        } catch (AtUssdClient.Unanswered e) {
            ctx.status(HttpStatus.BAD_GATEWAY).json(Map.of("error", e.getMessage()));
        }
    }

    private JsonNode body(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (IOException e) {
            throw new BadRequestResponse("body: not valid JSON");
        }
        if (body == null || !body.path("session").isTextual() || !body.path("text").isTextual()) {
            throw new BadRequestResponse("body: {\"session\": \"...\", \"text\": \"...\"} expected");
        }
        return body;
    }

    /**
     * The browser's random part of the session id; the webhook sees it after "sim-" and the user's id
     * ({@link SimulatorSessions#begin}), so users never share a session.
     */
    private static String browserSession(JsonNode body) {
        String session = body.get("session").asText();
        if (!SESSION.matcher(session).matches()) {
            throw new BadRequestResponse("session: 8 to 40 letters or digits");
        }
        return session;
    }

    private static String text(JsonNode body) {
        String text = body.get("text").asText();
        if (text.length() > 1000) {
            throw new BadRequestResponse("text: at most 1000 characters");
        }
        return text;
    }

    /** This very server, over loopback: the port the request came in on. */
    private static String loopback(Context ctx) {
        // The address the request came in on: Ijwi may listen on one interface only (IJWI_BIND).
        String local = ctx.req().getLocalAddr();
        return "http://" + (local.contains(":") ? "[" + local + "]" : local) + ":" + ctx.req().getLocalPort();
    }

    /** What simulator.jte shows: the user's test number, the service code, and the districts they may file into. */
    public record View(String phone, String serviceCode, List<String> districts) {
    }

    /** What simulator_reports.jte shows: the test reports this user filed, newest first. */
    public record Reports(List<TestReportDao.TestReport> reports) {
    }
}
