package rw.ijwi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/**
 * Every page route with hostile values in each of its query and path parameters (extreme dates, huge numbers,
 * unknown words, empty, blanks, control characters, very long strings, broken percent-encoding, plus random
 * strings from a fixed seed), asked by an admin and by a coordinator: a page may refuse (4xx, with a reason) but
 * never fail (5xx).
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileParametersTest {

    /** A page and the parameters it reads; {x} in the path is a path parameter. */
    record Page(String path, List<String> parameters) {
        @Override
        public String toString() {
            return path + " " + parameters;
        }
    }

    static final List<Page> PAGES = List.of(
            new Page("/", List.of("period", "from", "to", "district", "service", "lang")),
            new Page("/brief", List.of("period", "from", "to", "district", "service", "lang")),
            new Page("/dropoff", List.of("period", "from", "to")),
            new Page("/commitments", List.of("district", "status")),
            new Page("/commitments/new", List.of("district")),
            new Page("/commitments/{x}", List.of()),
            new Page("/review", List.of("district", "reviewed", "before")),
            new Page("/sms/inbox", List.of("handled", "before")),
            new Page("/sms/subscribers", List.of("district")),
            new Page("/sms/delivery", List.of("from", "to")),
            new Page("/broadcasts", List.of("district", "commitment")),
            new Page("/broadcasts/{x}", List.of()),
            new Page("/campaigns", List.of("status")),
            new Page("/campaigns/new", List.of()),
            new Page("/campaigns/{x}", List.of()),
            new Page("/radio/{x}/live", List.of()),
            new Page("/simulator", List.of("lang")),
            new Page("/admin", List.of("lang")),
            new Page("/login", List.of("next", "lang")),
            new Page("/setup", List.of("token")),
            new Page("/export/summary.csv", List.of("period", "from", "to", "district", "service", "groupBy")),
            new Page("/export/reports.csv", List.of("period", "from", "to")));

    /** Values already percent-encoded as they go into the address. */
    static List<String> hostile() {
        List<String> raw = new ArrayList<>(List.of("", " ", "-999999999-01-01", "+999999999-12-31", "999999999-12-31",
                "0000-00-00", "2026-02-30", "2026-13-01", "1900-01-01", "9999-12-31", "0001-01-01", "2026-1-1",
                "99999999999999999999", "9223372036854775807", "-9223372036854775808", "-1", "0", "1e309", "NaN",
                "null", "undefined", "true", "2026-Q9", "2026-Q0", "-2026", "2026-W53", "999999999", "+999999999",
                "'; DROP TABLE report;--", "<script>alert(1)</script>", "../../etc/passwd", "Rusizi,Huye",
                "rusizi", "RUSIZI", "police,health", "\u0000", "\t", "\n\r", "\u202e", "ré", "\uD83D\uDE00",
                "a".repeat(5_000), "1".repeat(300), "//evil.example", "/\t/evil.example", "javascript:alert(1)"));
        Random random = new Random(11);
        for (int i = 0; i < 12; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                s.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
            }
            raw.add(s.toString());
        }
        List<String> encoded = new ArrayList<>(raw.stream().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8))
                .toList());
        encoded.addAll(List.of("%", "%ZZ", "%C3%28", "%00", "%E0%80%80", "x%"));
        return encoded;
    }

    private final TestApp app;
    private final List<Staff> callers;

    HostileParametersTest() {
        app = new TestApp();
        Reports.insert(app, "Rusizi", "police", "asked_to_pay", 12);
        callers = List.of(Staff.signIn(app, Role.ADMIN), Staff.signIn(app, Role.COORDINATOR, "Rusizi"),
                Staff.signIn(app, Role.VIEWER));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static Stream<Page> pages() {
        return PAGES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void no_hostile_parameter_makes_a_page_fail(Page page) {
        List<String> failures = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<String> values = hostile();
        for (String value : values) {
            if (page.path().contains("{x}") && !value.isEmpty()) {
                addresses.add(page.path().replace("{x}", value));
            }
            for (String parameter : page.parameters()) {
                addresses.add(page.path().replace("{x}", "1") + "?" + parameter + "=" + value);
            }
        }
        for (String parameter : page.parameters()) {
            addresses.add(page.path().replace("{x}", "1") + "?" + parameter + "=2026-01-01&" + parameter + "=x");
            addresses.add(page.path().replace("{x}", "1") + "?" + parameter);
        }
        if (page.parameters().contains("from") && page.parameters().contains("to")) {
            String base = page.path() + "?from=";
            for (String value : values) {
                addresses.add(base + value + "&to=" + value);
            }
            for (String[] pair : new String[][] {{"-999999999-01-01", "-999999999-01-02"},
                    {"%2B999999999-12-30", "%2B999999999-12-31"}, {"9999-12-30", "9999-12-31"},
                    {"0001-01-01", "0001-01-02"}, {"1970-01-01", "1970-12-31"}, {"2099-01-01", "2099-12-31"},
                    {"2026-01-01", "2026-01-01%00"}}) {
                addresses.add(base + pair[0] + "&to=" + pair[1]);
            }
        }
        // Each address by one of the callers in turn: every role meets every kind of value, in a few seconds.
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i);
            HttpResponse<String> response;
            try {
                response = callers.get(i % callers.size()).get(address);
            } catch (IllegalArgumentException notAnAddress) {
                continue; // the client itself refuses to send it (a raw "%" in a path): nothing reaches the server
            }
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " " + abbreviated(address));
            }
        }
        assertThat(failures).as("answers of 5xx").isEmpty();
        assertThat(app.get("/health").statusCode()).isEqualTo(200);
    }

    private static String abbreviated(String address) {
        return address.length() > 120 ? address.substring(0, 120) + "..." : address;
    }
}
