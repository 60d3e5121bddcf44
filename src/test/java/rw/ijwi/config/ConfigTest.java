package rw.ijwi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.Main;
import rw.ijwi.security.Secrets;

/** Settings come from the environment; a value Ijwi cannot use stops start-up with a message naming it. */
class ConfigTest {

    record Bad(String name, String value, String message) {
        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    static Stream<Bad> badValues() {
        return Stream.of(
                new Bad("IJWI_PORT", "seventy", "IJWI_PORT=seventy: expected a whole number from 0 to 65535"),
                new Bad("IJWI_PORT", "70000", "IJWI_PORT=70000: expected a whole number from 0 to 65535"),
                new Bad("IJWI_USSD_MAX_CHARS", "200", "IJWI_USSD_MAX_CHARS=200: expected a whole number from 40 to 182"),
                new Bad("IJWI_SUPPRESS_BELOW", "0", "IJWI_SUPPRESS_BELOW=0: expected a whole number from 1 to 1000"),
                new Bad("IJWI_DATABASE_URL", "postgres://db/ijwi", "IJWI_DATABASE_URL=postgres://db/ijwi: expected a "
                        + "JDBC URL starting with jdbc:postgresql:"),
                new Bad("IJWI_WEBHOOK_TOKEN", "short", "IJWI_WEBHOOK_TOKEN=(hidden): expected at least 16 characters"),
                new Bad("IJWI_PUBLIC_URL", "ijwi.example.org", "IJWI_PUBLIC_URL=ijwi.example.org: expected an absolute URL"),
                new Bad("IJWI_SMS_PRICE", "15 RWF", "IJWI_SMS_PRICE=15 RWF: expected the price of one SMS part in RWF"),
                new Bad("IJWI_SMS_PRICE", "-1", "IJWI_SMS_PRICE=-1: expected the price of one SMS part in RWF"),
                new Bad("IJWI_SMS_PRICE", "20000", "IJWI_SMS_PRICE=20000: expected the price of one SMS part in RWF"),
                new Bad("IJWI_SMS_IN_FLIGHT", "0", "IJWI_SMS_IN_FLIGHT=0: expected a whole number from 1 to 8"),
                new Bad("IJWI_SMS_IN_FLIGHT", "9", "IJWI_SMS_IN_FLIGHT=9: expected a whole number from 1 to 8"),
                new Bad("IJWI_SMS_IN_FLIGHT", "two", "IJWI_SMS_IN_FLIGHT=two: expected a whole number from 1 to 8"),
                new Bad("IJWI_BIND", "localhost", "IJWI_BIND=localhost: expected an IP address to listen on"),
                new Bad("IJWI_BIND", "256.0.0.1", "IJWI_BIND=256.0.0.1: expected an IP address to listen on"),
                new Bad("IJWI_TRUSTED_PROXIES", "proxy.internal", "IJWI_TRUSTED_PROXIES=proxy.internal: expected "
                        + "addresses or CIDR ranges"),
                new Bad("IJWI_TRUSTED_PROXIES", "10.0.0.0/33", "IJWI_TRUSTED_PROXIES=10.0.0.0/33: expected addresses"),
                new Bad("IJWI_DATABASE_POOL", "1", "IJWI_DATABASE_POOL=1: expected a whole number from 2 to 200"),
                new Bad("IJWI_SMS_OUTBOX_POLL_MS", "10", "IJWI_SMS_OUTBOX_POLL_MS=10: expected a whole number from 50"),
                new Bad("IJWI_HOUSEKEEPING_MINUTES", "hourly", "IJWI_HOUSEKEEPING_MINUTES=hourly: expected a whole"),
                new Bad("IJWI_HTTP_THREADS", "4", "IJWI_HTTP_THREADS=4: expected a whole number from 8 to 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void a_bad_value_is_refused_with_its_name(Bad bad) {
        assertThatThrownBy(() -> Config.from(Map.of(bad.name(), bad.value())))
                .isInstanceOf(Config.BadSetting.class)
                .hasMessageStartingWith(bad.message());
    }

    @Test
    void the_machinerys_sizes_and_intervals_have_defaults_and_overrides() {
        Config.Tuning tuning = Config.from(Map.of()).tuning();
        assertThat(tuning.databasePool()).isEqualTo(10);
        assertThat(tuning.inboundPoll()).isEqualTo(Duration.ofMillis(500));
        assertThat(tuning.inboundGather()).isEqualTo(Duration.ofMillis(100));
        assertThat(tuning.outboxPoll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(tuning.spoolReplay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(tuning.inboundGroupMax()).isEqualTo(500);
        assertThat(tuning.rollupEvery()).isEqualTo(Duration.ofSeconds(2));
        assertThat(tuning.housekeepingEvery()).isEqualTo(Duration.ofHours(1));
        assertThat(tuning.httpThreads()).isEqualTo(Math.max(64, 8 + 8 * Runtime.getRuntime().availableProcessors()));
        Config.Tuning set = Config.from(Map.of("IJWI_DATABASE_POOL", "20", "IJWI_SMS_INBOUND_POLL_MS", "250",
                "IJWI_SMS_INBOUND_GATHER_MS", "0", "IJWI_HOUSEKEEPING_MINUTES", "15", "IJWI_HTTP_THREADS", "12")).tuning();
        assertThat(set.databasePool()).isEqualTo(20);
        assertThat(set.inboundPoll()).isEqualTo(Duration.ofMillis(250));
        assertThat(set.inboundGather()).isZero();
        assertThat(set.housekeepingEvery()).isEqualTo(Duration.ofMinutes(15));
        assertThat(set.httpThreads()).isEqualTo(12);
    }

    @Test
    void defaults_apply_when_nothing_is_set() {
        Config config = Config.from(Map.of());
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.ussdMaxChars()).isEqualTo(160);
        assertThat(config.suppressBelow()).isEqualTo(5);
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.smsPrice()).isEqualByComparingTo("15");
        assertThat(Config.from(Map.of("IJWI_SMS_PRICE", "12.5")).smsPrice()).isEqualByComparingTo("12.5");
        assertThat(config.smsInFlight()).isEqualTo(2);
        assertThat(Config.from(Map.of("IJWI_SMS_IN_FLIGHT", "8")).smsInFlight()).isEqualTo(8);
        assertThat(config.bind()).as("behind the reverse proxy: loopback only").isEqualTo("127.0.0.1");
        assertThat(config.trustedProxies()).isEmpty();
        assertThat(Config.from(Map.of("IJWI_TRUSTED_PROXIES", " 127.0.0.1, 10.0.0.0/8 ,::1")).trustedProxies())
                .containsExactly("127.0.0.1", "10.0.0.0/8", "::1");
    }

    @Test
    void a_secret_key_that_is_not_base64_or_too_short_is_refused_without_showing_it() {
        assertThatThrownBy(() -> Secrets.load(Config.from(Map.of("IJWI_SECRET_KEY", "not base64!", "IJWI_DATA_DIR",
                "target/unused")))).hasMessage("IJWI_SECRET_KEY=(hidden): not valid base64");
        assertThatThrownBy(() -> Secrets.load(Config.from(Map.of("IJWI_SECRET_KEY", "c2hvcnQ=", "IJWI_DATA_DIR",
                "target/unused")))).hasMessageStartingWith("IJWI_SECRET_KEY=(hidden): too short: 5 bytes");
    }

    @Test
    void the_command_line_names_a_bad_setting_and_exits_2() {
        var err = new java.io.StringWriter();
        int code = Main.run(() -> Config.from(Map.of("IJWI_PORT", "x")), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err, true), "migrate");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("ijwi: IJWI_PORT=x: expected a whole number");
    }
}
