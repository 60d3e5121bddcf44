package rw.ijwi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import rw.ijwi.Main;
import rw.ijwi.testing.TestApp;

/** Free text and encrypted numbers older than the retention period are purged; counts and fresh data stay. */
class RetentionTest {

    @Test
    void old_free_text_and_numbers_go_and_the_reports_are_still_counted() {
        try (TestApp app = new TestApp()) {
            app.ussd("old", "+250788444001", "1*1*28*1*1*3*Old comment about the station*1*1");
            app.ussd("new", "+250788444002", "1*1*28*1*1*3*Fresh comment*1*1");
            app.database().jdbi().useHandle(h -> {
                h.execute("UPDATE report SET created_at = now() - interval '400 days', quote_approved = true "
                        + "WHERE session_id = 'old'");
                h.execute("""
                        INSERT INTO sms_inbound (provider_id, phone_hash, reply_to, text, received_at, processed_at, outcome)
                        VALUES ('old-sms', '\\x01', '\\x02', 'JOIN Rusizi', now() - interval '400 days',
                                now() - interval '400 days', 'join'),
                               ('new-sms', '\\x03', NULL, 'HELP', now(), now(), 'help')""");
                h.execute("""
                        INSERT INTO sms_subscriber (phone_hash, district_id, phone_encrypted, language, subscribed_at)
                        SELECT '\\x01', id, '\\x09', 'rw', now() - interval '400 days' FROM district WHERE name = 'Rusizi'""");
            });

            RetentionDao.Purged purged = app.database().jdbi().onDemand(RetentionDao.class).purge(365);

            assertThat(purged.comments()).isEqualTo(1);
            assertThat(purged.smsTexts()).isEqualTo(1);
            assertThat(purged.replyAddresses()).isEqualTo(1);
            assertThat(purged.subscribers()).isEqualTo(1);
            assertThat(app.database().count("SELECT count(*) FROM report")).isEqualTo(2);
            assertThat(app.database().value("SELECT comment FROM report WHERE session_id = 'new'")).isEqualTo("Fresh comment");
            assertThat(app.database().value("SELECT coalesce(comment, 'gone') || ' ' || quote_approved FROM report "
                    + "WHERE session_id = 'old'")).isEqualTo("gone false");
            assertThat(app.database().value("SELECT coalesce(text, 'gone') FROM sms_inbound WHERE provider_id = 'old-sms'"))
                    .isEqualTo("gone");
            assertThat(app.database().value("SELECT text FROM sms_inbound WHERE provider_id = 'new-sms'")).isEqualTo("HELP");
            assertThat(app.database().count("SELECT count(*) FROM sms_subscriber")).isZero();
            assertThat(app.database().jdbi().onDemand(RetentionDao.class).purge(365).total()).as("nothing twice").isZero();
        }
    }

    @Test
    void the_record_of_processing_names_purposes_retention_and_counts_without_personal_data() {
        try (TestApp app = new TestApp(rw.ijwi.testing.TestDatabase.fresh(), java.util.Map.of("IJWI_RETENTION_DAYS", "180"))) {
            app.ussd("ropa", "+250788444003", "1*1*28*1*1*3*A comment*1*1");
            StringWriter out = new StringWriter();
            int code = Main.run(app::config, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    "privacy", "record");
            assertThat(code).isZero();
            assertThat(out.toString()).contains("# Record of processing activities", "## Purposes", "180 days",
                    "| reports | 1 |", "| reports with a comment still held | 1 |", "HMAC-SHA256", "<5")
                    .doesNotContain("788444003").doesNotContain("A comment");
        }
    }
}
