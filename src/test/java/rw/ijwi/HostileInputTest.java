package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.testing.TestApp;

/**
 * A corpus of malicious requests against the public endpoints: each gets a 4xx with a short reason (never a
 * stack trace), nothing is stored, and the server stays healthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private final TestApp app = new TestApp();
    private final HttpClient http = HttpClient.newHttpClient();
    private static final String USSD = "/at/ussd?token=" + TestApp.TOKEN;
    private static final String EVENTS = "/at/ussd/events?token=" + TestApp.TOKEN;
    private static final String SMS = "/at/sms?token=" + TestApp.TOKEN;
    private static final String FORM = "application/x-www-form-urlencoded";

    /** A request body (as raw bytes) to a path, and the status class expected. */
    record Attack(String label, String path, String contentType, byte[] body, int status) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Attack attack(String label, String path, String contentType, String body, int status) {
        return new Attack(label, path, contentType, body.getBytes(StandardCharsets.UTF_8), status);
    }

    static Stream<Attack> attacks() {
        String session = "sessionId=h&phoneNumber=%2B250788000000&text=";
        byte[] badUtf8 = (session + "1").getBytes(StandardCharsets.US_ASCII);
        byte[] withInvalid = new byte[badUtf8.length + 2];
        System.arraycopy(badUtf8, 0, withInvalid, 0, badUtf8.length);
        withInvalid[badUtf8.length] = (byte) 0xC3;
        withInvalid[badUtf8.length + 1] = (byte) 0x28;
        return Stream.of(
                attack("xml body", USSD, "application/xml", "<x/>", 400),
                attack("multipart body", USSD, "multipart/form-data; boundary=x", "--x--", 400),
                new Attack("invalid UTF-8 in text", USSD, FORM, withInvalid, 400),
                attack("one megabyte text", USSD, FORM, session + "1".repeat(1_000_000), 413),
                attack("one megabyte session id", USSD, FORM, "sessionId=" + "s".repeat(1_000_000), 413),
                attack("ten thousand fields", USSD, FORM, session + "&x=1".repeat(10_000), 400),
                attack("sql in the session id", USSD, FORM, "sessionId=1%27%3BDROP+TABLE+report%3B--&phoneNumber=%2B250788000000&text=1*1", 200),
                attack("html in the text", USSD, FORM, session + "%3Cscript%3Ealert(1)%3C%2Fscript%3E", 200),
                attack("percent garbage", USSD, FORM, "sessionId=%ZZ&phoneNumber=%", 400),
                attack("path traversal in the phone", USSD, FORM, "sessionId=p&phoneNumber=..%2F..%2Fetc%2Fpasswd", 400),
                attack("null byte", USSD, FORM, "sessionId=n%00&phoneNumber=%2B250788000000", 400),
                attack("an absurd hops count", EVENTS, FORM, "sessionId=e1&status=Success&hopsCount=-99999999999999", 400),
                attack("json to events", EVENTS, "application/json", "{\"sessionId\":1}", 400),
                attack("traversal path", "/at/..%2F..%2Fetc%2Fpasswd?token=" + TestApp.TOKEN, FORM, "", 404),
                attack("login with a huge username", "/login", FORM, "username=" + "a".repeat(50_000) + "&password=x", 403),
                attack("sms as json", SMS, "application/json", "{\"id\":\"x\"}", 400),
                attack("sms with a megabyte of text", SMS, FORM, "id=big&from=%2B250788000000&text=" + "a".repeat(1_000_000), 413),
                attack("sms text over ten parts is kept cut", SMS, FORM, "id=long&from=%2B250788000000&text=" + "a".repeat(1601), 200),
                attack("sms with thousands of fields", SMS, FORM, "id=f&from=%2B250788000000&text=hi" + "&x=1".repeat(5_000), 400),
                attack("sms without an id", SMS, FORM, "from=%2B250788000000&text=hi", 400),
                attack("sms from a path", SMS, FORM, "id=p&from=..%2F..%2Fetc&text=hi", 400),
                attack("sms with sql in the text", SMS, FORM, "id=sql1&from=%2B250788000000&text=%27%3B+DROP+TABLE+report%3B--", 200),
                attack("delivery report with html status", "/at/sms/delivery?token=" + TestApp.TOKEN, FORM,
                        "id=ATXid_none&status=%3Cb%3ESuccess%3C%2Fb%3E", 200),
                attack("opt-out without a number", "/at/sms/optout?token=" + TestApp.TOKEN, FORM, "senderId=8080", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void an_attack_gets_a_short_answer_and_the_server_stays_healthy(Attack attack) throws Exception {
        long reportsBefore = app.database().count("SELECT count(*) FROM report");
        long inboundBefore = app.database().count("SELECT count(*) FROM sms_inbound");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + attack.path()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException cut) {
            // An oversized body is refused with 413 as soon as its headers arrive, and the connection is closed:
            // a client still sending its megabyte may then lose that answer to the reset. Being cut off is
            // also a refusal; for any other attack it is a failure.
            assertThat(attack.status()).as(attack.label() + ": connection cut (" + cut.getMessage() + ")").isEqualTo(413);
            assertThat(app.database().count("SELECT count(*) FROM report")).isEqualTo(reportsBefore);
            assertThat(app.database().count("SELECT count(*) FROM sms_inbound")).isEqualTo(inboundBefore);
            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            return;
        }
        assertThat(response.statusCode()).as(attack.label() + ": " + response.body()).isEqualTo(attack.status());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.");
        assertThat(response.body().length()).isLessThan(2_000);
        assertThat(app.database().count("SELECT count(*) FROM report")).isEqualTo(reportsBefore);
        if (attack.status() >= 400) {
            assertThat(app.database().count("SELECT count(*) FROM sms_inbound")).as("a refused callback stores nothing")
                    .isEqualTo(inboundBefore);
        }
        assertThat(app.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    @Tag("slow") // waits out the 10 s idle time-out
    void a_client_that_sends_its_body_slowly_is_cut_off_and_others_are_still_served() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", app.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST " + USSD + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM
                    + "\r\nContent-Length: 100000\r\n\r\nsessionId=").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(app.ussd("while-slow", "+250788000001", "")).startsWith("CON ");
            // The server gives up on the stalled body after its 10 s idle timeout: it closes the connection
            // (maybe after a 4xx). Still holding it open after 30 s would fail here with a read timeout.
            slow.setSoTimeout(30_000);
            String answer;
            try {
                answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (java.net.SocketException reset) {
                answer = ""; // a reset connection is also a refusal
            }
            assertThat(answer).as("what the server sent before closing the stalled request")
                    .satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 4"));
            assertThat(answer).doesNotContain("CON ").doesNotContain("Exception");
        }
        assertThat(app.get("/health").statusCode()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        app.close();
    }
}
