package rw.ijwi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Browser;
import rw.ijwi.testing.Campaigns;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;

/**
 * Every page for every role on a phone (390x844) and a small laptop (1366x768) in headless Chromium: no page is
 * wider than the screen (nothing scrolls sideways), the menu collapses behind one button on the phone, the skip link
 * leads to the content, the simulator shows its whole screen. Screenshots of each go to target/screenshots.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnyScreenBrowserTest {

    private final TestApp app;
    private final Browser browser;
    private final Map<Role, String> users = new LinkedHashMap<>();
    private final long commitment;
    private final long campaign;
    private final long broadcast;

    AnyScreenBrowserTest() {
        TestDatabase database = TestDatabase.fresh();
        for (String district : List.of("Rusizi", "Huye", "Gasabo", "Nyamasheke")) {
            Reports.insert(database, district, "police", "asked_to_pay", 7);
            Reports.insert(database, district, "health", "no_response", 4);
        }
        Reports.insert(database, "Rusizi", "justice", "not_followed_up",
                "A long comment without spaces: " + "Ntibyakunzeabapolisibatinze".repeat(6), true, true);
        app = new TestApp(database, Map.of());
        users.put(Role.ADMIN, Staff.create(app, Role.ADMIN));
        users.put(Role.COORDINATOR, Staff.create(app, Role.COORDINATOR, "Rusizi"));
        users.put(Role.VIEWER, Staff.create(app, Role.VIEWER));
        commitment = app.database().jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO commitment (district_id, actor, promise, status, service, due_date)
                SELECT id, 'Rusizi District and the National Police together', 'Two officers at Bugarama station, day and night, and a private room for statements', 'in_progress', 'police', '2027-03-31'
                FROM district WHERE name = 'Rusizi' RETURNING id""").mapTo(Long.class).one());
        campaign = Campaigns.create(app, "SCREEN", "2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z");
        app.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO sms_inbound (provider_id, phone_hash, text, received_at, processed_at, outcome)
                VALUES ('screen-inbox', '\\x03', 'The station was closed when I went there on Sunday evening', now(), now(), 'inbox')"""));
        broadcast = app.database().jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO broadcast (district_id, text, unicode, segments, recipients, price, cost, confirmation,
                                       created_by, created_at)
                SELECT id, 'Rusizi: National Police - two officers at Bugarama (in progress)', false, 1, 1234, 15,
                       18510, 'screen-confirmation', 'screen', now()
                FROM district WHERE name = 'Rusizi' RETURNING id""").mapTo(Long.class).one());
        browser = Browser.open(app);
    }

    @AfterAll
    void stop() {
        try {
            browser.close();
        } finally {
            app.close();
        }
    }

    private List<String> pages(Role role) {
        List<String> pages = new ArrayList<>(List.of("/", "/?district=Rusizi", "/brief?district=Rusizi",
                "/commitments", "/commitments/" + commitment, "/campaigns", "/campaigns/" + campaign,
                "/nowhere"));
        if (role != Role.VIEWER) {
            pages.addAll(List.of("/commitments/new", "/campaigns/new", "/review", "/sms/inbox", "/sms/subscribers",
                    "/broadcasts", "/broadcasts/" + broadcast, "/simulator"));
        }
        if (role == Role.ADMIN) {
            pages.addAll(List.of("/sms/delivery", "/dropoff", "/admin"));
        }
        return pages;
    }

    @Test
    void no_page_is_wider_than_a_phone_or_a_laptop_for_any_role() {
        List<String> tooWide = new ArrayList<>();
        int checked = 0;
        for (Role role : users.keySet()) {
            browser.size(Browser.LAPTOP);
            browser.signIn(users.get(role));
            for (Browser.Size size : List.of(Browser.PHONE, Browser.LAPTOP)) {
                browser.size(size);
                assertThat(browser.number("return window.innerWidth")).isEqualTo(size.width());
                for (String page : pages(role)) {
                    browser.go(page);
                    long scrollWidth = browser.number("return document.documentElement.scrollWidth");
                    long innerWidth = browser.number("return window.innerWidth");
                    if (scrollWidth > innerWidth) {
                        tooWide.add(role.code() + " " + size + " " + page + ": " + scrollWidth + " px wide");
                    }
                    browser.screenshot("screen-" + size + "-" + role.code() + page.replaceAll("[^A-Za-z0-9]+", "-"));
                    checked++;
                }
            }
            browser.go("/login");
            browser.driver().manage().deleteAllCookies();
        }
        assertThat(tooWide).as("pages wider than the screen, of " + checked).isEmpty();
    }

    @Test
    void on_a_phone_the_menu_folds_behind_one_button_and_opens_with_it() {
        browser.size(Browser.LAPTOP);
        browser.signIn(users.get(Role.ADMIN));
        browser.size(Browser.PHONE);
        browser.go("/commitments");
        assertThat(browser.find(By.cssSelector("#menu nav a[href='/admin']")).isDisplayed()).isFalse();
        long headerHeight = browser.number("return document.querySelector('header.top').offsetHeight");
        assertThat(headerHeight).as("header height on a phone, menu folded").isLessThan(80);
        browser.find(By.cssSelector("label.menu-button")).click();
        assertThat(browser.find(By.cssSelector("#menu nav a[href='/admin']")).isDisplayed()).isTrue();
        assertThat(browser.find(By.cssSelector("header form.logout button")).isDisplayed()).isTrue();
        browser.screenshot("phone-menu-open");
        browser.size(Browser.LAPTOP);
        browser.go("/commitments");
        assertThat(browser.find(By.cssSelector("#menu nav a[href='/admin']")).isDisplayed()).as("laptop: no folding")
                .isTrue();
        assertThat(browser.find(By.cssSelector("label.menu-button")).isDisplayed()).isFalse();
    }

    @Test
    void a_coordinator_on_a_phone_reads_their_district_in_kinyarwanda_and_the_choice_is_kept() {
        browser.size(Browser.LAPTOP);
        browser.signIn(users.get(Role.COORDINATOR));
        browser.size(Browser.PHONE);
        browser.go("/?district=Rusizi&lang=rw");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("rw");
        assertThat(browser.textOf(By.tagName("h1"))).isEqualTo("Incamake");
        browser.screenshot("phone-overview-rw");
        browser.go("/commitments");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).as("remembered").isEqualTo("rw");
        browser.find(By.cssSelector("header .langs a[lang=fr]")).click();
        browser.waitForUrl("lang=fr");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/commitments?lang=fr");
        browser.go("/?lang=en");
    }

    @Test
    void the_skip_link_appears_on_focus_and_leads_to_the_content() {
        browser.size(Browser.LAPTOP);
        browser.go("/login");
        var skip = browser.find(By.cssSelector("a.skip"));
        assertThat(browser.number("return document.querySelector('a.skip').getBoundingClientRect().bottom"))
                .as("hidden above the page until focused").isLessThanOrEqualTo(0);
        assertThat(browser.number("return document.querySelector('a[href], button, input:not([type=hidden]), select, "
                + "textarea') === document.querySelector('a.skip') ? 1 : 0"))
                .as("the skip link is the first thing Tab reaches").isEqualTo(1);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('a.skip').focus()");
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(browser.number("return document.querySelector('a.skip').getBoundingClientRect().top"))
                .as("shown once focused").isGreaterThanOrEqualTo(0);
        assertThat(skip.getAttribute("href")).endsWith("#content");
        assertThat(browser.find(By.id("content")).getTagName()).isEqualTo("main");
    }

    @Test
    void on_a_phone_the_simulator_shows_its_whole_screen_with_the_last_line() {
        browser.size(Browser.LAPTOP);
        browser.signIn(users.get(Role.COORDINATOR));
        browser.size(Browser.PHONE);
        browser.go("/simulator");
        browser.find(By.id("send")).click();
        browser.waitForText(By.id("screen-text"), "1");
        boolean whole = (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                var screen = document.getElementById('screen');
                var text = document.getElementById('screen-text');
                return screen.scrollHeight <= screen.clientHeight + 1
                    && text.getBoundingClientRect().bottom <= screen.getBoundingClientRect().bottom;""");
        browser.screenshot("phone-simulator");
        assertThat(whole).as("the simulator's screen shows its last line").isTrue();
        assertThat(browser.number("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(browser.number("return window.innerWidth"));
    }
}
