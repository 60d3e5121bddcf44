package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rw.ijwi.config.Config;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;

/** Start-up mistakes answer one line naming the setting, as `ijwi` prints it, never an exception class. */
@Tag("slow")
class StartupErrorsTest {

    @TempDir
    Path dir;

    private String startWith(Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(Map.of("IJWI_DATA_DIR", dir.resolve("data").toString(),
                "IJWI_PORT", "0", "IJWI_METRICS_PORT", "0", "IJWI_MENUS_DIR", Path.of("menus").toAbsolutePath()
                        .toString()));
        all.putAll(env);
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> Main.run(() -> Config.from(all),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args));
        assertThat(code).as(err.toString()).isEqualTo(2);
        return err.toString();
    }

    @Test
    void a_database_url_nobody_answers_names_the_setting_host_port_and_connection_refused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/ijwi";
        assertThat(startWith(Map.of("IJWI_DATABASE_URL", url + "?sslmode=disable"), "serve")).isEqualTo(
                "ijwi: IJWI_DATABASE_URL=" + url + ": cannot connect to 127.0.0.1:" + closed
                        + ": connection refused\n");
    }

    @Test
    void a_database_that_does_not_exist_is_named_as_an_unknown_database() {
        String url = TestDatabase.fresh().url().replaceAll("/[^/]+$", "/no_such_db");
        String hostPort = url.replaceAll("^jdbc:postgresql://([^/]+)/.*$", "$1");
        assertThat(startWith(Map.of("IJWI_DATABASE_URL", url, "IJWI_DATABASE_USER", "postgres"), "migrate"))
                .isEqualTo("ijwi: IJWI_DATABASE_URL=" + url + ": cannot connect to " + hostPort
                        + ": unknown database \"no_such_db\"\n");
    }

    @Test
    void a_busy_port_is_named_before_the_embedded_database_starts() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            assertThat(startWith(Map.of("IJWI_PORT", String.valueOf(port)), "serve"))
                    .isEqualTo("ijwi: IJWI_PORT=" + port + ": port already in use\n");
        }
        assertThat(Files.exists(dir.resolve("data/postgres"))).as("no embedded database was started").isFalse();
    }

    @Test
    void a_valid_secret_key_other_than_the_one_the_database_was_made_with_stops_start_up() {
        TestDatabase database = TestDatabase.fresh();
        new TestApp(database, Map.of()).close(); // made with TestApp.SECRET
        String other = "b3RoZXIta2V5LW9mLWFub3RoZXItZGVwbG95bWVudC0wMTI=";
        String err = startWith(Map.of("IJWI_DATABASE_URL", database.url(), "IJWI_DATABASE_USER", "postgres",
                "IJWI_SECRET_KEY", other), "serve");
        assertThat(err).matches("ijwi: IJWI_SECRET_KEY=\\(hidden\\): not the key this database was made with \\(key "
                + "fingerprints [0-9a-f]{8} and [0-9a-f]{8}\\); stored hashes would stop matching: start with that key, "
                + "or change keys with privacy rotate-key\n");
        // The right key still starts.
        new TestApp(database, Map.of()).close();
    }
}
