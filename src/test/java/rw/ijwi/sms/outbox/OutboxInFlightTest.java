package rw.ijwi.sms.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import rw.ijwi.Main;
import rw.ijwi.testing.FakeAt;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/**
 * The outbox with several requests to Africa's Talking (WireMock) open at once, on claims of 1,000 rows: every
 * recipient once, every result recorded, opt-outs and pauses honoured as with one request at a time.
 */
@Tag("slow")
@Tag("load")
class OutboxInFlightTest {

    static final String TEXT = "Rusizi: Polisi yashyize abapolisi babiri kuri sitasiyo ya Bugarama.";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
    private final FakeAt at = new FakeAt();
    private final TestApp app = new TestApp(TestDatabase.fresh(), with(at.env(), "IJWI_SMS_IN_FLIGHT", "4"), clock,
            false);

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
    void with_four_requests_in_flight_each_recipient_gets_exactly_one_message_and_every_message_id_is_kept() {
        queue(1_500);
        assertThat(send()).isEqualTo(1_500);
        assertThat(at.accepted()).hasSize(1_500).allSatisfy((number, times) -> assertThat(times).isEqualTo(1));
        assertThat(at.requests()).hasSize(15).allSatisfy(form -> {
            assertThat(form.get("to").split(",")).hasSizeLessThanOrEqualTo(100);
            assertThat(form.get("message")).isEqualTo(TEXT);
        });
        var db = app.database();
        assertThat(db.count("SELECT count(*) FROM sms_outbox WHERE state = 'sent' AND attempts = 1 "
                + "AND provider_message_id LIKE 'ATXid_%' AND cost = 'RWF 15.0000' AND sent_at IS NOT NULL "
                + "AND phone_encrypted IS NULL AND last_error IS NULL")).isEqualTo(1_500);
        assertThat(db.count("SELECT count(DISTINCT provider_message_id) FROM sms_outbox")).isEqualTo(1_500);
        assertThat(send()).as("nothing is sent twice").isZero();
    }

    @Test
    void one_claim_takes_at_most_a_thousand_rows_and_the_next_claim_the_rest() {
        queue(1_500);
        assertThat(app.app().sms().outbox().sendBatch()).isEqualTo(1_000);
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE state = 'sent'")).isEqualTo(1_000);
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE state = 'queued' AND attempts = 0 "
                + "AND phone_encrypted IS NOT NULL")).isEqualTo(500);
        assertThat(app.app().sms().outbox().sendBatch()).isEqualTo(500);
        assertThat(app.app().sms().outbox().sendBatch()).isZero();
        assertThat(at.accepted()).hasSize(1_500);
    }

    @Test
    void an_opt_out_recorded_after_the_broadcast_was_queued_is_checked_at_send_time() {
        queue(300);
        List<String> stopped = List.of("+250780000007", "+250780000150", "+250780000299");
        // As another instance would have written them, after the rows were queued.
        stopped.forEach(number -> app.database().jdbi().useHandle(h -> h.execute("INSERT INTO sms_opt_out "
                + "(phone_hash, source, opted_out_at) VALUES (" + Texting.hash(number) + ", 'provider', now())")));
        assertThat(send()).isEqualTo(300);
        assertThat(at.accepted()).hasSize(297).doesNotContainKeys(stopped.toArray(String[]::new));
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE state = 'skipped' "
                + "AND last_error = 'opted_out' AND phone_encrypted IS NULL AND attempts = 0")).isEqualTo(3);
    }

    @Test
    void each_recipient_of_one_claim_gets_its_own_result_sent_retried_later_or_failed() {
        queue(250);
        at.statusFor("+250780000010", 403);
        at.statusFor("+250780000120", 501);
        send();
        assertThat(row("+250780000010")).isEqualTo("failed 403 InvalidPhoneNumber 1 no number");
        assertThat(row("+250780000120")).isEqualTo("queued 501 GatewayError 1 number kept");
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE phone_hash = "
                + Texting.hash("+250780000120") + " AND next_attempt_at > '2026-12-01T17:00:00Z'"))
                .as("retried after a back-off, not at once").isEqualTo(1);
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE state = 'sent'")).isEqualTo(248);
    }

    @Test
    void a_refused_api_key_puts_the_whole_claim_back_and_starts_no_request_after_the_refusal() {
        at.server().stubFor(at.correctRequest().atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "text/plain").withBody("The supplied authentication is invalid")));
        queue(1_000);
        assertThat(send()).isEqualTo(1_000);
        assertThat(at.requests().size()).as("at most the requests already open").isBetween(1, 4);
        assertThat(app.app().sms().outbox().paused()).isTrue();
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE state = 'queued' AND attempts = 0 "
                + "AND phone_encrypted IS NOT NULL")).isEqualTo(1_000);
    }

    @Test
    void a_delivery_report_that_overtakes_the_send_answer_is_applied_when_the_claim_is_recorded() {
        Texting.delivery(app, "ATXid_1", "Success"); // FakeAt numbers its message ids from 1
        queue(150);
        send();
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE provider_message_id = 'ATXid_1' "
                + "AND delivery_status = 'Success'")).isEqualTo(1);
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE delivery_status IS NOT NULL"))
                .isEqualTo(1);
    }

    /** Seeds n Rusizi subscribers (+250780000000 upwards) and queues one broadcast row for each. */
    private void queue(int n) {
        StringWriter err = new StringWriter();
        int code = Main.run(app::config, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "seed", "subscribers", "--district", "Rusizi", "--count", String.valueOf(n));
        assertThat(code).as(err.toString()).isZero();
        app.database().jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO sms_outbox (phone_hash, phone_encrypted, text, cause, next_attempt_at, created_at,
                                        updated_at)
                SELECT phone_hash, phone_encrypted, :text, 'broadcast', :now, :now, :now FROM sms_subscriber""")
                .bind("text", TEXT).bind("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).execute());
    }

    private int send() {
        return app.app().sms().outbox().sendDue();
    }

    /** state, provider message id or last error, attempts, and whether the encrypted number is still kept. */
    private String row(String phone) {
        return (String) app.database().value("SELECT state || ' ' || coalesce(provider_message_id, last_error, 'null') "
                + "|| ' ' || attempts || ' ' || CASE WHEN phone_encrypted IS NULL THEN 'no number' ELSE 'number kept' END "
                + "FROM sms_outbox WHERE phone_hash = " + Texting.hash(phone));
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        var all = new java.util.HashMap<>(env);
        all.put(name, value);
        return all;
    }
}
