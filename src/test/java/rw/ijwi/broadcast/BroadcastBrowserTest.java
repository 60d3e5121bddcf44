package rw.ijwi.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.Select;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Browser;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** The SMS pages in a real headless Chromium: a broadcast from compose to progress, and the inbox. */
@Tag("browser")
class BroadcastBrowserTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_coordinator_previews_a_commitment_update_confirms_it_and_follows_its_progress() {
        Texting.text(app, "+250788910001", "JOIN Rusizi");
        Texting.text(app, "+250788910002", "injira rusizi");
        Texting.text(app, "+250788910003", "<script>alert('inbox')</script> muraho");
        app.app().sms().inbound().processAvailable();
        app.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO commitment (district_id, actor, promise, status)
                SELECT id, 'National Police', 'Two officers at Bugarama station', 'done' FROM district
                WHERE name = 'Rusizi'"""));
        try (Browser browser = Browser.open(app)) {
            browser.signIn(Staff.create(app, Role.COORDINATOR, "Rusizi"));
            browser.go("/sms/inbox");
            assertThat(browser.waitUntil(By.cssSelector("blockquote.text")).getText())
                    .isEqualTo("<script>alert('inbox')</script> muraho");
            assertThat(alertShown(browser)).isFalse();
            browser.screenshot("sms-inbox");

            browser.go("/broadcasts");
            new Select(browser.find(By.name("commitment"))).selectByIndex(1);
            browser.clickAndLoad(By.cssSelector("#compose button[type=submit]"));
            // Each subscriber reads it in the language they joined in, the status word too.
            assertThat(browser.waitUntil(By.id("preview-text-rw")).getText())
                    .isEqualTo("Rusizi: National Police - Two officers at Bugarama station (Byakozwe)");
            assertThat(browser.find(By.id("preview-text-en")).getText())
                    .isEqualTo("Rusizi: National Police - Two officers at Bugarama station (Done)");
            assertThat(browser.find(By.id("no-gateway")).getText()).contains("IJWI_AT_USERNAME");
            assertThat(browser.find(By.id("preview-recipients")).getText()).isEqualTo("2");
            assertThat(browser.find(By.id("preview-cost")).getText()).isEqualTo("30 RWF");
            browser.screenshot("broadcast-preview");

            browser.clickAndLoad(By.cssSelector("#confirm button[type=submit]"));
            browser.waitUntil(By.id("progress"));
            assertThat(browser.find(By.cssSelector("[data-count=queued]")).getText()).isEqualTo("2");
            assertThat(browser.find(By.id("no-gateway")).getText()).startsWith("Queued, not sent");
            assertThat(browser.find(By.id("progress-state")).getText()).doesNotContain("Still sending");
            browser.screenshot("broadcast-progress");
        }
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE cause = 'broadcast'")).isEqualTo(2);
    }

    private static boolean alertShown(Browser browser) {
        try {
            browser.driver().switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }
}
