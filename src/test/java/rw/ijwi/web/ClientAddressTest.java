package rw.ijwi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whose address a request is: X-Forwarded-For counts only from a trusted proxy, read from the right. */
class ClientAddressTest {

    record Case(String label, List<String> trusted, String peer, String forwardedFor, String client) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        List<String> proxy = List.of("127.0.0.1", "10.0.0.0/8");
        return Stream.of(
                new Case("No proxies trusted: the header is ignored", List.of(), "127.0.0.1", "203.0.113.7", "127.0.0.1"),
                new Case("No header: the peer", proxy, "127.0.0.1", null, "127.0.0.1"),
                new Case("Trusted proxy: the address it saw", proxy, "127.0.0.1", "203.0.113.7", "203.0.113.7"),
                new Case("Untrusted peer: its header is ignored", proxy, "198.51.100.9", "203.0.113.7", "198.51.100.9"),
                new Case("Forged left entries: the right-most untrusted wins", proxy, "127.0.0.1",
                        "1.2.3.4, 203.0.113.7", "203.0.113.7"),
                new Case("Two trusted hops: skipped from the right", proxy, "127.0.0.1", "203.0.113.7, 10.1.2.3",
                        "203.0.113.7"),
                new Case("Only trusted hops: the left-most of them", proxy, "127.0.0.1", "10.1.2.3", "10.1.2.3"),
                new Case("A name, not an address: stop at the last vouched one", proxy, "127.0.0.1",
                        "203.0.113.7, evil.example", "127.0.0.1"),
                new Case("IPv6 client through a trusted proxy", List.of("::1"), "::1", "2001:db8::1", "2001:db8::1"),
                new Case("CIDR edge: 10.255.255.255 is inside /8", proxy, "10.255.255.255", "203.0.113.7",
                        "203.0.113.7"),
                new Case("CIDR edge: 11.0.0.1 is outside /8", proxy, "11.0.0.1", "203.0.113.7", "11.0.0.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_client_address_is_the_right_most_one_no_trusted_proxy_wrote(Case c) {
        assertThat(new ClientAddress(c.trusted()).of(c.peer(), c.forwardedFor())).isEqualTo(c.client());
    }
}
