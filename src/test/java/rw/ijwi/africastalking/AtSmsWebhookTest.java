package rw.ijwi.africastalking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/**
 * The AT SMS callbacks (incoming, delivery report, opt-out) as AT sends them, good and bad: one labelled case per
 * row, each with the requests, the answer to the last one, and what the database must hold afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtSmsWebhookTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String SMS = "/at/sms?token=" + TestApp.TOKEN;
    static final String DLR = "/at/sms/delivery?token=" + TestApp.TOKEN;
    static final String OPTOUT = "/at/sms/optout?token=" + TestApp.TOKEN;
    static final String SUBSCRIBER = "+250788100050";

    static final String OTHER_SUBSCRIBER = "+250788100051";

    /** Ijwi's sender ID is set, as on an account shared with other senders (no username: nothing is sent). */
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of("IJWI_AT_SENDER_ID", "IJWI"),
            new TestClock(Instant.parse("2026-12-01T17:00:00Z")), false);

    /** A database assertion: the single value the query returns. */
    record Check(String query, Object returns) {
    }

    /** Requests posted in order to one callback, the answer expected to the last, and the database after. */
    record Case(String label, String path, List<String> bodies, String contentType, int status, String reply,
            List<Check> checks) {
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

    static String sms(String id, String from, String text) {
        return form("id", id, "from", from, "to", "8080", "text", text, "date", "2026-12-01 17:05:00",
                "networkCode", "63510", "linkId", "", "cost", "RWF 0");
    }

    static String hash(String phone) {
        return Texting.hash(phone);
    }

    static Case sms(String label, List<String> bodies, int status, String reply, Check... checks) {
        return new Case(label, SMS, bodies, FORM, status, reply, List.of(checks));
    }

    static Check stored(String id, long count) {
        return new Check("SELECT count(*) FROM sms_inbound WHERE provider_id = '" + id + "'", count);
    }

    static Check altered(String id, String altered) {
        return new Check("SELECT text_altered FROM sms_inbound WHERE provider_id = '" + id + "'", altered);
    }

    static Check delivery(String messageId, String status) {
        return new Check("SELECT delivery_status FROM sms_outbox WHERE provider_message_id = '" + messageId + "'", status);
    }

    static Stream<Case> cases() {
        String emoji = "Ndashaka kumenya \uD83D\uDE00 \u201Cibisubizo\u201D \u00EA";
        return Stream.of(
                sms("Receive Valid Message", List.of(sms("ATId_1", "+250788100001", "RADIO A")), 200, "OK",
                        stored("ATId_1", 1),
                        new Check("SELECT text FROM sms_inbound WHERE provider_id = 'ATId_1'", "RADIO A"),
                        new Check("SELECT short_code || ' ' || network_code FROM sms_inbound WHERE provider_id = 'ATId_1'",
                                "8080 63510"),
                        new Check("SELECT phone_hash = " + hash("+250788100001") + " FROM sms_inbound "
                                + "WHERE provider_id = 'ATId_1'", true),
                        new Check("SELECT processed_at IS NULL FROM sms_inbound WHERE provider_id = 'ATId_1'", true)),
                sms("Receive Premium Link Id Kept", List.of(form("id", "ATId_link", "from", "+250788100001", "to",
                        "8080", "text", "HELP", "linkId", "SampleLinkId123")), 200, "OK",
                        new Check("SELECT link_id FROM sms_inbound WHERE provider_id = 'ATId_link'", "SampleLinkId123")),
                sms("Receive Empty Link Id Is None", List.of(sms("ATId_nolink", "+250788100001", "x")), 200, "OK",
                        new Check("SELECT link_id FROM sms_inbound WHERE provider_id = 'ATId_nolink'", null)),
                sms("Receive Control Character In Link Id Refused", List.of(form("id", "ATId_badlink", "from",
                        "+250788100001", "text", "x", "linkId", "a\u0000b")), 400,
                        "field linkId contains a control character", stored("ATId_badlink", 0)),
                sms("Receive Iso Date", List.of(form("id", "ATId_iso", "from", "+250788100001", "text", "x",
                        "date", "2018-03-19T08:34:18.445Z")), 200, "OK",
                        new Check("SELECT provider_date = '2018-03-19T08:34:18.445Z' FROM sms_inbound "
                                + "WHERE provider_id = 'ATId_iso'", true)),
                sms("Receive Odd Date Kept Lenient", List.of(form("id", "ATId_odd", "from", "+250788100001",
                        "text", "x", "date", "yesterday")), 200, "OK",
                        new Check("SELECT provider_date IS NULL FROM sms_inbound WHERE provider_id = 'ATId_odd'", true)),
                sms("Receive Missing From", List.of(form("id", "ATId_nofrom", "text", "x")), 400,
                        "missing field from", stored("ATId_nofrom", 0)),
                sms("Receive From Not A Number", List.of(form("id", "ATId_abc", "from", "Safaricom", "text", "x")),
                        400, "field from is not a phone number", stored("ATId_abc", 0)),
                sms("Receive Missing Id", List.of(form("from", "+250788100001", "text", "no id here")), 400,
                        "missing field id", new Check("SELECT count(*) FROM sms_inbound WHERE text = 'no id here'", 0L)),
                sms("Receive Empty Id", List.of(form("id", "  ", "from", "+250788100001", "text", "blank id")), 400,
                        "field id is empty", new Check("SELECT count(*) FROM sms_inbound WHERE text = 'blank id'", 0L)),
                sms("Receive Missing Text", List.of(form("id", "ATId_notext", "from", "+250788100001")), 400,
                        "missing field text", stored("ATId_notext", 0)),
                sms("Receive Empty Text", List.of(sms("ATId_empty", "+250788100001", "")), 200, "OK",
                        stored("ATId_empty", 1)),
                sms("Receive Huge Text Kept Cut", List.of(sms("ATId_huge", "+250788100001", "a".repeat(1601))), 200,
                        "OK", altered("ATId_huge", "truncated"),
                        new Check("SELECT length(text) FROM sms_inbound WHERE provider_id = 'ATId_huge'", 1600L)),
                sms("Receive Longest Text", List.of(sms("ATId_long", "+250788100001", "a".repeat(1600))), 200, "OK",
                        new Check("SELECT length(text) FROM sms_inbound WHERE provider_id = 'ATId_long'", 1600L),
                        altered("ATId_long", null)),
                sms("Receive Huge Text Cut Between Pairs", List.of(sms("ATId_pair", "+250788100001",
                        "a".repeat(1599) + "\uD83D\uDE00")), 200, "OK", altered("ATId_pair", "truncated"),
                        new Check("SELECT text FROM sms_inbound WHERE provider_id = 'ATId_pair'", "a".repeat(1599))),
                sms("Receive Non Gsm Text", List.of(sms("ATId_emoji", "+250788100001", emoji)), 200, "OK",
                        new Check("SELECT text FROM sms_inbound WHERE provider_id = 'ATId_emoji'", emoji)),
                sms("Receive Duplicate Id", List.of(sms("ATId_dup", "+250788100001", "first"),
                        sms("ATId_dup", "+250788100002", "second")), 200, "OK",
                        stored("ATId_dup", 1),
                        new Check("SELECT text FROM sms_inbound WHERE provider_id = 'ATId_dup'", "first")),
                sms("Receive Plus Not Encoded", List.of(sms("ATId_ref", "+250788100009", "x"),
                        "id=ATId_plus&from=+250788100009&text=x"), 200, "OK",
                        new Check("SELECT count(DISTINCT phone_hash) FROM sms_inbound "
                                + "WHERE provider_id IN ('ATId_ref', 'ATId_plus')", 1L), stored("ATId_plus", 1)),
                sms("Receive Control Character Kept Cleaned", List.of(sms("ATId_ctl", "+250788100001",
                        "a\u0000b\u001Bc\u007F\nd")), 200, "OK", altered("ATId_ctl", "cleaned"),
                        new Check("SELECT text FROM sms_inbound WHERE provider_id = 'ATId_ctl'", "abc\nd")),
                sms("Receive Replacement Character Kept Cleaned", List.of(sms("ATId_fffd", "+250788100001",
                        "Muraho \uFFFD\uFFFD neza")), 200, "OK", altered("ATId_fffd", "cleaned"),
                        new Check("SELECT text FROM sms_inbound WHERE provider_id = 'ATId_fffd'", "Muraho  neza")),
                sms("Receive Huge Text With Control Characters", List.of(sms("ATId_both", "+250788100001",
                        "\u0001" + "b".repeat(2000))), 200, "OK", altered("ATId_both", "cleaned and truncated")),
                sms("Receive Control Character In Id Still Refused", List.of(sms("ATId_\u0001", "+250788100001",
                        "x")), 400, "field id contains a control character",
                        new Check("SELECT count(*) FROM sms_inbound WHERE provider_id LIKE 'ATId\\_%' "
                                + "AND provider_id NOT SIMILAR TO '[ -~]*'", 0L)),
                sms("Receive Control Character In Number Still Refused", List.of(form("id", "ATId_ctlfrom",
                        "from", "+25078810\u00000001", "text", "x")), 400, "field from contains a control character",
                        stored("ATId_ctlfrom", 0)),
                sms("Receive Repeated Field", List.of(sms("ATId_twice", "+250788100001", "x") + "&text=y"), 400,
                        "field text given 2 times", stored("ATId_twice", 0)),
                new Case("Receive Without Token", "/at/sms", List.of(sms("ATId_notoken", "+250788100001", "x")), FORM,
                        401, "missing or wrong token", List.of(stored("ATId_notoken", 0))),
                new Case("Receive Json", SMS, List.of("{\"id\":\"ATId_json\"}"), "application/json", 400,
                        "expected Content-Type application/x-www-form-urlencoded", List.of(stored("ATId_json", 0))),

                new Case("Status Success", DLR, List.of(form("id", "ATXid_s1", "status", "Success", "phoneNumber",
                        "+250788100001", "networkCode", "63510")), FORM, 200, "OK",
                        List.of(delivery("ATXid_s1", "Success"))),
                new Case("Status Moves Forward Only", DLR, List.of(form("id", "ATXid_s2", "status", "Sent"),
                        form("id", "ATXid_s2", "status", "Success"), form("id", "ATXid_s2", "status", "Buffered")),
                        FORM, 200, "OK", List.of(delivery("ATXid_s2", "Success"),
                        new Check("SELECT count(*) FROM sms_delivery_report WHERE provider_message_id = 'ATXid_s2'", 3L))),
                new Case("Status Failed With Reason", DLR, List.of(form("id", "ATXid_s3", "status", "Failed",
                        "failureReason", "UserInBlackList")), FORM, 200, "OK", List.of(delivery("ATXid_s3", "Failed"),
                        new Check("SELECT failure_reason FROM sms_outbox WHERE provider_message_id = 'ATXid_s3'",
                                "UserInBlackList"))),
                new Case("Status Misspelled Failure Reason", DLR, List.of(form("id", "ATXid_s4", "status", "Rejected",
                        "failureReason", "NotNetworkSubcriber")), FORM, 200, "OK", List.of(
                        new Check("SELECT failure_reason FROM sms_outbox WHERE provider_message_id = 'ATXid_s4'",
                                "NotNetworkSubscriber"))),
                new Case("Status Other Spelling Of Failure Reason", DLR, List.of(form("id", "ATXid_s5", "status",
                        "Rejected", "failureReason", "NotNetworkSubscriber")), FORM, 200, "OK", List.of(
                        new Check("SELECT failure_reason FROM sms_outbox WHERE provider_message_id = 'ATXid_s5'",
                                "NotNetworkSubscriber"))),
                new Case("Status Unknown Word Stored As Is", DLR, List.of(form("id", "ATXid_s6", "status",
                        "Teleported")), FORM, 200, "OK", List.of(delivery("ATXid_s6", "Teleported"))),
                new Case("Status Unknown Word Never Overwrites", DLR, List.of(form("id", "ATXid_s7", "status",
                        "Submitted"), form("id", "ATXid_s7", "status", "Teleported")), FORM, 200, "OK",
                        List.of(delivery("ATXid_s7", "Submitted"), new Check("SELECT count(*) FROM sms_delivery_report "
                                + "WHERE provider_message_id = 'ATXid_s7' AND status = 'Teleported'", 1L))),
                new Case("Status Duplicate", DLR, List.of(form("id", "ATXid_s8", "status", "Sent"),
                        form("id", "ATXid_s8", "status", "Sent")), FORM, 200, "OK", List.of(delivery("ATXid_s8", "Sent"),
                        new Check("SELECT count(*) FROM sms_delivery_report WHERE provider_message_id = 'ATXid_s8'", 1L))),
                new Case("Status Lower Case", DLR, List.of(form("id", "ATXid_s9", "status", "absentsubscriber")), FORM,
                        200, "OK", List.of(delivery("ATXid_s9", "AbsentSubscriber"))),
                new Case("Status For A Message Not Ours", DLR, List.of(form("id", "ATXid_stranger", "status",
                        "Success")), FORM, 200, "OK", List.of(new Check("SELECT count(*) FROM sms_delivery_report "
                                + "WHERE provider_message_id = 'ATXid_stranger'", 1L))),
                new Case("Status Missing Id", DLR, List.of(form("status", "Success")), FORM, 400, "missing field id",
                        List.of()),
                new Case("Status Missing Status", DLR, List.of(form("id", "ATXid_s1")), FORM, 400,
                        "missing field status", List.of()),
                new Case("Status Without Token", "/at/sms/delivery", List.of(form("id", "ATXid_s10", "status",
                        "Success")), FORM, 401, "missing or wrong token", List.of(delivery("ATXid_s10", null))),

                new Case("Opt Out", OPTOUT, List.of(form("senderId", "IJWI", "phoneNumber", SUBSCRIBER)), FORM, 200,
                        "OK", List.of(
                        new Check("SELECT count(*) FROM sms_opt_out WHERE phone_hash = " + hash(SUBSCRIBER)
                                + " AND source = 'provider'", 1L),
                        new Check("SELECT count(*) FROM sms_subscriber WHERE phone_hash = " + hash(SUBSCRIBER), 0L))),
                new Case("Opt Out For Another Sender Is Not Ours", OPTOUT, List.of(form("senderId", "OTHERNGO",
                        "phoneNumber", OTHER_SUBSCRIBER)), FORM, 200, "OK", List.of(
                        new Check("SELECT count(*) FROM sms_opt_out WHERE phone_hash = " + hash(OTHER_SUBSCRIBER), 0L),
                        new Check("SELECT count(*) FROM sms_subscriber WHERE phone_hash = " + hash(OTHER_SUBSCRIBER),
                                1L))),
                new Case("Opt Out Sender Id In Other Case", OPTOUT, List.of(form("senderId", "ijwi", "phoneNumber",
                        "+250788100052")), FORM, 200, "OK", List.of(new Check("SELECT count(*) FROM sms_opt_out "
                                + "WHERE phone_hash = " + hash("+250788100052"), 1L))),
                new Case("Opt Out Without Sender Id Counts", OPTOUT, List.of(form("phoneNumber", "+250788100053")),
                        FORM, 200, "OK", List.of(new Check("SELECT count(*) FROM sms_opt_out WHERE phone_hash = "
                                + hash("+250788100053"), 1L))),
                new Case("Opt Out Missing Phone", OPTOUT, List.of(form("senderId", "IJWI")), FORM, 400,
                        "missing field phoneNumber", List.of()),
                new Case("Opt Out Not A Number", OPTOUT, List.of(form("phoneNumber", "IJWI")), FORM, 400,
                        "field phoneNumber is not a phone number", List.of()));
    }

    @BeforeAll
    void messagesThatWereSent() {
        app.database().jdbi().useHandle(h -> {
            for (int i = 1; i <= 10; i++) {
                h.execute("INSERT INTO sms_outbox (phone_hash, text, cause, state, next_attempt_at, created_at, "
                        + "updated_at, provider_message_id) VALUES (" + hash("+25078810010" + (i % 10)) + ", 'x', "
                        + "'test', 'sent', now(), now(), now(), 'ATXid_s" + i + "')");
            }
            for (String subscriber : List.of(SUBSCRIBER, OTHER_SUBSCRIBER)) {
                h.execute("INSERT INTO sms_subscriber (phone_hash, district_id, phone_encrypted, language, "
                        + "subscribed_at) VALUES (" + hash(subscriber) + ", 28, '\\x00'::bytea, 'rw', now())");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void callback_answers_and_stores_as_expected(Case c) {
        HttpResponse<String> response = null;
        for (String body : c.bodies()) {
            response = app.post(c.path(), body, c.contentType());
        }
        assertThat(response.statusCode()).as(c.label() + ": " + response.body()).isEqualTo(c.status());
        assertThat(response.body()).startsWith(c.reply());
        assertThat(response.body()).doesNotContain("\n");
        for (Check check : c.checks()) {
            Object value = app.database().jdbi().withHandle(h -> h.createQuery(check.query())
                    .map((rs, ctx) -> rs.getObject(1)).findOne().orElse(null));
            if (value instanceof Number n && check.returns() instanceof Number) {
                value = n.longValue(); // count(*) is a bigint, length() an integer: compare them as numbers
            }
            assertThat(value).as(c.label() + ": " + check.query()).isEqualTo(check.returns());
        }
    }

    @Test
    void without_a_sender_id_of_its_own_every_opt_out_counts_whichever_sender_it_names() {
        try (TestApp defaultSender = new TestApp(TestDatabase.fresh(), Map.of(),
                new TestClock(Instant.parse("2026-12-01T17:00:00Z")), false)) {
            assertThat(defaultSender.post(OPTOUT, form("senderId", "AFRICASTKNG", "phoneNumber", OTHER_SUBSCRIBER),
                    FORM).statusCode()).isEqualTo(200);
            assertThat(defaultSender.database().count("SELECT count(*) FROM sms_opt_out WHERE phone_hash = "
                    + hash(OTHER_SUBSCRIBER))).isEqualTo(1);
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }
}
