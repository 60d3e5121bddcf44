package rw.ijwi.africastalking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.testing.TestApp;

/** The AT USSD callbacks as AT sends them, good and bad: one labelled case per row, run by one runner. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtUssdWebhookTest {

    private final TestApp app = new TestApp();

    /** A request to one of the callbacks, and what must come back. */
    record Case(String label, String path, String body, String contentType, int status, String replyStartsWith) {
        @Override
        public String toString() {
            return label;
        }
    }

    static String form(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return TestApp.encode(map);
    }

    static final String FORM = "application/x-www-form-urlencoded";
    static final String USSD = "/at/ussd?token=" + TestApp.TOKEN;
    static final String EVENTS = "/at/ussd/events?token=" + TestApp.TOKEN;

    static Stream<Case> cases() {
        String good = form("sessionId", "ATUid_case", "serviceCode", "*384*7#", "phoneNumber", "+250788100000",
                "networkCode", "63510", "text", "");
        return Stream.of(
                new Case("Receive First Hop", USSD, good, FORM, 200, "CON Ijwi:"),
                new Case("Receive With Charset In Content Type", USSD, good, FORM + "; charset=UTF-8", 200, "CON "),
                new Case("Receive Without Token", "/at/ussd", good, FORM, 401, "missing or wrong token"),
                new Case("Receive Wrong Token", "/at/ussd?token=nope", good, FORM, 401, "missing or wrong token"),
                new Case("Receive Token Of Other Case", "/at/ussd?token=" + TestApp.TOKEN.toUpperCase(), good, FORM,
                        401, "missing or wrong token"),
                new Case("Receive Json", USSD, "{\"sessionId\":\"x\"}", "application/json", 400,
                        "expected Content-Type application/x-www-form-urlencoded"),
                new Case("Receive No Content Type", USSD, good, null, 400, "expected Content-Type"),
                new Case("Receive Missing Session", USSD, form("phoneNumber", "+250788100000", "text", ""), FORM, 400,
                        "missing field sessionId"),
                new Case("Receive Empty Session", USSD, form("sessionId", " ", "phoneNumber", "+250788100000"), FORM,
                        400, "field sessionId is empty"),
                new Case("Receive Missing Phone", USSD, form("sessionId", "s", "text", ""), FORM, 400,
                        "missing field phoneNumber"),
                new Case("Receive Phone Not A Number", USSD, form("sessionId", "s", "phoneNumber", "abc"), FORM, 400,
                        "field phoneNumber is not a phone number"),
                new Case("Receive Plus Not Encoded", USSD, "sessionId=plus&phoneNumber=+250788100001&text=", FORM,
                        200, "CON "),
                new Case("Receive Missing Text Means First Hop", USSD, form("sessionId", "s2", "phoneNumber",
                        "+250788100000"), FORM, 200, "CON Ijwi:"),
                new Case("Receive Oversized Text", USSD, form("sessionId", "s", "phoneNumber", "+250788100000",
                        "text", "1".repeat(2001)), FORM, 400, "field text is longer than 2000 characters"),
                new Case("Receive Repeated Field", USSD, good + "&sessionId=other", FORM, 400,
                        "field sessionId given 2 times"),
                new Case("Receive Control Character", USSD, form("sessionId", "s\u0000", "phoneNumber",
                        "+250788100000"), FORM, 400, "field sessionId contains a control character"),
                new Case("Receive Unknown Session Mid Flow", USSD, form("sessionId", "never-seen", "phoneNumber",
                        "+250788100000", "text", "1*1"), FORM, 200, "CON Hitamo akarere:"),
                new Case("Receive Unknown Fields Ignored", USSD, good + "&hopsMetadata=x&extra=1", FORM, 200, "CON "),
                new Case("Event Success", EVENTS, form("sessionId", "ev1", "status", "Success", "phoneNumber",
                        "+250788100000", "hopsCount", "3", "durationInMillis", "15000", "input", "1*2",
                        "date", "2026-11-28 10:00:00", "cost", "RWF 10"), FORM, 200, "OK"),
                new Case("Event Without Token", "/at/ussd/events", form("sessionId", "ev2", "status", "Success"),
                        FORM, 401, "missing or wrong token"),
                new Case("Event Long Error Message Kept Cut", EVENTS, form("sessionId", "ev-long-error", "status",
                        "Failed", "errorMessage", "e".repeat(501)), FORM, 200, "OK"),
                new Case("Event Control Character In Error Message Kept Cleaned", EVENTS, form("sessionId",
                        "ev-ctl-error", "status", "Failed", "errorMessage", "time\u0000out"), FORM, 200, "OK"),
                new Case("Event Missing Status Is Stored As Unknown", EVENTS, form("sessionId", "ev3"), FORM, 200, "OK"),
                new Case("Event Empty Status Is Stored As Unknown", EVENTS, form("sessionId", "ev3b", "status", " "), FORM,
                        200, "OK"),
                new Case("Event Missing Session", EVENTS, form("status", "Failed"), FORM, 400,
                        "missing field sessionId"),
                new Case("Event Odd Numbers Kept Lenient", EVENTS, form("sessionId", "ev4", "status", "Incomplete",
                        "hopsCount", "three", "durationInMillis", "", "date", "yesterday"), FORM, 200, "OK"),
                new Case("Event Json", EVENTS, "{}", "application/json", 400, "expected Content-Type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void callback_answers_as_expected(Case c) {
        HttpResponse<String> response = app.post(c.path(), c.body(), c.contentType());
        assertThat(response.statusCode()).as(c.label() + ": " + response.body()).isEqualTo(c.status());
        assertThat(response.body()).startsWith(c.replyStartsWith());
        if (c.status() == 200 && c.path().startsWith("/at/ussd?")) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        }
    }

    @Test
    void a_webhook_answer_is_neither_sniffed_nor_cached_and_carries_no_page_headers() {
        HttpResponse<String> response = app.post(USSD, form("sessionId", "headers", "phoneNumber", "+250788100000",
                "text", ""), FORM);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @Test
    void a_refused_callback_stores_nothing() {
        long events = app.database().count("SELECT count(*) FROM ussd_session");
        app.post("/at/ussd/events", form("sessionId", "refused", "status", "Success"), FORM);
        app.post(EVENTS, form("status", "Success"), FORM);
        assertThat(app.database().count("SELECT count(*) FROM ussd_session")).isEqualTo(events);
        assertThat(app.database().count("SELECT count(*) FROM ussd_session WHERE session_id = 'refused'")).isZero();
    }

    @Test
    void an_end_of_session_event_is_stored_once_with_its_last_screen_and_no_input() {
        String event = form("sessionId", "twice", "status", "Incomplete", "phoneNumber", "+250788100000",
                "hopsCount", "4", "input", "1*1*8", "lastAppResponse", "CON Hitamo umurenge");
        assertThat(app.post(EVENTS, event, FORM).statusCode()).isEqualTo(200);
        assertThat(app.post(EVENTS, event, FORM).statusCode()).isEqualTo(200);
        java.util.List<String> rows = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT status || ' ' || hops || ' ' || last_screen FROM ussd_session WHERE session_id = 'twice'")
                .mapTo(String.class).list());
        assertThat(rows).containsExactly("Incomplete 4 sector");
    }

    @Test
    void an_over_long_or_unclean_error_message_is_kept_cut_or_cleaned_and_the_row_says_so() {
        app.post(EVENTS, form("sessionId", "long-error", "status", "Failed", "errorMessage", "e".repeat(800)), FORM);
        app.post(EVENTS, form("sessionId", "ctl-error", "status", "Failed", "errorMessage", "time\u0007out"), FORM);
        app.post(EVENTS, form("sessionId", "fine-error", "status", "Failed", "errorMessage", "timeout"), FORM);
        assertThat(app.database().value("SELECT length(error) || ' ' || error_altered FROM ussd_session "
                + "WHERE session_id = 'long-error'")).isEqualTo("500 truncated");
        assertThat(app.database().value("SELECT error || ' ' || error_altered FROM ussd_session "
                + "WHERE session_id = 'ctl-error'")).isEqualTo("timeout cleaned");
        assertThat(app.database().value("SELECT error || ' ' || coalesce(error_altered, 'as sent') FROM ussd_session "
                + "WHERE session_id = 'fine-error'")).isEqualTo("timeout as sent");
    }

    @Test
    void an_end_of_session_event_without_status_is_stored_as_unknown() {
        assertThat(app.post(EVENTS, form("sessionId", "no-status", "hopsCount", "2"), FORM).statusCode())
                .isEqualTo(200);
        assertThat(app.database().value("SELECT status || ' ' || hops FROM ussd_session WHERE session_id = 'no-status'"))
                .isEqualTo("Unknown 2");
    }

    @Test
    void the_last_screen_of_a_session_this_server_answered_comes_from_memory() {
        app.ussd("remembered", "+250788100002", "");
        app.ussd("remembered", "+250788100002", "1");
        app.post(EVENTS, form("sessionId", "remembered", "status", "Incomplete"), FORM);
        assertThat(app.database().value("SELECT last_screen FROM ussd_session WHERE session_id = 'remembered'"))
                .isEqualTo("consent");
    }

    @Test
    void health_reports_the_database() {
        HttpResponse<String> response = app.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"database\":\"up\"");
    }

    @AfterAll
    void stop() {
        app.close();
    }
}
