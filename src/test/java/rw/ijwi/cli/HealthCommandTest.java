package rw.ijwi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import rw.ijwi.config.Config;
import rw.ijwi.Main;
import rw.ijwi.testing.TestApp;

/** `health` exits 0 when the local server is healthy and 1 when nothing answers (container health checks). */
class HealthCommandTest {

    @Test
    void a_running_server_is_healthy_and_a_closed_port_is_not() {
        try (TestApp app = new TestApp()) {
            StringWriter out = new StringWriter();
            int code = Main.run(() -> Config.from(Map.of("IJWI_PORT", String.valueOf(app.port()))),
                    new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "health");
            assertThat(code).isZero();
            assertThat(out.toString()).contains("200").contains("\"database\":\"up\"");
        }
        StringWriter err = new StringWriter();
        int code = Main.run(() -> Config.from(Map.of("IJWI_PORT", "1")), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), "health");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("did not answer");
    }
}
