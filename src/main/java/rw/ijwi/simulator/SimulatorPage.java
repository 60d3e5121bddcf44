package rw.ijwi.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import rw.ijwi.auth.User;
import rw.ijwi.web.Templates;

/**
 * A feature phone in the browser for demos and menu trials. Its hops go through the real /at/ussd webhook
 * over loopback, exactly as Africa's Talking would send them; the webhook token stays on the server.
 */
public final class SimulatorPage {

    static final String SERVICE_CODE = "*384*7#";
    static final String NETWORK_CODE = "99999";
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9]{8,40}");

    private final HttpClient http;
    private final String webhookToken;
    private final Templates templates;
    private final ObjectMapper json = new ObjectMapper();

    public SimulatorPage(HttpClient http, String webhookToken, Templates templates) {
        this.http = http;
        this.webhookToken = webhookToken;
        this.templates = templates;
    }

    /** The simulator's fixed test number for a user: the same every time, never a real subscriber's. */
    public static String phoneOf(User user) {
        return String.format("+2507990%05d", user.id() % 100_000);
    }

    /** The session id the webhook sees: the user's id and the browser's random part, so users never share one. */
    static String sessionOf(User user, String browserPart) {
        return "sim-" + user.id() + "-" + browserPart;
    }

    /** GET /simulator */
    public void show(Context ctx) {
        User user = Templates.user(ctx);
        templates.render(ctx, "simulator.jte", templates.chrome(ctx, "simulator_title", "simulator"),
                Map.of("phone", phoneOf(user), "serviceCode", SERVICE_CODE));
    }

    /** POST /simulator/ussd {"session": "...", "text": "1*2"}: one hop, answered {"reply", "end", "screen"}. */
    public void hop(Context ctx) throws InterruptedException {
        User user = Templates.user(ctx);
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (IOException e) {
            throw new BadRequestResponse("body: not valid JSON");
        }
        if (body == null || !body.path("session").isTextual() || !body.path("text").isTextual()) {
            throw new BadRequestResponse("body: {\"session\": \"...\", \"text\": \"...\"} expected");
        }
        String session = body.get("session").asText();
        if (!SESSION.matcher(session).matches()) {
            throw new BadRequestResponse("session: 8 to 40 letters or digits");
        }
        String text = body.get("text").asText();
        if (text.length() > 1000) {
            throw new BadRequestResponse("text: too long");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sessionId", sessionOf(user, session));
        form.put("serviceCode", SERVICE_CODE);
        form.put("phoneNumber", phoneOf(user));
        form.put("networkCode", NETWORK_CODE);
        form.put("text", text);
        String encoded = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        URI webhook = URI.create("http://127.0.0.1:" + ctx.req().getLocalPort() + "/at/ussd?token="
                + URLEncoder.encode(webhookToken, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            ctx.status(HttpStatus.BAD_GATEWAY).json(Map.of("error", "the USSD webhook did not answer"));
            return;
        }
        String reply = response.body();
        if (response.statusCode() != 200 || !(reply.startsWith("CON ") || reply.startsWith("END "))) {
            ctx.status(HttpStatus.BAD_GATEWAY).json(Map.of("error", "the USSD webhook answered "
                    + response.statusCode()));
            return;
        }
        ctx.json(Map.of("reply", reply, "end", reply.startsWith("END "), "screen", reply.substring(4)));
    }
}
