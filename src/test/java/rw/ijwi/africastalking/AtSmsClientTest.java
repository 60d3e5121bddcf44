package rw.ijwi.africastalking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.sms.outbox.SmsGateway;
import rw.ijwi.testing.FakeAt;

/** AT's answers to a send, as recorded in africas-talking.md §5.1, and the neutral verdict each becomes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtSmsClientTest {

    private final FakeAt at = new FakeAt();

    /** When the answers below were given: the HTTP-date Retry-After is read against it. */
    static final Instant NOW = Instant.parse("2026-12-01T17:00:00Z");

    record Case(String label, int status, String retryAfter, String body, SmsGateway.Result expected) {
        Case(String label, int status, String body, SmsGateway.Result expected) {
            this(label, status, null, body, expected);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> answers() {
        return Stream.of(
                new Case("Sent To One", 201, "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: RWF 15\","
                        + "\"Recipients\":[{\"statusCode\":101,\"number\":\"+250788000001\",\"status\":\"Success\","
                        + "\"cost\":\"RWF 15.0000\",\"messageId\":\"ATXid_a\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("+250788000001",
                                SmsGateway.Verdict.ACCEPTED, "ATXid_a", "RWF 15.0000", null)))),
                new Case("Queued And Processed Are Accepted Too", 201, "{\"SMSMessageData\":{\"Recipients\":["
                        + "{\"statusCode\":102,\"number\":\"+1\",\"messageId\":\"q\"},"
                        + "{\"statusCode\":100,\"number\":\"+2\",\"messageId\":\"p\"}]}}",
                        new SmsGateway.PerRecipient(List.of(
                                new SmsGateway.Recipient("+1", SmsGateway.Verdict.ACCEPTED, "q", null, null),
                                new SmsGateway.Recipient("+2", SmsGateway.Verdict.ACCEPTED, "p", null, null)))),
                new Case("Blacklisted Is Permanent", 201, "{\"SMSMessageData\":{\"Recipients\":[{\"statusCode\":406,"
                        + "\"number\":\"+1\",\"status\":\"UserInBlacklist\",\"messageId\":\"None\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("+1", SmsGateway.Verdict.FAILED,
                                null, null, "406 UserInBlacklist")))),
                new Case("Gateway Error Is Retried", 201, "{\"SMSMessageData\":{\"Recipients\":[{\"statusCode\":501,"
                        + "\"number\":\"+1\",\"status\":\"GatewayError\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("+1", SmsGateway.Verdict.RETRY,
                                null, null, "501 GatewayError")))),
                new Case("Insufficient Balance Keeps The Message For Later", 201, "{\"SMSMessageData\":{\"Recipients\":["
                        + "{\"statusCode\":405,\"number\":\"+1\",\"status\":\"InsufficientBalance\",\"cost\":\"0\","
                        + "\"messageId\":\"None\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("+1",
                                SmsGateway.Verdict.NO_CREDIT, null, null, "405 InsufficientBalance")))),
                new Case("Risk Hold Keeps The Message For Later", 201, "{\"SMSMessageData\":{\"Recipients\":["
                        + "{\"statusCode\":401,\"number\":\"+1\",\"status\":\"RiskHold\",\"cost\":\"0\","
                        + "\"messageId\":\"None\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("+1", SmsGateway.Verdict.HELD,
                                null, null, "401 RiskHold")))),
                new Case("Success Without Status Code Is Read By Its Word", 201, "{\"SMSMessageData\":{\"Recipients\":["
                        + "{\"number\":\"+1\",\"status\":\"Success\",\"cost\":\"RWF 15.0000\",\"messageId\":\"w\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("+1",
                                SmsGateway.Verdict.ACCEPTED, "w", "RWF 15.0000", null)))),
                new Case("Status Code As Text", 201, "{\"SMSMessageData\":{\"Recipients\":["
                        + "{\"statusCode\":\"102\",\"number\":\"+1\",\"status\":\"Success\",\"messageId\":\"t\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("+1",
                                SmsGateway.Verdict.ACCEPTED, "t", null, null)))),
                new Case("A Failure Word Without Status Code Keeps Its Meaning", 201, "{\"SMSMessageData\":{"
                        + "\"Recipients\":[{\"number\":\"+1\",\"status\":\"InsufficientBalance\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("+1",
                                SmsGateway.Verdict.NO_CREDIT, null, null, "405 InsufficientBalance")))),
                new Case("Success Without Number Is Kept For Matching By Position", 201, "{\"SMSMessageData\":{"
                        + "\"Recipients\":[{\"statusCode\":101,\"status\":\"Success\",\"messageId\":\"n\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("",
                                SmsGateway.Verdict.ACCEPTED, "n", null, null)))),
                new Case("Neither Code Nor Known Word Fails", 201, "{\"SMSMessageData\":{\"Recipients\":["
                        + "{\"number\":\"+1\",\"status\":\"Mystery\"}]}}",
                        new SmsGateway.PerRecipient(List.of(new SmsGateway.Recipient("+1",
                                SmsGateway.Verdict.FAILED, null, null, "-1 Mystery")))),
                new Case("Invalid Sender Id In A 201", 201,
                        "{\"SMSMessageData\":{\"Message\":\"InvalidSenderId\",\"Recipients\":[]}}",
                        new SmsGateway.Pause("InvalidSenderId", "IJWI_AT_SENDER_ID")),
                new Case("Bad Key", 401, "The supplied authentication is invalid",
                        new SmsGateway.Pause("authentication refused (HTTP 401)", "IJWI_AT_USERNAME and IJWI_AT_API_KEY")),
                new Case("Bad Syntax", 400, "The request contains bad syntax or cannot be fulfilled",
                        new SmsGateway.FailAll("http_400")),
                new Case("Server Error", 503, "", new SmsGateway.RetryAll("http_503")),
                new Case("Too Many Requests Waits As Long As Retry-After Says", 429, "120", "Too Many Requests",
                        new SmsGateway.Throttled("http_429", Duration.ofSeconds(120))),
                new Case("Retry-After As An Http Date", 429, "Tue, 01 Dec 2026 17:05:00 GMT", "",
                        new SmsGateway.Throttled("http_429", Duration.ofMinutes(5))),
                new Case("Retry-After In The Past Means Now", 429, "Tue, 01 Dec 2026 16:00:00 GMT", "",
                        new SmsGateway.Throttled("http_429", Duration.ZERO)),
                new Case("Too Many Requests Without Retry-After Leaves The Wait To Us", 429, "",
                        new SmsGateway.Throttled("http_429", null)),
                new Case("Unreadable Retry-After Is Ignored", 429, "soon", "",
                        new SmsGateway.Throttled("http_429", null)),
                new Case("Request Timeout Is A Request To Slow Down", 408, "30", "Request Timeout",
                        new SmsGateway.Throttled("http_408", Duration.ofSeconds(30))),
                new Case("Empty Recipients Without A Reason", 201, "{\"SMSMessageData\":{\"Message\":\"\","
                        + "\"Recipients\":[]}}", new SmsGateway.RetryAll("no_recipients")),
                new Case("A 201 That Is Not Json May Have Sent", 201, "<xml/>",
                        new SmsGateway.FailAll("unreadable_response")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void each_answer_becomes_the_right_verdict(Case c) {
        assertThat(AtSmsClient.read(c.status(), Optional.ofNullable(c.retryAfter()), NOW, c.body()))
                .isEqualTo(c.expected());
    }

    @Test
    void an_answer_that_does_not_come_in_time_is_a_timeout_to_retry() {
        at.server().stubFor(at.correctRequest().atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(5_000)));
        AtSmsClient client = new AtSmsClient(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:"
                + at.server().port()), FakeAt.USERNAME, FakeAt.API_KEY, Optional.of(FakeAt.SENDER),
                Duration.ofMillis(100), java.time.Clock.systemUTC());
        assertThat(client.send("Murakoze", List.of("+250788000001"))).isEqualTo(new SmsGateway.RetryAll("timeout"));
        at.acceptAll();
    }

    @AfterAll
    void stop() {
        at.close();
    }
}
