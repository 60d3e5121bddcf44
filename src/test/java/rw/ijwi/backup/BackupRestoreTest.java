package rw.ijwi.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import rw.ijwi.App;
import rw.ijwi.config.Config;
import rw.ijwi.Main;
import rw.ijwi.db.Database;
import rw.ijwi.testing.TestDatabase;

/**
 * `backup` and `restore` on the embedded database the small NGOs run: a backup taken while reports and SMS keep
 * arriving is one consistent moment, and restored into a new data dir it gives back every table row for row.
 */
@Tag("slow")
class BackupRestoreTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private Path keyFile() throws Exception {
        Path key = dir.resolve("backup.key");
        if (!Files.exists(key)) {
            Files.writeString(key, "YmFja3VwLWtleS1vZi10aGUtb3BlcmF0b3ItMDEyMzQ1Njc4OQ==\n");
        }
        return key;
    }

    private static Config embedded(Path dataDir) {
        return Config.from(Map.of("IJWI_DATA_DIR", dataDir.toString(), "IJWI_PORT", "0", "IJWI_METRICS_PORT", "0",
                "IJWI_MENUS_DIR", Path.of("menus").toAbsolutePath().toString()));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(Config config, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(() -> config, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void a_backup_taken_under_load_restores_into_a_new_data_dir_with_every_table_equal_and_the_server_starts()
            throws Exception {
        Config original = embedded(dir.resolve("data"));
        Path file = dir.resolve("ijwi.backup");
        Manifest manifest;
        long reportsAfter;
        try (App app = App.build(original).start()) {
            String token = app.secrets().webhookToken();
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger filed = new AtomicInteger();
            Thread load = new Thread(() -> {
                for (int i = 0; loading.get(); i++) {
                    String phone = "+25078800" + String.format("%04d", i);
                    sms(app.port(), token, phone, i % 3 == 0 ? "JOIN Rusizi" : "hello " + i);
                    report(app.port(), token, "s" + i, phone);
                    filed.incrementAndGet();
                }
            });
            load.start();
            while (filed.get() < 5 && load.isAlive()) {
                Thread.sleep(20);
            }
            Run backup = cli(original, "backup", file.toString(), "--key-file", keyFile().toString());
            int atBackup = filed.get();
            while (filed.get() < atBackup + 5 && load.isAlive()) {
                Thread.sleep(20);
            }
            loading.set(false);
            load.join();
            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(backup.out()).startsWith("backup written to " + file + ": ");
            try (Restore read = Restore.open(file, BackupKey.read(keyFile(), original.dataDir(), null))) {
                manifest = readAll(read);
            }
            reportsAfter = count(app.database(), "report");
        }
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.exists(dir.resolve("ijwi.backup.tmp"))).isFalse();
        // Taken mid-load: some reports and messages are in it, and more came after.
        assertThat(manifest.rows("report")).isPositive().isLessThan(reportsAfter);
        assertThat(manifest.rows("sms_inbound")).isPositive();

        Config restored = embedded(dir.resolve("restored"));
        Run restore = cli(restored, "restore", file.toString(), "--key-file", keyFile().toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("restored " + file + " (taken at " + manifest.takenAt() + "): "
                + manifest.tables().size() + " tables, " + String.format("%,d", manifest.rows()) + " rows");
        try (Database database = Database.open(restored, 2)) {
            for (Manifest.TableCount table : manifest.tables()) {
                assertThat(digest(database, table.name())).as(table.name()).isEqualTo(table.sha256());
            }
        }
        try (App again = App.build(restored).start()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + again.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(again.secrets().webhookToken()).isEqualTo(Files.readString(
                    dir.resolve("data/webhook.token")).trim());
            assertThat(count(again.database(), "report")).isEqualTo(manifest.rows("report"));
            // The same number hashes to the same value: the secret key came back with the data.
            long hashes = again.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(DISTINCT phone_hash) FROM sms_inbound").mapTo(Long.class).one());
            assertThat(hashes).isPositive();
        }
    }

    @Test
    void restore_refuses_a_data_dir_that_is_not_empty_and_names_it() throws Exception {
        TestDatabase source = TestDatabase.fresh();
        Path file = dir.resolve("b");
        Backup.write(dataSource(source), new byte[32], "token-token-token", BackupKey.read(keyFile(), dir.resolve("x"),
                null), file, java.time.Clock.systemUTC());
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("secret.key"), "");
        Run restore = cli(embedded(full), "restore", file.toString(), "--key-file", keyFile().toString());
        assertThat(restore.code()).isEqualTo(2);
        assertThat(restore.err()).isEqualTo("ijwi: restore: IJWI_DATA_DIR=" + full + ": not empty; restore needs a new, "
                + "empty data dir\n");
    }

    @Test
    void restore_into_a_database_that_holds_tables_is_refused_and_names_the_setting() throws Exception {
        TestDatabase source = TestDatabase.fresh();
        Path file = dir.resolve("b");
        Backup.write(dataSource(source), new byte[32], "token-token-token", BackupKey.read(keyFile(), dir.resolve("x"),
                null), file, java.time.Clock.systemUTC());
        TestDatabase target = TestDatabase.fresh();
        Config config = embedded(dir.resolve("d")).withDatabase(target.url(), "postgres", null);
        Run restore = cli(config, "restore", file.toString(), "--key-file", keyFile().toString());
        assertThat(restore.err()).isEqualTo("ijwi: restore: IJWI_DATABASE_URL=" + target.url() + ": the database is "
                + "not empty (it has api_token); restore needs an empty database\n");
    }

    @Test
    void a_backup_from_a_newer_schema_is_refused_before_anything_is_made() throws Exception {
        TestDatabase source = TestDatabase.fresh();
        source.jdbi().useHandle(h -> h.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                    installed_by, execution_time, success)
                VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'postgres', 0, true)"""));
        Path file = dir.resolve("future");
        Backup.write(dataSource(source), new byte[32], "token-token-token", BackupKey.read(keyFile(), dir.resolve("x"),
                null), file, java.time.Clock.systemUTC());
        Path target = dir.resolve("new");
        Run restore = cli(embedded(target), "restore", file.toString(), "--key-file", keyFile().toString());
        assertThat(restore.err()).isEqualTo("ijwi: restore: " + file + " was made by a newer Ijwi (schema version 999; "
                + "this one knows up to " + Database.latestMigration().getVersion()
                + "): restore it with that version or a later one\n");
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void a_cut_short_backup_restores_nothing_and_another_key_is_named() throws Exception {
        TestDatabase source = TestDatabase.fresh();
        // Random comments, so the file spans several segments and is cut inside a table, not in its header.
        source.jdbi().useHandle(h -> h.execute("""
                INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language, comment)
                SELECT lpad(g::text, 6, '0'), 'ussd', '\\x01'::bytea, 1, 'police', 'asked_to_pay', 'rw',
                       md5(random()::text) || md5(random()::text)
                FROM generate_series(1, 20000) g"""));
        Path file = dir.resolve("b");
        Backup.write(dataSource(source), new byte[32], "token-token-token", BackupKey.read(keyFile(), dir.resolve("x"),
                null), file, java.time.Clock.systemUTC());
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 40));
        TestDatabase target = emptyDatabase();
        Config config = embedded(dir.resolve("d")).withDatabase(target.url(), "postgres", null);
        Run restore = cli(config, "restore", cut.toString(), "--key-file", keyFile().toString());
        assertThat(restore.code()).isEqualTo(2);
        assertThat(restore.err()).startsWith("ijwi: restore: " + cut + ": cut short after segment ")
                .endsWith("; nothing was restored\n");
        assertThat(target.count("SELECT count(*) FROM report")).isZero();

        Path otherKey = dir.resolve("other.key");
        Files.writeString(otherKey, "b3RoZXIta2V5LW9mLXRoZS1vcGVyYXRvci0wMTIzNDU2Nzg5MDEy\n");
        Run wrongKey = cli(config, "restore", file.toString(), "--key-file", otherKey.toString());
        assertThat(wrongKey.err()).isEqualTo("ijwi: restore: " + file + ": made with another backup key (check "
                + "IJWI_BACKUP_KEY_FILE)\n");
    }

    @Test
    void a_failed_backup_leaves_no_file_behind_and_a_key_in_the_data_dir_is_refused() throws Exception {
        Path file = dir.resolve("never");
        Config unreachable = embedded(dir.resolve("data")).withDatabase("jdbc:postgresql://127.0.0.1:1/ijwi",
                "postgres", null);
        Run backup = cli(unreachable, "backup", file.toString(), "--key-file", keyFile().toString());
        assertThat(backup.code()).isNotZero();
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(dir.resolve("never.tmp"))).isFalse();

        Path inside = dir.resolve("data/backup.key");
        Files.copy(keyFile(), inside);
        Run refused = cli(unreachable, "backup", file.toString(), "--key-file", inside.toString());
        assertThat(refused.err()).isEqualTo("ijwi: backup: IJWI_BACKUP_KEY_FILE=" + inside + ": the backup key must "
                + "not be kept in the data dir " + dir.resolve("data") + ", which is what a backup is for\n");
    }

    /** An empty database (no schema at all), as restore into an external PostgreSQL expects. */
    private static TestDatabase emptyDatabase() {
        TestDatabase database = TestDatabase.fresh();
        database.jdbi().useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        return database;
    }

    private static javax.sql.DataSource dataSource(TestDatabase database) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(database.url());
        ds.setUser("postgres");
        return ds;
    }

    /** Reads a whole backup by loading it into a scratch database; returns its manifest. */
    private static Manifest readAll(Restore restore) throws Exception {
        TestDatabase scratch = TestDatabase.fresh();
        return restore.loadInto(dataSource(scratch));
    }

    private static long count(Database database, String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    /** SHA-256 of a table's binary COPY in stored order, as the backup computed it in its snapshot. */
    private static String digest(Database database, String table) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            c.createStatement().execute("SET synchronize_seqscans = off");
            List<Snapshot.Table> tables = Snapshot.tables(c);
            Snapshot.Table t = tables.stream().filter(x -> x.name().equals(table)).findFirst().orElseThrow();
            MessageDigest sha = Backup.sha256();
            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + t.copyTarget()
                    + " TO STDOUT (FORMAT binary)");
            byte[] chunk;
            while ((chunk = copy.readFromCopy()) != null) {
                sha.update(chunk);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private void sms(int port, String token, String phone, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", phone);
        form.put("to", "8080");
        form.put("id", "ATId_" + phone + "_" + System.nanoTime());
        form.put("text", text);
        form.put("date", "2026-12-01 17:05:00");
        post(port, "/at/sms?token=" + token, form);
    }

    private void report(int port, String token, String session, String phone) {
        String text = "";
        for (String step : new String[] {"", "1", "1", "28", "1", "1", "3", "Bansabye amafaranga", "2", "1"}) {
            text = text.isEmpty() ? step : text + "*" + step;
            Map<String, String> form = new LinkedHashMap<>();
            form.put("sessionId", session);
            form.put("serviceCode", "*384*7#");
            form.put("phoneNumber", phone);
            form.put("networkCode", "63510");
            form.put("text", text);
            post(port, "/at/ussd?token=" + token, form);
        }
    }

    private void post(int port, String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
