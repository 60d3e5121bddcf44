package rw.ijwi.africastalking;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls Ijwi's own /at/ussd webhooks exactly as Africa's Talking does (for the phone simulator), so the AT
 * field names, status words and CON/END format stay in this folder. Carries the webhook token.
 */
public final class AtUssdClient {

    /** One answered hop: whether the session ended, and the screen text without CON/END. */
    public record Hop(boolean end, String screen) {
    }

    /** The webhook did not answer as Africa's Talking expects. */
    public static final class Unanswered extends Exception {
        Unanswered(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final String token;
    private final String serviceCode;
    private final String networkCode;

    public AtUssdClient(HttpClient http, String token, String serviceCode, String networkCode) {
        this.http = http;
        this.token = token;
        this.serviceCode = serviceCode;
        this.networkCode = networkCode;
    }

    /** One hop to base + "/at/ussd": the session's whole text so far, as AT sends it. */
    public Hop hop(String base, String sessionId, String phone, String text) throws Unanswered, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sessionId", sessionId);
        form.put("serviceCode", serviceCode);
        form.put("phoneNumber", phone);
        form.put("networkCode", networkCode);
        form.put("text", text);
        HttpResponse<String> response = post(base + "/at/ussd", form);
        String reply = response.body();
        if (response.statusCode() != 200 || !(reply.startsWith("CON ") || reply.startsWith("END "))) {
            throw new Unanswered("the USSD webhook answered " + response.statusCode());
        }
        return new Hop(reply.startsWith("END "), reply.substring(4));
    }

    /** The end-of-session notification AT sends after a session: completed (Success) or abandoned (Incomplete). */
    public void ended(String base, String sessionId, String phone, boolean completed, int hops, long durationMillis,
            String input) throws Unanswered, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sessionId", sessionId);
        form.put("serviceCode", serviceCode);
        form.put("networkCode", networkCode);
        form.put("phoneNumber", phone);
        form.put("status", completed ? "Success" : "Incomplete");
        form.put("hopsCount", String.valueOf(hops));
        form.put("durationInMillis", String.valueOf(durationMillis));
        form.put("input", input);
        form.put("date", AtDates.format(Instant.now()));
        HttpResponse<String> response = post(base + "/at/ussd/events", form);
        if (response.statusCode() != 200) {
            throw new Unanswered("the USSD events webhook answered " + response.statusCode());
        }
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws Unanswered, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unanswered("the USSD webhook did not answer");
        }
    }
}
