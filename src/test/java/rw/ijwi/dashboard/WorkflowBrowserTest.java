package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Browser;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/** The workflow pages in a real headless Chromium: sign in, add a commitment, file a report on the simulator, review. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowBrowserTest {

    private final TestApp app = new TestApp();
    private final Browser browser = Browser.open(app);
    private final String coordinator = Staff.create(app, Role.COORDINATOR, "Rusizi");

    WorkflowBrowserTest() {
        browser.signIn(coordinator);
    }

    @AfterAll
    void stop() {
        try {
            browser.close();
        } finally {
            app.close();
        }
    }

    @Test
    void a_coordinator_signs_in_and_sees_the_workflow_pages_in_the_menu() {
        browser.go("/");
        String menu = browser.find(By.cssSelector("header nav")).getText();
        assertThat(menu).contains("Commitments", "Comments", "Phone simulator").doesNotContain("Administration");
        browser.screenshot("01-signed-in");
    }

    @Test
    void a_commitment_added_through_the_form_is_listed() {
        browser.go("/commitments/new");
        new Select(browser.find(By.name("sector"))).selectByVisibleText("Bugarama");
        browser.find(By.name("actor")).sendKeys("National Police");
        browser.find(By.name("promise")).sendKeys("Two officers at Bugarama station, day and night");
        new Select(browser.find(By.name("service"))).selectByValue("police");
        new Select(browser.find(By.name("gap"))).selectByValue("not_available");
        browser.find(By.name("dueDate")).sendKeys("03312027");
        browser.screenshot("02-commitment-form");
        browser.clickAndLoad(By.cssSelector("#commitment-form button[type=submit]"));
        browser.waitUntil(By.id("notes"));
        browser.find(By.name("note")).sendKeys("Announced at the district dialogue");
        browser.clickAndLoad(By.cssSelector("#notes button[type=submit]"));
        browser.waitForText(By.id("notes"), "Announced at the district dialogue");
        browser.go("/commitments?district=Rusizi");
        String table = browser.waitUntil(By.id("commitments")).getText();
        assertThat(table).contains("National Police", "Two officers at Bugarama station", "31 Mar 2027", "Pledged");
        browser.screenshot("03-commitments-list");
        assertThat(app.database().count("SELECT count(*) FROM commitment_note")).isEqualTo(1);
    }

    @Test
    void a_report_filed_on_the_phone_simulator_is_stored() {
        long before = app.database().count("SELECT count(*) FROM report WHERE session_id LIKE 'sim-%'");
        long endedBefore = app.database().count("SELECT count(*) FROM ussd_session WHERE session_id LIKE 'sim-%' "
                + "AND status = 'Success'");
        browser.go("/simulator");
        WebElement screen = browser.waitUntil(By.id("screen-text"));
        press("send");
        browser.waitForText(By.id("screen-text"), "Ijwi");
        browser.screenshot("04-simulator-welcome");
        for (String input : List.of("1", "1", "99", "99", "28", "1", "1", "3")) {
            keypad(input);
            press("send");
            waitForHop();
        }
        browser.find(By.id("entry")).sendKeys("The station was closed at night");
        press("send");
        waitForHop();
        for (String input : List.of("2", "1")) {
            keypad(input);
            press("send");
            waitForHop();
        }
        browser.waitForText(By.id("screen-text"), "Murakoze");
        assertThat(screen.getText()).contains("Murakoze");
        assertThat(browser.find(By.id("phone")).getAttribute("class")).contains("ended");
        browser.screenshot("05-simulator-thanks");
        assertThat(app.database().count("SELECT count(*) FROM report WHERE session_id LIKE 'sim-%'")).isEqualTo(before + 1);
        assertThat(app.database().value("SELECT comment FROM report WHERE session_id LIKE 'sim-%' ORDER BY id DESC LIMIT 1"))
                .isEqualTo("The station was closed at night");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> app.database().count("SELECT count(*) FROM ussd_session WHERE session_id LIKE 'sim-%' "
                        + "AND status = 'Success'") == endedBefore + 1);
        press("hangup");
        assertThat(screen.getText()).contains("Dial the code");
    }

    @Test
    void a_comment_is_reviewed_and_a_hostile_one_shows_as_text() {
        app.ussd("browser-review-1", "+250788001234", "1*1*28*1*1*3*They asked me to pay for the form*1*1");
        app.ussd("browser-review-2", "+250788001235", "1*1*28*1*1*3*<script>alert(1)</script>*2*1");
        browser.go("/review?district=Rusizi");
        List<String> texts = browser.driver().findElements(By.cssSelector("blockquote.text")).stream()
                .map(WebElement::getText).toList();
        assertThat(texts).contains("<script>alert(1)</script>", "They asked me to pay for the form");
        assertThat(alertShown()).isFalse();
        long id = app.database().count("SELECT id FROM report WHERE session_id = 'browser-review-1'");
        WebElement card = browser.find(By.id("comment-" + id));
        card.findElement(By.cssSelector("input[name=codes][value=cost]")).click();
        card.findElement(By.cssSelector("input[name=quotable]")).click();
        browser.screenshot("06-review");
        browser.clickAndLoad(By.cssSelector("#comment-" + id + " .review-form button[type=submit]"));
        browser.waitUntil(By.cssSelector("select[name=reviewed]"));
        assertThat(app.database().value("SELECT array_to_string(codes, ',') || ' ' || quote_approved FROM report WHERE id = "
                + id)).isEqualTo("cost true");
        assertThat(browser.driver().findElements(By.id("comment-" + id))).isEmpty();
    }

    @Test
    void a_report_filed_on_the_simulator_is_a_test_the_overview_does_not_count_and_the_brief_opens() {
        app.ussd("browser-overview-1", "+250788002001", "1*1*28*1*1*3*1*2*1");
        int before = overviewCount("Rusizi");
        browser.screenshot("07-overview-rusizi");
        browser.go("/simulator");
        browser.waitUntil(By.id("screen-text"));
        press("send");
        browser.waitForText(By.id("screen-text"), "Ijwi");
        for (String input : List.of("1", "1", "28", "2", "2", "4", "1", "2", "1")) {
            keypad(input);
            press("send");
            waitForHop();
        }
        browser.waitForText(By.id("screen-text"), "Murakoze");
        assertThat(overviewCount("Rusizi")).as("a test report counts nowhere").isEqualTo(before);
        browser.go("/simulator/reports");
        assertThat(browser.waitUntil(By.id("test-reports")).getText()).contains("Rusizi");
        app.ussd("browser-overview-2", "+250788002002", "1*1*28*1*1*3*1*2*1");
        assertThat(overviewCount("Rusizi")).as("a reporter's report counts").isEqualTo(before + 1);
        browser.clickAndLoad(By.cssSelector("form.filters a"));
        String brief = browser.waitUntil(By.cssSelector("main h1")).getText();
        assertThat(brief).contains("Rusizi");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Police");
        browser.screenshot("08-brief-rusizi");
    }

    /** Filters the overview to the district through its form and reads the headline figure. */
    private int overviewCount(String district) {
        browser.go("/");
        new Select(browser.find(By.name("district"))).selectByValue(district);
        browser.clickAndLoad(By.cssSelector("form.filters button[type=submit]"));
        browser.waitForUrl("district=" + district);
        browser.waitForText(By.cssSelector(".headline"), district);
        return Integer.parseInt(browser.textOf(By.cssSelector(".headline .figure")).strip());
    }

    private void press(String button) {
        browser.find(By.id(button)).click();
    }

    private void keypad(String digits) {
        for (char c : digits.toCharArray()) {
            browser.find(By.cssSelector("#keypad button[data-key='" + c + "']")).click();
        }
    }

    /** Waits until the hop counter moves and the phone is no longer busy. */
    private void waitForHop() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("phone")).getAttribute("class").contains("busy"));
    }

    private boolean alertShown() {
        try {
            browser.driver().switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }
}
