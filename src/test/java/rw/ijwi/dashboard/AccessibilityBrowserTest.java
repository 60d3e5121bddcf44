package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Axe;
import rw.ijwi.testing.Browser;
import rw.ijwi.testing.Campaigns;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;

/**
 * Every page each role can open, on a laptop (1366x768) and a phone (390x844), in the three languages, checked by
 * axe-core against WCAG 2.1 AA: no serious or critical violation anywhere. Screenshots of each are kept under
 * target/screenshots/a11y as artifacts. The clock stands on 3 December 2026, with November's reports released.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

    private final TestApp app = new TestApp(seeded(), Map.of(), new TestClock(Instant.parse("2026-12-03T09:00:00Z")),
            false);
    private final long campaign = Campaigns.create(app, "IJWI", "2026-12-01T18:00:00Z", "2026-12-31T19:00:00Z");
    private final long commitment = commitment();

    private static TestDatabase seeded() {
        TestDatabase database = TestDatabase.fresh();
        Reports.insert(database, "Rusizi", "police", "no_response", 12);
        Reports.insert(database, "Rusizi", "health", "asked_to_pay", 3);
        Reports.insert(database, "Gasabo", "police", "no_response", 9);
        Reports.insert(database, "Huye", "police", "not_available", 11);
        Reports.insert(database, "Rusizi", "police", "treated_badly", "The officer laughed at me", true, true);
        Reports.insert(database, "Rusizi", "police", "treated_badly", "Nobody came", true, false);
        database.jdbi().useHandle(h -> h.execute("UPDATE report SET created_at = '2026-11-16T10:00:00+02:00'"));
        return database;
    }

    private long commitment() {
        var response = app.apiPost("/api/v1/commitments", """
                {"district":"Rusizi","sector":null,"actor":"National Police","promise":"Station officers in Bugarama",
                 "service":"police","dueDate":"2027-03-31","status":"pledged"}""", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Long.parseLong(response.body().replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** The pages a role can open (GET, HTML), with the ids made above. */
    private List<String> pages(Role role) {
        List<String> pages = new ArrayList<>(List.of("/", "/?period=2026-11", "/brief", "/brief?district=Rusizi",
                "/commitments", "/commitments/" + commitment, "/campaigns", "/campaigns/" + campaign,
                "/radio/" + campaign + "/live", "/no-such-page"));
        if (role != Role.VIEWER) {
            pages.addAll(List.of("/commitments/new", "/review", "/simulator", "/campaigns/new", "/sms/inbox",
                    "/sms/subscribers", "/broadcasts"));
        }
        if (role == Role.ADMIN) {
            pages.addAll(List.of("/admin", "/dropoff", "/sms/delivery"));
        }
        return pages;
    }

    static Stream<Arguments> screens() {
        List<Arguments> all = new ArrayList<>();
        for (Role role : Role.values()) {
            for (String size : List.of("1366x768", "390x844")) {
                all.add(Arguments.of(role, size));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("screens")
    void no_page_has_a_serious_or_critical_accessibility_violation(Role role, String size) {
        int width = Integer.parseInt(size.split("x")[0]);
        int height = Integer.parseInt(size.split("x")[1]);
        List<String> found = new ArrayList<>();
        try (Browser browser = Browser.open(app)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
            String user = role == Role.COORDINATOR ? Staff.create(app, role, "Rusizi") : Staff.create(app, role);
            checkPage(browser, "/login", role, size, found);
            browser.signIn(user);
            for (String language : List.of("en", "fr", "rw")) {
                for (String page : pages(role)) {
                    String path = page + (page.contains("?") ? "&" : "?") + "lang=" + language;
                    checkPage(browser, path, role, size, found);
                }
            }
        }
        assertThat(found).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    private static void checkPage(Browser browser, String path, Role role, String size, List<String> found) {
        browser.go(path);
        for (Axe.Violation v : Axe.serious(browser.driver())) {
            found.add(path + ": " + v);
        }
        String name = "a11y-" + role.code() + "-" + size + path.replaceAll("[^A-Za-z0-9]+", "-");
        browser.screenshot(name);
    }
}
