package rw.ijwi.sms.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.FakeAt;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** The outbox sender against Africa's Talking played by WireMock: what is sent, batched, retried, or not. */
class OutboxSenderTest {

    static final String HELP_EN = "Ijwi: send JOIN and your district name to get news of your district. Send STOP to "
            + "receive no more messages.";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
    private final FakeAt at = new FakeAt();
    private TestApp app = new TestApp(TestDatabase.fresh(), at.env(), clock, false);

    @AfterEach
    void stop() {
        try {
            at.assertNoUnexpectedRequests();
        } finally {
            app.close();
            at.close();
        }
    }

    @Test
    void a_reply_is_sent_with_exactly_the_form_and_headers_at_expects_and_its_message_id_kept() {
        Texting.text(app, "+250788200001", "HELP");
        process();
        assertThat(send()).isEqualTo(1);
        assertThat(at.requests()).containsExactly(Map.of("username", FakeAt.USERNAME, "to", "+250788200001",
                "message", HELP_EN, "from", FakeAt.SENDER, "bulkSMSMode", "1", "enqueue", "1"));
        assertThat(row("+250788200001")).isEqualTo("sent ATXid_1 1 no number");
    }

    @Test
    void the_same_text_to_many_numbers_goes_in_requests_of_at_most_a_hundred() {
        for (int i = 0; i < 150; i++) {
            Texting.text(app, "+250788201" + String.format("%03d", i), "help");
        }
        for (int i = 0; i < 3; i++) {
            Texting.text(app, "+250788202" + String.format("%03d", i), "aide");
        }
        process();
        assertThat(send()).isEqualTo(153);
        List<Map<String, String>> requests = at.requests();
        assertThat(requests).extracting(r -> r.get("to").split(",").length).containsExactlyInAnyOrder(100, 50, 3);
        assertThat(requests.stream().map(r -> r.get("message")).distinct()).hasSize(2);
        assertThat(at.accepted()).hasSize(153).allSatisfy((number, times) -> assertThat(times).isEqualTo(1));
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE state = 'sent'")).isEqualTo(153);
    }

