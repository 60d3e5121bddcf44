package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;

/** The plain jar listens on loopback unless IJWI_BIND says otherwise (the reverse proxy is the way in). */
class ServerBindTest {

    @Test
    void by_default_the_server_answers_on_loopback_only() throws Exception {
        InetAddress outside = nonLoopbackAddress().orElse(null);
        assumeTrue(outside != null, "this machine has no address besides loopback");
        try (TestApp app = new TestApp()) {
            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> connect(outside, app.port())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void ijwi_bind_opens_it_to_other_interfaces() throws Exception {
        InetAddress outside = nonLoopbackAddress().orElse(null);
        assumeTrue(outside != null, "this machine has no address besides loopback");
        try (TestApp app = new TestApp(TestDatabase.fresh(), Map.of("IJWI_BIND", "0.0.0.0"))) {
            connect(outside, app.port());
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1_000);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }
}
