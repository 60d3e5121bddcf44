package rw.ijwi.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rw.ijwi.config.Config;
import rw.ijwi.Main;

/**
 * With no IJWI_DATABASE_URL, Ijwi runs PostgreSQL itself in the data dir: kept between runs, and shared with
 * a command run beside a running server instead of locking it out.
 */
@Tag("slow")
class EmbeddedServerTest {

    @TempDir
    Path dataDir;

    @Test
    void data_survives_a_restart_and_a_command_beside_the_server_joins_it() {
        Config config = Config.from(Map.of("IJWI_DATA_DIR", dataDir.toString()));
        try (Database owner = Database.open(config, 2)) {
            owner.migrate();
            owner.jdbi().useHandle(h -> h.execute("INSERT INTO phone_preference (phone_hash, language) "
                    + "VALUES ('\\x01', 'fr')"));

            // A second process on the same data dir (here, a CLI command) joins the running server.
            StringWriter out = new StringWriter();
            int code = Main.run(() -> config, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    "export", "reports");
            assertThat(code).isZero();
            assertThat(out.toString()).startsWith("ref,created_at,");
            try (Database joined = Database.open(config, 1)) {
                assertThat(language(joined)).isEqualTo("fr");
            }
            assertThat(owner.isUp()).as("closing a joiner leaves the owner's server running").isTrue();
        }
        try (Database again = Database.open(config, 1)) {
            assertThat(language(again)).isEqualTo("fr");
        }
        assertThat(dataDir.resolve("postgres/postgresql.conf")).exists();
    }

    @Test
    void every_connection_needs_the_password_kept_in_the_data_dir_where_only_ijwi_reads_it() throws Exception {
        Config config = Config.from(Map.of("IJWI_DATA_DIR", dataDir.toString()));
        Path passwordFile = dataDir.resolve(EmbeddedServer.PASSWORD_FILE);
        try (Database database = Database.open(config, 1)) {
            assertThat(database.isUp()).isTrue();
            int port = EmbeddedServer.runningPort(dataDir.resolve("postgres"), EmbeddedServer.password(dataDir))
                    .orElseThrow();
            assertThat(Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#].*\\btrust\\b").contains("scram-sha-256");
            for (String password : new String[] {"", "guessed"}) {
                assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/ijwi",
                        "postgres", password).close())
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
            }
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/ijwi", "postgres",
                    Files.readString(passwordFile).trim()).close();

            // A command and a second instance beside the running server still join it with the file's password.
            StringWriter err = new StringWriter();
            assertThat(Main.run(() -> config, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    "migrate")).as(err.toString()).isZero();
            try (Database second = Database.open(config, 1)) {
                assertThat(second.isUp()).isTrue();
            }
        }
        // After a restart the server asks for the password from its first connection on.
        try (Database again = Database.open(config, 1)) {
            assertThat(again.isUp()).isTrue();
            int port = EmbeddedServer.runningPort(dataDir.resolve("postgres"), EmbeddedServer.password(dataDir))
                    .orElseThrow();
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "postgres", "").close()).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void commits_are_flushed_to_disk_before_they_are_acknowledged() {
        Config config = Config.from(Map.of("IJWI_DATA_DIR", dataDir.toString()));
        try (Database database = Database.open(config, 1)) {
            assertThat(setting(database, "fsync")).isEqualTo("on");
            assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
        }
    }

    private static String setting(Database database, String name) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT current_setting(:name)").bind("name", name)
                .mapTo(String.class).one());
    }

    private static String language(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT language FROM phone_preference")
                .mapTo(String.class).one());
    }
}
