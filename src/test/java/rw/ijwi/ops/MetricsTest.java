package rw.ijwi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import rw.ijwi.config.Config;
import rw.ijwi.testing.TestApp;

/** /metrics speaks Prometheus text: requests per route, USSD hops, the database pool; nothing about people. */
class MetricsTest {

    @Test
    void metrics_count_webhook_requests_by_route_and_hops_by_reply_without_numbers() {
        try (TestApp app = new TestApp()) {
            app.ussd("m-1", "+250788123987", "");
            app.ussd("m-1", "+250788123987", "2");
            HttpResponse<String> response = app.metrics();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String text = response.body();
            assertThat(text).contains("ijwi_http_requests_seconds_count{method=\"POST\",route=\"/at/ussd\",status=\"200\"} 2");
            assertThat(text).contains("ijwi_ussd_hops_total{reply=\"CON\"} 1.0").contains("ijwi_ussd_hops_total{reply=\"END\"} 1.0");
            assertThat(text).contains("hikaricp_connections_active").contains("jvm_memory_used_bytes");
            assertThat(text).contains("ijwi_sms_outbox_queued 0.0").contains("ijwi_sms_inbound 0.0")
                    .contains("ijwi_sms_outbox_oldest_seconds").contains("ijwi_sms_spool_entries 0.0");
            assertThat(text).doesNotContain("123987").doesNotContain("token");
            assertThat(app.get("/health").headers().firstValue("X-Request-Id")).isPresent();
        }
    }

    @Test
    void a_message_claimed_long_ago_without_a_result_shows_as_unconfirmed() {
        try (TestApp app = new TestApp()) {
            app.database().jdbi().useHandle(h -> h.execute("""
                    INSERT INTO sms_outbox (phone_hash, text, cause, state, next_attempt_at, created_at, updated_at)
                    VALUES ('\\x01'::bytea, 'x', 'test', 'sending', now(), now() - interval '1 hour',
                            now() - interval '10 minutes'),
                           ('\\x02'::bytea, 'x', 'test', 'sending', now(), now(), now())"""));
            assertThat(app.metrics().body()).contains("ijwi_sms_outbox_unconfirmed 1.0");
        }
    }

    @Test
    void metrics_are_served_on_their_own_loopback_address_and_not_on_the_public_port() throws Exception {
        try (TestApp app = new TestApp()) {
            assertThat(app.metrics().statusCode()).isEqualTo(200);
            assertThat(app.get("/metrics").statusCode()).as("the public port").isEqualTo(404);
            assertThat(app.apiGet("/metrics").statusCode()).as("even for an admin").isEqualTo(404);
            InetAddress outside = NetworkInterface.networkInterfaces().filter(i -> !i.getName().startsWith("lo"))
                    .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst()
                    .orElse(null);
            if (outside != null) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(outside, app.app().metricsPort()), 1_000);
                    }
                }).as("another interface").isInstanceOf(java.io.IOException.class);
            }
        }
        assertThat(Config.from(Map.of()).metricsBind()).isEqualTo("127.0.0.1");
        assertThat(Config.from(Map.of()).metricsPort()).isEqualTo(9464);
    }
}
