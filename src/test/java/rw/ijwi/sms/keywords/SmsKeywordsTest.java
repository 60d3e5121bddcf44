package rw.ijwi.sms.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import rw.ijwi.security.PhoneCipher;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** What each keyword does to the database and which reply it queues, through the real webhook and worker. */
class SmsKeywordsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);
    private final PhoneCipher cipher = new PhoneCipher(Base64.getDecoder().decode(TestApp.SECRET));

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void join_keeps_the_number_encrypted_for_the_district_and_replies_in_the_language_of_the_keyword() {
        Texting.text(app, "+250788300001", "injira rusisi");
        Texting.text(app, "+250788300002", "ABONNER Huye");
        process();
        assertThat(subscriber("+250788300001")).isEqualTo("Rusizi rw");
        assertThat(subscriber("+250788300002")).isEqualTo("Huye fr");
        byte[] sealed = (byte[]) app.database().value("SELECT phone_encrypted FROM sms_subscriber WHERE phone_hash = "
                + Texting.hash("+250788300001"));
        assertThat(cipher.decrypt(sealed)).isEqualTo("+250788300001");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("788300001");
        assertThat(replies("+250788300001")).containsExactly(
                "Murakoze. Muzajya mubona amakuru y'akarere ka Rusizi. Ohereza HAGARIKA igihe cyose ngo uhagarike.");
        assertThat(replies("+250788300002")).containsExactly(
                "Merci. Vous recevrez les nouvelles du district de Huye. Envoyez ARRET a tout moment pour arreter.");
        assertThat(outcome("+250788300001")).isEqualTo("join");
    }

    @Test
    void join_without_a_known_district_asks_for_one_and_keeps_nothing() {
        Texting.text(app, "+250788300003", "JOIN Kigali");
        process();
        assertThat(app.database().count("SELECT count(*) FROM sms_subscriber")).isZero();
        assertThat(replies("+250788300003")).containsExactly(
                "Send JOIN followed by the name of your district, for example: JOIN Rusizi");
    }

    @Test
    void stop_deletes_the_stored_number_opts_out_and_sends_nothing_and_join_later_opts_back_in() {
        Texting.text(app, "+250788300004", "JOIN Rusizi");
        process();
        clock.advance(Duration.ofMinutes(2));
        Texting.text(app, "+250788300004", "Arr\u00EAt");
        process();
        assertThat(app.database().count("SELECT count(*) FROM sms_subscriber")).isZero();
        assertThat(app.database().count("SELECT count(*) FROM sms_opt_out WHERE phone_hash = "
                + Texting.hash("+250788300004"))).isEqualTo(1);
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE state = 'queued'")).isZero();

        clock.advance(Duration.ofMinutes(2));
        Texting.text(app, "+250788300004", "HELP");
        process();
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE state = 'queued'"))
                .as("no reply to an opted-out number").isZero();

        Texting.text(app, "+250788300004", "JOIN Rusizi");
        process();
        assertThat(app.database().count("SELECT count(*) FROM sms_opt_out")).isZero();
        assertThat(subscriber("+250788300004")).isEqualTo("Rusizi en");
    }

    @Test
    void a_number_gets_at_most_one_reply_a_minute() {
        Texting.text(app, "+250788300005", "HELP");
        Texting.text(app, "+250788300005", "HELP");
        process();
        clock.advance(Duration.ofSeconds(59));
        Texting.text(app, "+250788300005", "AIDE");
        process();
        assertThat(replies("+250788300005")).hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        Texting.text(app, "+250788300005", "AIDE");
        process();
        assertThat(replies("+250788300005")).hasSize(2).last().asString().startsWith("Ijwi: envoyez ABONNER");
    }

    @Test
    void anything_else_goes_to_the_inbox_with_a_neutral_reply_in_the_language_the_number_chose() {
        app.database().jdbi().useHandle(h -> h.execute("INSERT INTO phone_preference (phone_hash, language) VALUES ("
                + Texting.hash("+250788300007") + ", 'en')"));
        Texting.text(app, "+250788300006", "Muraho, ndashaka kubaza");
        Texting.text(app, "+250788300007", "Hello, I have a question");
        process();
        assertThat(outcome("+250788300006")).isEqualTo("inbox");
        assertThat(replies("+250788300006")).containsExactly(
                "Murakoze, ubutumwa bwanyu bwakiriwe. Ohereza UBUFASHA ngo umenye ibindi.");
        assertThat(replies("+250788300007")).containsExactly(
                "Thank you, your message was received. Send HELP to learn more.");
    }

    @Test
    void a_processed_message_keeps_no_reply_address_and_a_repeated_callback_is_not_processed_twice() {
        String id = Texting.text(app, "+250788300008", "HELP");
        process();
        app.post("/at/sms?token=" + TestApp.TOKEN, Map.of("id", id, "from", "+250788300008", "text", "HELP"));
        assertThat(process()).isZero();
        assertThat(app.database().count("SELECT count(*) FROM sms_inbound WHERE reply_to IS NOT NULL")).isZero();
        assertThat(replies("+250788300008")).hasSize(1);
    }

    @Test
    void a_message_that_cannot_be_processed_is_marked_and_does_not_hold_up_the_others() {
        Texting.text(app, "+250788300009", "HELP");
        Texting.text(app, "+250788300010", "HELP");
        // The first becomes a JOIN the database refuses; it must not take the second down with it.
        app.database().jdbi().useHandle(h -> h.execute("UPDATE sms_inbound SET text = 'JOIN Rusizi' "
                + "WHERE phone_hash = " + Texting.hash("+250788300009")));
        app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE sms_subscriber ADD CONSTRAINT no_rusizi "
                + "CHECK (district_id <> 28)"));
        assertThat(process()).isEqualTo(2);
        assertThat(outcome("+250788300009")).isEqualTo("error");
        assertThat(outcome("+250788300010")).isEqualTo("help");
    }

    private int process() {
        return app.app().sms().inbound().processAvailable();
    }

    private String subscriber(String phone) {
        return (String) app.database().value("SELECT d.name || ' ' || s.language FROM sms_subscriber s "
                + "JOIN district d ON d.id = s.district_id WHERE s.phone_hash = " + Texting.hash(phone));
    }

    private String outcome(String phone) {
        return (String) app.database().value("SELECT outcome FROM sms_inbound WHERE phone_hash = "
                + Texting.hash(phone) + " ORDER BY id DESC LIMIT 1");
    }

    private List<String> replies(String phone) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT text FROM sms_outbox WHERE phone_hash = "
                + Texting.hash(phone) + " ORDER BY id").mapTo(String.class).list());
    }
}