    @Test
    void a_server_error_is_retried_after_a_back_off_and_the_message_sent_once() {
        at.server().stubFor(at.correctRequest().atPriority(1).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")).willSetStateTo("up"));
        Texting.text(app, "+250788200002", "HELP");
        process();
        send();
        assertThat(row("+250788200002")).startsWith("queued");
        assertThat(send()).as("not due before its back-off").isZero();
        assertThat(at.requests()).hasSize(1);
        clock.advance(Duration.ofHours(1));
        send();
        assertThat(at.requests()).hasSize(2);
        assertThat(at.accepted()).containsExactly(Map.entry("+250788200002", 1));
        assertThat(row("+250788200002")).startsWith("sent ATXid_1 2");
    }

    @Test
    void a_broken_connection_and_a_per_recipient_gateway_error_are_retried() {
        at.server().stubFor(at.correctRequest().atPriority(1).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        at.statusFor("+250788200004", 501);
        Texting.text(app, "+250788200003", "HELP");
        Texting.text(app, "+250788200004", "HELP");
        process();
        send();
        clock.advance(Duration.ofHours(1));
        send();
        assertThat(row("+250788200003")).startsWith("sent");
        assertThat(row("+250788200004")).startsWith("queued").contains("501 GatewayError");
        at.statusFor("+250788200004", 101);
        clock.advance(Duration.ofHours(1));
        send();
        assertThat(row("+250788200004")).startsWith("sent");
        assertThat(at.accepted()).containsOnly(Map.entry("+250788200003", 1), Map.entry("+250788200004", 1));
    }

    @Test
    void a_permanent_failure_is_never_retried() {
        at.statusFor("+250788200005", 403);
        at.statusFor("+250788200006", 406);
        for (String number : List.of("+250788200005", "+250788200006", "+250788200007")) {
            Texting.text(app, number, "HELP");
        }
        process();
        send();
        for (int hour = 0; hour < 3; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(send()).isZero();
        }
        assertThat(at.requests()).hasSize(1);
        assertThat(row("+250788200005")).isEqualTo("failed 403 InvalidPhoneNumber 1 no number");
        assertThat(row("+250788200006")).isEqualTo("failed 406 UserInBlacklist 1 no number");
        assertThat(row("+250788200007")).startsWith("sent");
    }

    @Test
    void the_invalid_sender_id_trap_pauses_sending_and_keeps_the_messages_queued() {
        at.server().stubFor(at.correctRequest().atPriority(1).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"SMSMessageData\":{\"Message\":\"InvalidSenderId\",\"Recipients\":[]}}")));
        Texting.text(app, "+250788200008", "HELP");
        process();
        send();
        assertThat(row("+250788200008")).isEqualTo("queued InvalidSenderId 0 number kept");
        assertThat(app.app().sms().outbox().paused()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(send()).isZero();
        assertThat(at.requests()).hasSize(1);

        at.acceptAll();
        clock.advance(Duration.ofMinutes(11));
        send();
        assertThat(row("+250788200008")).startsWith("sent");
        assertThat(at.accepted()).containsExactly(Map.entry("+250788200008", 1));
    }

    @Test
    void a_refused_api_key_pauses_sending_and_keeps_the_messages_queued() {
        at.server().stubFor(at.correctRequest().atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "text/plain").withBody("The supplied authentication is invalid")));
        Texting.text(app, "+250788200009", "HELP");
        process();
        send();
        assertThat(row("+250788200009")).startsWith("queued authentication refused (HTTP 401) 0");
        assertThat(send()).isZero();
        assertThat(at.requests()).hasSize(1);
    }

    @Test
    void no_credit_pauses_sending_keeps_the_messages_queued_and_says_so_until_a_send_goes_through() {
        at.statusFor("+250788200020", 405);
        at.statusFor("+250788200021", 405);
        Staff admin = Staff.signIn(app, Role.ADMIN);
        List<String> log = captureLog(() -> {
            Texting.text(app, "+250788200020", "HELP");
            Texting.text(app, "+250788200021", "HELP");
            process();
            send();
        });
        assertThat(row("+250788200020")).isEqualTo("queued 405 InsufficientBalance 0 number kept");
        assertThat(row("+250788200021")).isEqualTo("queued 405 InsufficientBalance 0 number kept");
        assertThat(app.app().sms().outbox().paused()).isTrue();
        assertThat(log).containsExactly("Outbound SMS paused for 15 minutes: the provider will not send for the "
                + "account (405 InsufficientBalance); top up the SMS account or ask the provider to lift the hold. "
                + "The messages stay queued.");
        assertThat(admin.get("/sms/delivery").body()).contains("id=\"notice-no_credit\"", "Top up the account");
        clock.advance(Duration.ofMinutes(5));
        assertThat(send()).as("paused").isZero();
        assertThat(at.requests()).hasSize(1);

        at.acceptAll(); // topped up
        clock.advance(Duration.ofMinutes(11));
        send();
        assertThat(row("+250788200020")).startsWith("sent");
        assertThat(row("+250788200021")).startsWith("sent");
        assertThat(at.accepted()).containsOnly(Map.entry("+250788200020", 1), Map.entry("+250788200021", 1));
        assertThat(admin.get("/sms/delivery").body()).doesNotContain("notice-no_credit");
    }

    @Test
    void a_risk_hold_pauses_sending_and_asks_staff_to_contact_the_provider() {
        at.statusFor("+250788200022", 401);
        Staff admin = Staff.signIn(app, Role.ADMIN);
        Texting.text(app, "+250788200022", "HELP");
        process();
        send();
        send();
        assertThat(row("+250788200022")).isEqualTo("queued 401 RiskHold 0 number kept");
        assertThat(at.requests()).hasSize(1);
        assertThat(admin.get("/sms/delivery").body()).contains("id=\"notice-held\"",
                "Contact Africa's Talking support").doesNotContain("notice-no_credit");
        clock.advance(Duration.ofMinutes(16));
        send();
        assertThat(row("+250788200022")).as("still held: queued again, the notice stays")
                .isEqualTo("queued 401 RiskHold 0 number kept");
        assertThat(app.database().count("SELECT count(*) FROM sms_account_notice")).isEqualTo(1);
    }

    @Test
    void too_many_requests_keeps_the_messages_queued_until_retry_after_and_never_uses_up_their_attempts() {
        at.server().stubFor(at.correctRequest().atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120").withBody("Too Many Requests")));
        Texting.text(app, "+250788200030", "HELP");
        process();
        for (int i = 0; i < OutboxSender.MAX_ATTEMPTS + 2; i++) {
            send();
            assertThat(row("+250788200030")).isEqualTo("queued http_429 0 number kept");
            assertThat(due("+250788200030")).isEqualTo(clock.instant().plusSeconds(120));
            clock.advance(Duration.ofSeconds(119));
            assertThat(send()).as("waits as long as Retry-After says").isZero();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(at.requests()).hasSize(OutboxSender.MAX_ATTEMPTS + 2);
        at.acceptAll();
        send();
        assertThat(row("+250788200030")).startsWith("sent ATXid_1 1");
    }

    @Test
    void a_request_timeout_without_retry_after_backs_off_by_itself_and_longer_each_time() {
        at.server().stubFor(at.correctRequest().atPriority(1).willReturn(aResponse().withStatus(408)));
        Texting.text(app, "+250788200032", "HELP");
        process();
        send();
        Duration first = Duration.between(clock.instant(), due("+250788200032"));
        assertThat(first).isBetween(OutboxSender.FIRST_RETRY.dividedBy(2), OutboxSender.FIRST_RETRY);
        clock.advance(first);
        send();
        clock.advance(Duration.between(clock.instant(), due("+250788200032")));
        send();
        Duration third = Duration.between(clock.instant(), due("+250788200032"));
        assertThat(third).isBetween(OutboxSender.FIRST_RETRY.multipliedBy(2), OutboxSender.FIRST_RETRY.multipliedBy(4));
        assertThat(row("+250788200032")).isEqualTo("queued http_408 0 number kept");
        at.acceptAll();
        clock.advance(third);
        send();
        assertThat(row("+250788200032")).startsWith("sent");
    }

    @Test
    void a_one_recipient_answer_without_number_or_status_code_is_matched_by_position_and_sent() {
        at.server().stubFor(at.correctRequest().atPriority(1).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"SMSMessageData\":{\"Message\":"
                        + "\"Sent to 1/1\",\"Recipients\":[{\"status\":\"Success\",\"cost\":\"RWF 15.0000\","
                        + "\"messageId\":\"ATXid_nonumber\"}]}}")));
        Texting.text(app, "+250788200033", "HELP");
        process();
        send();
        assertThat(row("+250788200033")).isEqualTo("sent ATXid_nonumber 1 no number");
    }

    @Test
    void on_a_premium_shortcode_a_reply_quotes_the_keyword_and_link_id_and_other_messages_go_as_before() {
        app.close();
        Map<String, String> env = new HashMap<>(at.env());
        env.put("IJWI_AT_SENDER_ID", "8080");
        env.put("IJWI_AT_PREMIUM_KEYWORD", "IJWI");
        app = new TestApp(TestDatabase.fresh(), env, clock, false);
        at.server().stubFor(post(urlEqualTo(FakeAt.PATH)).atPriority(1)
                .withHeader("apiKey", equalTo(FakeAt.API_KEY))
                .withHeader("Accept", equalTo("application/json"))
                .withFormParam("from", equalTo("8080"))
                .willReturn(aResponse().withTransformers("at-recipients")));
        textWithLink("+250788200040", "HELP", "link-abc-1");
        Texting.text(app, "+250788200041", "HELP"); // came without a linkId
        process();
        send();
        assertThat(at.requests()).containsExactlyInAnyOrder(
                Map.of("username", FakeAt.USERNAME, "to", "+250788200040", "message", HELP_EN, "from", "8080",
                        "keyword", "IJWI", "linkId", "link-abc-1", "bulkSMSMode", "0"),
                Map.of("username", FakeAt.USERNAME, "to", "+250788200041", "message", HELP_EN, "from", "8080",
                        "bulkSMSMode", "1", "enqueue", "1"));
        assertThat(row("+250788200040")).startsWith("sent ATXid_");
        assertThat(row("+250788200041")).startsWith("sent ATXid_");
    }

    @Test
    void without_a_premium_keyword_a_reply_to_a_message_with_a_link_id_goes_as_before() {
        textWithLink("+250788200042", "HELP", "link-abc-2");
        process();
        send();
        assertThat(at.requests()).containsExactly(Map.of("username", FakeAt.USERNAME, "to", "+250788200042",
                "message", HELP_EN, "from", FakeAt.SENDER, "bulkSMSMode", "1", "enqueue", "1"));
        assertThat(app.database().value("SELECT link_id FROM sms_inbound")).isEqualTo("link-abc-2");
    }

    @Test
    void delivery_reports_close_the_loop() {
        Texting.text(app, "+250788200010", "HELP");
        process();
        send();
        String messageId = (String) app.database().value("SELECT provider_message_id FROM sms_outbox");
        Texting.delivery(app, messageId, "Submitted");
        Texting.delivery(app, messageId, "Success");
        Texting.delivery(app, messageId, "Sent");
        assertThat(app.database().value("SELECT delivery_status FROM sms_outbox")).isEqualTo("Success");
    }

    @Test
    void a_delivery_report_that_overtakes_the_send_answer_is_applied_when_the_message_id_is_recorded() {
        Texting.delivery(app, "ATXid_1", "Success"); // FakeAt numbers its message ids from 1
        Texting.text(app, "+250788200016", "HELP");
        process();
        send();
        assertThat(row("+250788200016")).startsWith("sent ATXid_1");
        assertThat(app.database().value("SELECT delivery_status FROM sms_outbox")).isEqualTo("Success");
    }

    @Test
    void a_number_that_does_not_open_fails_its_row_without_holding_up_the_others() {
        Texting.text(app, "+250788200017", "HELP");
        Texting.text(app, "+250788200018", "HELP");
        process();
        app.database().jdbi().useHandle(h -> h.execute("UPDATE sms_outbox SET phone_encrypted = "
                + "'\\x000102030405060708090a0b0c0d0e0f101112131415'::bytea WHERE phone_hash = "
                + Texting.hash("+250788200017")));
        send();
        assertThat(row("+250788200017")).isEqualTo("failed number_unreadable 1 no number");
        assertThat(at.accepted()).containsOnlyKeys("+250788200018");
    }

    @Test
    void stop_between_queueing_and_sending_means_nothing_is_sent() {
        Texting.text(app, "+250788200011", "UBUFASHA");
        process();
        Texting.text(app, "+250788200011", "HAGARIKA");
        process();
        assertThat(send()).isZero();
        assertThat(at.requests()).isEmpty();
        assertThat(row("+250788200011")).isEqualTo("skipped opted_out 0 no number");
    }

    @Test
    void an_opt_out_recorded_after_the_message_was_queued_is_checked_at_send_time() {
        Texting.text(app, "+250788200012", "HELP");
        Texting.text(app, "+250788200013", "HELP");
        process();
        // As another instance would have written it, after this one queued the reply.
        app.database().jdbi().useHandle(h -> h.execute("INSERT INTO sms_opt_out (phone_hash, source, opted_out_at) "
                + "VALUES (" + Texting.hash("+250788200012") + ", 'provider', now())"));
        send();
        assertThat(row("+250788200012")).isEqualTo("skipped opted_out 0 no number");
        assertThat(at.accepted()).containsOnlyKeys("+250788200013");
    }

    @Test
    void without_credentials_messages_stay_in_the_outbox_and_the_log_says_how_many_but_not_whose() {
        app.close();
        app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(OutboxSender.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        log.addAppender(captured);
        try {
            Texting.text(app, "+250788200014", "HELP");
            Texting.text(app, "+250788200015", "HELP");
            process();
            assertThat(send()).isZero();
        } finally {
            log.detachAppender(captured);
        }
        assertThat(row("+250788200014")).isEqualTo("queued null 0 number kept");
        assertThat(at.requests()).isEmpty();
        assertThat(captured.list).extracting(e -> e.getFormattedMessage()).containsExactly("2 outbound SMS waiting in "
                + "the outbox: Africa's Talking is not configured (set IJWI_AT_USERNAME and IJWI_AT_API_KEY)");
    }

    @Test
    void back_off_grows_exponentially_with_jitter_and_is_capped() {
        java.util.Random random = new java.util.Random(4);
        Map<Integer, Duration> first = new HashMap<>();
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration delay = OutboxSender.backoff(attempt, random);
            long full = Math.min(OutboxSender.FIRST_RETRY.toMillis() << (attempt - 1),
                    OutboxSender.LONGEST_RETRY.toMillis());
            assertThat(delay.toMillis()).as("attempt " + attempt).isBetween(full / 2, full);
            first.put(attempt, delay);
        }
        assertThat(first.get(12)).isLessThanOrEqualTo(OutboxSender.LONGEST_RETRY);
    }

    /** The formatted lines OutboxSender logged while work ran. */
    private static List<String> captureLog(Runnable work) {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(OutboxSender.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        log.addAppender(captured);
        try {
            work.run();
        } finally {
            log.detachAppender(captured);
        }
        return captured.list.stream().map(e -> e.getFormattedMessage()).toList();
    }

    private void textWithLink(String from, String text, String linkId) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("from", from);
        form.put("id", "ATId_link_" + linkId);
        form.put("linkId", linkId);
        form.put("text", text);
        form.put("to", "8080");
        assertThat(app.post("/at/sms?token=" + TestApp.TOKEN, form).statusCode()).isEqualTo(200);
    }

    private void process() {
        app.app().sms().inbound().processAvailable();
    }

    private int send() {
        return app.app().sms().outbox().sendDue();
    }

    private Instant due(String phone) {
        return ((java.time.OffsetDateTime) app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT next_attempt_at FROM sms_outbox WHERE phone_hash = " + Texting.hash(phone))
                .mapTo(java.time.OffsetDateTime.class).one())).toInstant();
    }

    /** state, provider message id or last error, attempts, and whether the encrypted number is still kept. */
    private String row(String phone) {
        return (String) app.database().value("SELECT state || ' ' || coalesce(provider_message_id, last_error, 'null') "
                + "|| ' ' || attempts || ' ' || CASE WHEN phone_encrypted IS NULL THEN 'no number' ELSE 'number kept' END "
                + "FROM sms_outbox WHERE phone_hash = " + Texting.hash(phone));
    }
}
