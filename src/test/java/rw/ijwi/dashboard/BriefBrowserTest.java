package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import rw.ijwi.auth.Role;
import rw.ijwi.geo.Geography;
import rw.ijwi.testing.Browser;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;

/**
 * The brief, the overview and the drop-off view in Chromium: the brief of a busy district (many commitments and
 * quotes) prints on exactly one A4 page in English, French and Kinyarwanda, and no chart or map text is under 12 px
 * on a laptop (1366x768) or a phone (390x844). Twelve months of reports in all 30 districts are seeded before the
 * app starts; the clock stands on 3 December 2026, so November 2026 is the last closed month.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefBrowserTest {

    private final TestApp app = new TestApp(seeded(), Map.of(), new TestClock(Instant.parse("2026-12-03T09:00:00Z")),
            false);
    private final Browser browser = Browser.open(app);

    BriefBrowserTest() {
        browser.signIn(Staff.create(app, Role.ADMIN));
    }

    private static TestDatabase seeded() {
        TestDatabase database = TestDatabase.fresh();
        Geography geography = Geography.fromPackagedCsv();
        List<Geography.District> districts = geography.districts();
        for (int i = 0; i < districts.size(); i++) {
            Geography.District d = districts.get(i);
            List<String> sectors = geography.sectors(d).stream().map(Geography.Sector::name).toList();
            for (int m = 0; m < 12; m++) {
                OffsetDateTime at = YearMonth.of(2025, 12).plusMonths(m).atDay(10).atTime(10, 0)
                        .atOffset(ZoneOffset.ofHours(2));
                if (d.name().equals("Burera")) {
                    Reports.insertAt(database, at, d.name(), sectors.get(0), "police", "no_response", "ussd", 3);
                    continue;
                }
                int main = d.name().equals("Rusizi") ? 60 + 3 * m : 12 + (i * 13 % 40) + 2 * m;
                Reports.insertAt(database, at, d.name(), sectors.get(0), "police", "no_response", "ussd", main / 2);
                Reports.insertAt(database, at, d.name(), sectors.get(1), "health", "asked_to_pay", "sms", main / 3);
                Reports.insertAt(database, at, d.name(), null, "justice", "not_available", "ussd", main - main / 2 - main / 3);
                if (i % 6 == 0) {
                    Reports.insertAt(database, at, d.name(), sectors.get(2), "shelter", "treated_badly", "sms", 2);
                }
            }
        }
        database.jdbi().useHandle(h -> {
            for (int q = 0; q < 4; q++) {
                h.createUpdate("""
                        INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language, comment,
                                            quote_consent, quote_approved, created_at)
                        SELECT :ref, 'sms', '\\x01'::bytea, d.id, 'police', 'treated_badly', 'rw', :comment, true, true,
                               '2026-11-20T10:00:00+02:00' FROM district d WHERE d.name = 'Rusizi'""")
                        .bind("ref", String.valueOf(990_000 + q)).bind("comment", "At the station they asked me to come back another day,"
                                + " and the officer on duty said there was no transport to the health centre (" + q + ").")
                        .execute();
            }
            String[] made = {"2026-06-15", "2026-08-03", "2026-09-20", "2026-10-11", "2026-11-05", "2026-12-01",
                "2026-07-07", "2026-05-19", "2026-10-28", "2026-11-30", "2026-04-02", "2026-09-09"};
            String[] status = {"pledged", "in_progress", "done", "pledged", "dropped", "pledged"};
            for (int c = 0; c < made.length; c++) {
                h.createUpdate("""
                        INSERT INTO commitment (district_id, actor, promise, service, gap, due_date, status, created_at)
                        SELECT d.id, :actor, :promise, :service, :gap, CAST(:due AS date), :status,
                               CAST(:made AS timestamptz) FROM district d WHERE d.name = 'Rusizi'""")
                        .bind("actor", c % 2 == 0 ? "District Police Commander" : "Vice Mayor, Social Affairs")
                        .bind("promise", "Two trained officers at the Bugarama and Nyakarenzo stations day and night,"
                                + " and free transport to the Isange One Stop Centre for every case (" + c + ")")
                        .bind("service", c % 3 == 2 ? "health" : "police").bind("gap", c % 2 == 0 ? "no_response" : null)
                        .bind("due", c % 4 == 0 ? "2026-10-31" : "2027-03-31").bind("status", status[c % status.length])
                        .bind("made", made[c] + "T12:00:00+02:00").execute();
            }
        });
        return database;
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
    void the_brief_of_a_busy_district_prints_on_exactly_one_a4_page_in_three_languages() throws Exception {
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        for (String period : List.of("2026-11", "2026-Q3")) {
            for (String lang : List.of("en", "fr", "rw")) {
                browser.go("/brief?district=Rusizi&period=" + period + "&lang=" + lang);
                browser.waitUntil(By.cssSelector("article.brief h1"));
                String name = "brief-" + period + "-" + lang;
                browser.screenshot(name);
                PrintOptions options = new PrintOptions();
                options.setPageSize(new PageSize(29.7, 21.0));
                options.setBackground(true);
                Pdf pdf = ((PrintsPage) browser.driver()).print(options);
                byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
                Files.createDirectories(Browser.SCREENSHOTS);
                Files.write(Browser.SCREENSHOTS.resolve(name + ".pdf"), bytes);
                try (PDDocument document = Loader.loadPDF(bytes)) {
                    String text = new PDFTextStripper().getText(document);
                    assertThat(document.getNumberOfPages()).as(name).isEqualTo(1);
                    assertThat(text).as(name).contains("Rusizi").contains("Two trained officers");
                    if (period.equals("2026-11")) {
                        assertThat(text).as(name).contains("At the station");
                    }
                    if (lang.equals("fr")) {
                        assertThat(text).as(name).doesNotContain("hidden").contains("Méthode");
                    }
                }
            }
        }
    }

    @Test
    void the_brief_sets_each_figure_against_the_previous_period_and_each_commitment_against_the_months_before() {
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.go("/brief?district=Rusizi&period=2026-11&lang=en");
        String page = browser.textOf(By.cssSelector("article.brief"));
        // Rusizi: 60 + 3m reports a month (November m = 11: 93, October 90), and November's four quoted ones.
        assertThat(page).contains("97").contains("up 7 from 90").contains("Compared with 2026-10")
                .contains("too early: no month has closed since").contains("overdue");
        assertThat(page).contains("in the 3 months before");
        assertThat(browser.driver().findElements(By.cssSelector(".brief svg.map g.tile"))).hasSize(30);
        assertThat(browser.find(By.cssSelector(".brief svg.map g.tile.on title")).getAttribute("textContent"))
                .startsWith("Rusizi: 97");
        assertThat(browser.find(By.cssSelector(".brief svg.map")).getAttribute("aria-label")).contains("30 districts");
    }

    @Test
    void no_chart_or_map_text_is_under_12_px_on_a_laptop_or_a_phone() {
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
            browser.driver().manage().window().setSize(size);
            for (String path : List.of("/?period=2026-11", "/?district=Rusizi", "/?service=police&period=2026-Q3",
                    "/brief?district=Rusizi&period=2026-11", "/brief?district=Rusizi&period=2026-Q3", "/dropoff")) {
                browser.go(path);
                browser.waitUntil(By.cssSelector("main h1"));
                @SuppressWarnings("unchecked")
                List<String> small = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                        const small = [];
                        let texts = 0;
                        document.querySelectorAll('.chart-box, .tilemap').forEach(root => {
                          root.querySelectorAll('*').forEach(el => {
                            if (el.tagName.toLowerCase() === 'title') return;
                            const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
                            if (!own) return;
                            const cs = getComputedStyle(el);
                            if (cs.display === 'none' || el.closest('.sr-only-screen')) return;
                            let px = parseFloat(cs.fontSize);
                            if (el instanceof SVGElement) px = px * Math.abs(el.getScreenCTM().a);
                            texts++;
                            if (px < 11.95) small.push(el.tagName + ' "' + el.textContent.trim() + '" ' + px.toFixed(1) + 'px');
                          });
                        });
                        if (texts === 0) small.push('no chart text found');
                        return small;""");
                assertThat(small).as(path + " at " + size).isEmpty();
            }
            browser.go("/?period=2026-11");
            browser.screenshot("overview-map-" + size.getWidth());
            browser.go("/brief?district=Rusizi&period=2026-11");
            browser.screenshot("brief-screen-" + size.getWidth());
            browser.go("/dropoff");
            browser.screenshot("dropoff-funnel-" + size.getWidth());
        }
    }
}
