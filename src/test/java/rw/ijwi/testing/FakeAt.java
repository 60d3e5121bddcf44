package rw.ijwi.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Africa's Talking's SMS endpoint played by WireMock. The stub only matches a request with the exact headers and
 * form fields Ijwi must send; it answers 201 with one recipient per number in "to" (101 Sent, or the status
 * code a test set for that number) and counts what it accepted. A request no stub matches fails the test.
 */
public final class FakeAt implements AutoCloseable {

    public static final String USERNAME = "ijwi-test";
    public static final String API_KEY = "test-api-key-0123456789";
    public static final String SENDER = "IJWI";
    public static final String PATH = "/version1/messaging";

    private static final Map<Integer, String> NAMES = Map.of(100, "Processed", 101, "Success", 102, "Success",
            401, "RiskHold", 402, "InvalidSenderId", 403, "InvalidPhoneNumber", 405, "InsufficientBalance",
            406, "UserInBlacklist", 500, "InternalServerError", 501, "GatewayError");

    private final Map<String, Integer> statusFor = new ConcurrentHashMap<>();
    private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final WireMockServer server;

    /** Answers per recipient; registered as a WireMock extension and used only by stubs that name it. */
    private final class Recipients implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Map<String, String> form = form(event.getRequest().getBodyAsString());
            StringBuilder json = new StringBuilder("{\"SMSMessageData\":{\"Message\":\"Sent\",\"Recipients\":[");
            String[] numbers = form.get("to").split(",");
            for (int i = 0; i < numbers.length; i++) {
                int code = statusFor.getOrDefault(numbers[i], 101);
                boolean ok = code >= 100 && code <= 102;
                if (ok) {
                    accepted.merge(numbers[i], 1, Integer::sum);
                }
                json.append(i == 0 ? "" : ",").append("{\"statusCode\":").append(code)
                        .append(",\"number\":\"").append(numbers[i]).append("\",\"status\":\"")
                        .append(NAMES.getOrDefault(code, "Other")).append("\",\"cost\":\"")
                        .append(ok ? "RWF 15.0000" : "0").append("\",\"messageId\":\"")
                        .append(ok ? "ATXid_" + ids.incrementAndGet() : "None").append("\"}");
            }
            json.append("]}}");
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(201)
                    .withHeader("Content-Type", "application/json").withBody(json.toString()).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "at-recipients";
        }
    }

    public FakeAt() {
        server = new WireMockServer(options().dynamicPort().extensions(new Recipients()));
        server.start();
        acceptAll();
    }

    /** The stub for a correct request: every header and fixed field checked. */
    public MappingBuilder correctRequest() {
        return post(urlEqualTo(PATH))
                .withHeader("apiKey", equalTo(API_KEY))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("username", equalTo(USERNAME))
                .withFormParam("from", equalTo(SENDER))
                .withFormParam("bulkSMSMode", equalTo("1"))
                .withFormParam("enqueue", equalTo("1"))
                .withFormParam("to", com.github.tomakehurst.wiremock.client.WireMock.matching("\\+[0-9]+(,\\+[0-9]+)*"))
                .withFormParam("message", com.github.tomakehurst.wiremock.client.WireMock.matching("(?s).+"));
    }

    /** Resets to one stub: accept every correct request, per-recipient codes as set by statusFor. */
    public void acceptAll() {
        server.resetAll();
        statusFor.clear();
        accepted.clear();
        server.stubFor(correctRequest().willReturn(aResponse().withTransformers("at-recipients")));
    }

    public WireMockServer server() {
        return server;
    }

    public void statusFor(String number, int statusCode) {
        statusFor.put(number, statusCode);
    }

    /** How many times each number was accepted (status 100-102). */
    public Map<String, Integer> accepted() {
        return Map.copyOf(accepted);
    }

    /** The form of every request received, in order. */
    public List<Map<String, String>> requests() {
        List<Map<String, String>> forms = new ArrayList<>();
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events); // WireMock lists the newest first
        events.forEach(e -> forms.add(form(e.getRequest().getBodyAsString())));
        return forms;
    }

    public Map<String, String> env() {
        return Map.of("IJWI_AT_USERNAME", USERNAME, "IJWI_AT_API_KEY", API_KEY, "IJWI_AT_SENDER_ID", SENDER,
                "IJWI_AT_BASE_URL", "http://127.0.0.1:" + server.port());
    }

    /** Fails when any request reached WireMock that no stub expected. */
    public void assertNoUnexpectedRequests() {
        var unmatched = server.findAllUnmatchedRequests();
        if (!unmatched.isEmpty()) {
            throw new AssertionError(unmatched.size() + " request(s) to AT that no stub expected, first: "
                    + unmatched.get(0));
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop();
    }
}
