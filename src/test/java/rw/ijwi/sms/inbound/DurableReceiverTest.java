package rw.ijwi.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;

/** A message that waited in the spool comes out of it as it came in: nothing it carried is dropped on the way. */
class DurableReceiverTest {

    private static final byte[] SECRET = Base64.getDecoder().decode(TestApp.SECRET);

    @TempDir
    Path dir;

    @Test
    void a_spooled_message_keeps_its_link_and_the_note_that_its_text_was_altered() {
        TestDatabase database = TestDatabase.fresh();
        SmsReceiver receiver = new SmsReceiver(database.jdbi(), new PhoneHasher(SECRET), new PhoneCipher(SECRET),
                new TestClock(Instant.parse("2026-12-01T17:00:00Z")), () -> { });
        Spool spool = Spool.open(dir, 1_000_000, SECRET);
        spool.append("{\"kind\":\"optout\",\"phone\":\"+250788300001\"}"); // one waiting: new ones queue behind it
        DurableReceiver durable = new DurableReceiver(receiver, spool);

        durable.receive(new InboundSms("ATId_spooled", "+250788300002", "8080", "a".repeat(1600), "63510", null,
                "truncated", "link-in-spool"));
        assertThat(database.count("SELECT count(*) FROM sms_inbound")).as("behind the waiting entry").isZero();
        assertThat(durable.replay()).isEqualTo(2);

        assertThat(database.value("SELECT text_altered || ' ' || link_id || ' ' || length(text) FROM sms_inbound "
                + "WHERE provider_id = 'ATId_spooled'")).isEqualTo("truncated link-in-spool 1600");
    }
}
