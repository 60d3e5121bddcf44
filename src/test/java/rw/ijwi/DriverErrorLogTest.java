package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import rw.ijwi.testing.TestApp;

/**
 * A write PostgreSQL refuses or cuts off must not put the row into the log: everything written to standard
 * error (logback's output, and what java.util.logging would print for the driver) is searched for the text.
 */
class DriverErrorLogTest {

    private static final String MARKER = "Marker-7f3a-yansabye-ruswa";

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final StringBuilder driverLog = new StringBuilder();
    private final Handler driverHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (driverLog) {
                driverLog.append(new SimpleFormatter().format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        PrintStream tee = new PrintStream(written, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        System.setOut(tee);
        java.util.logging.Logger.getLogger("").addHandler(driverHandler);
        java.util.logging.Logger.getLogger("org.postgresql").setLevel(java.util.logging.Level.FINE);
    }

    @AfterEach
    void release() {
        System.setErr(originalErr);
        System.setOut(originalOut);
        java.util.logging.Logger.getLogger("").removeHandler(driverHandler);
        java.util.logging.Logger.getLogger("org.postgresql").setLevel(null);
    }

    @Test
    void an_sms_insert_cut_off_by_the_database_leaves_its_text_out_of_the_log() throws Exception {
        try (TestApp app = new TestApp()) {
            assertThat(sms(app, "warm-1", "HELP")).isEqualTo(200);
            // The server ends every connection of the pool; the next insert runs on one of them at once (the
            // pool checks only connections idle for over half a second). Three times, as timing decides.
            for (int i = 0; i < 3; i++) {
                app.database().jdbi().useHandle(h -> h.execute("SELECT pg_terminate_backend(pid) "
                        + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"));
                assertThat(sms(app, "cut-" + i, "HELP " + MARKER)).isEqualTo(200);
                Thread.sleep(200);
            }
        }
        String log = written.toString(StandardCharsets.UTF_8) + driverLog;
        assertThat(log).as("something was logged about the broken connection").contains("marked as broken");
        assertThat(log).doesNotContain(MARKER);
    }

    @Test
    void a_refused_row_gives_an_error_without_its_values() {
        try (TestApp app = new TestApp()) {
            app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE sms_inbound ADD CONSTRAINT no_marker "
                    + "CHECK (text NOT LIKE '%" + MARKER + "%')"));
            Throwable refused = catchThrowable(() -> app.app().database().jdbi().useHandle(h -> h.execute("""
                    INSERT INTO sms_inbound (provider_id, phone_hash, text, received_at)
                    VALUES ('x', '\\x01'::bytea, ?, now())""", "HELP " + MARKER)));
            SQLException driver = null;
            for (Throwable t = refused; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    driver = sql;
                }
            }
            assertThat((Object) driver).isNotNull();
            assertThat(driver.getSQLState()).isEqualTo("23514");
            assertThat(driver.getMessage()).contains("no_marker").doesNotContain(MARKER);
            assertThat(sms(app, "refused-1", "HELP " + MARKER)).isIn(200, 500, 503);
        }
        assertThat(written.toString(StandardCharsets.UTF_8) + driverLog).doesNotContain(MARKER);
    }

    private static int sms(TestApp app, String id, String text) {
        return app.post("/at/sms?token=" + TestApp.TOKEN, Map.of("id", id, "from", "+250788111222", "to", "8080",
                "text", text)).statusCode();
    }
}
