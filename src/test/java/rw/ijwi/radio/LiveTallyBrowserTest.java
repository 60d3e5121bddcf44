package rw.ijwi.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Browser;
import rw.ijwi.testing.Campaigns;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** The studio screen in a real headless Chromium: votes texted to /at/sms show up on the open page, no reload. */
@Tag("browser")
class LiveTallyBrowserTest {

    // On air now, so the page (which reads the browser's clock) says the poll is open.
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final TestClock clock = new TestClock(now);
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);
    private final long campaign = Campaigns.create(app, "RADIO", now.minus(Duration.ofHours(1)).toString(),
            now.plus(Duration.ofHours(2)).toString());

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_studio_screen_shows_votes_as_they_arrive_without_reloading() {
        app.app().radio().live().start();
        try (Browser browser = Browser.open(app)) {
            browser.signIn(Staff.create(app, Role.VIEWER));
            browser.go("/radio/" + campaign + "/live?lang=en");
            browser.waitForText(By.id("question"), "Did the police receive you well?");
            browser.waitForText(By.id("status"), "Open");
            assertThat(browser.find(By.id("total")).getText()).isEqualTo("0");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript("window.sameDocument = 'yes';");

            Texting.text(app, "+250788700001", "RADIO A");
            Texting.text(app, "+250788700002", "radio yes");
            Texting.text(app, "+250788700003", "RADIO B");
            Texting.text(app, "+250788700004", "RADIO A the station was closed at night");
            assertThat(app.app().sms().inbound().processAvailable()).isEqualTo(4);

            browser.waitForText(By.id("total"), "4");
            assertThat(browser.find(By.cssSelector("#options .option:nth-child(1) .count")).getText()).isEqualTo("3");
            assertThat(browser.find(By.cssSelector("#options .option:nth-child(2) .count")).getText()).isEqualTo("1");
            assertThat(browser.find(By.id("comments")).getText()).isEqualTo("1");
            assertThat(js.executeScript("return window.sameDocument;")).as("the page was not reloaded").isEqualTo("yes");
            browser.screenshot("radio-live-tally");

            Texting.text(app, "+250788700005", "RADIO B");
            app.app().sms().inbound().processAvailable();
            browser.waitForText(By.id("total"), "5");
            assertThat(browser.find(By.cssSelector("#options .option:nth-child(2) .count")).getText()).isEqualTo("2");
            assertThat(js.executeScript("return window.sameDocument;")).isEqualTo("yes");
        }
    }
}
