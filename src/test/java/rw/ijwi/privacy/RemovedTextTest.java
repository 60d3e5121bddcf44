package rw.ijwi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rw.ijwi.config.Config;
import rw.ijwi.Main;
import rw.ijwi.auth.Role;
import rw.ijwi.db.Database;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/**
 * Text that is redacted or purged leaves the table files, not only the rows, and never enters pg_statistic:
 * the files of the table (and its TOAST table) are read after a checkpoint and searched for the text.
 */
@Tag("slow")
class RemovedTextTest {

    @Test
    void a_redacted_comment_is_gone_from_the_table_files_and_was_never_in_the_statistics() throws Exception {
        String marker = "Jean-0788123456-redact-" + System.nanoTime();
        try (TestApp app = new TestApp()) {
            Staff rusizi = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
            Reports.insert(app, "Rusizi", "police", "asked_to_pay", "My neighbour " + marker + " did it", false, false);
            long id = app.database().count("SELECT max(id) FROM report");
            app.database().jdbi().useHandle(h -> h.execute("ANALYZE report"));
            assertThat(app.database().count("SELECT count(*) FROM pg_stats WHERE tablename = 'report' "
                    + "AND attname IN ('comment', 'phone_hash')")).isZero();
            checkpoint(app);
            assertThat(tableFiles(app, "report")).as("the test can see the text before it is redacted").contains(marker);

            assertThat(rusizi.post("/review/" + id + "/redact", Map.of()).statusCode()).isEqualTo(303);

            assertThat(eventuallyWithout(app, "report", marker)).as("the table files after the redaction")
                    .doesNotContain(marker);
        }
    }

    @Test
    void a_purged_sms_text_is_gone_from_the_table_files() throws Exception {
        String marker = "Umupolisi-purge-" + System.nanoTime();
        try (TestApp app = new TestApp()) {
            app.database().jdbi().useHandle(h -> h.execute("""
                    INSERT INTO sms_inbound (provider_id, phone_hash, text, received_at, processed_at)
                    VALUES ('old-1', '\\x01'::bytea, ?, now() - interval '400 days', now() - interval '400 days')""",
                    "RADIO " + marker));
            checkpoint(app);
            assertThat(tableFiles(app, "sms_inbound")).contains(marker);

            StringWriter out = new StringWriter();
            assertThat(Main.run(app::config, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    "privacy", "purge")).isZero();
            assertThat(out.toString()).contains("smsTexts=1");

            checkpoint(app);
            assertThat(tableFiles(app, "sms_inbound")).doesNotContain(marker);
        }
    }

    @Test
    void on_the_embedded_postgresql_a_redacted_comment_leaves_the_write_ahead_log_too(@TempDir Path dataDir)
            throws Exception {
        String marker = "Mukamana-0788765432-wal-" + System.nanoTime();
        try (Database database = Database.open(Config.from(Map.of("IJWI_DATA_DIR", dataDir.toString())), 2)) {
            database.migrate();
            database.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language, comment)
                    SELECT '123456', 'ussd', '\\x01'::bytea, id, 'police', 'other', 'rw', ? FROM district
                    WHERE name = 'Rusizi'""", "Umugabo " + marker));
            Path wal = dataDir.resolve("postgres/pg_wal");
            assertThat(filesUnder(wal)).as("the test can see the text in the log before").contains(marker);

            database.jdbi().useHandle(h -> h.execute("UPDATE report SET comment = NULL WHERE ref = '123456'"));
            new Scrubber(database.jdbi()).vacuum("report");

            assertThat(filesUnder(wal)).doesNotContain(marker);
            assertThat(filesUnder(dataDir.resolve("postgres/base"))).doesNotContain(marker);
        }
    }

    @Test
    void a_report_its_sender_deleted_leaves_the_files_at_the_next_housekeeping() {
        String marker = "Deleted-by-sender-" + System.nanoTime();
        try (TestApp app = new TestApp()) {
            Reports.insert(app, "Huye", "health", "other", "Nyirarukundo " + marker, false, false);
            app.database().jdbi().useHandle(h -> h.execute("DELETE FROM report WHERE comment LIKE ?", "%" + marker));
            app.database().jdbi().useHandle(h -> h.execute("SELECT pg_stat_force_next_flush()"));
            new Scrubber(app.database().jdbi()).vacuumRemoved("report", "sms_subscriber");
            checkpoint(app);
            assertThat(tableFiles(app, "report")).doesNotContain(marker);
        }
    }

    private static String filesUnder(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
                    // PostgreSQL removed it while we listed: nothing left to read
                }
            }
        }
        return text.toString();
    }

    private static String eventuallyWithout(TestApp app, String table, String marker) throws InterruptedException {
        String files = "";
        for (int i = 0; i < 50; i++) {
            checkpoint(app);
            files = tableFiles(app, table);
            if (!files.contains(marker)) {
                return files;
            }
            Thread.sleep(200);
        }
        return files;
    }

    private static void checkpoint(TestApp app) {
        app.database().jdbi().useHandle(h -> h.execute("CHECKPOINT"));
    }

    /** Every file of the table and of its TOAST table (all segments and forks), as text. */
    private static String tableFiles(TestApp app, String table) {
        Path dataDir = Path.of((String) app.database().value("SELECT current_setting('data_directory')"));
        List<String> relations = app.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.oid = CAST(:t AS regclass)
                UNION ALL
                SELECT pg_relation_filepath(c.reltoastrelid) FROM pg_class c
                WHERE c.oid = CAST(:t AS regclass) AND c.reltoastrelid <> 0""").bind("t", table)
                .mapTo(String.class).list());
        StringBuilder text = new StringBuilder();
        for (String relation : relations) {
            Path main = dataDir.resolve(relation);
            try (Stream<Path> files = Files.list(main.getParent())) {
                String name = main.getFileName().toString();
                for (Path file : files.filter(f -> f.getFileName().toString().matches(name + "([._].*)?")).toList()) {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }
}
