package rw.ijwi.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium, for browser tests: Debian's chromium and chromium-driver at
 * fixed paths (never a downloaded browser), a fresh profile each time, screenshots under target/screenshots.
 * When chromium is not installed the tests fail with the command that installs it; they never skip.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** The screens every page must suit: a small laptop and a phone. */
    public static final Size LAPTOP = new Size(1366, 768);
    public static final Size PHONE = new Size(390, 844);

    /** A viewport size in CSS pixels. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private final TestApp app;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(TestApp app, Path profile, ChromeDriver driver) {
        this.app = app;
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts headless Chromium against the app; fails (never skips) when Debian's chromium is missing. */
    public static Browser open(TestApp app) {
        return open(app, CHROMIUM, CHROMEDRIVER);
    }

    /** As {@link #open(TestApp)} with other paths (a test proves the missing-browser message). */
    static Browser open(TestApp app, Path chromium, Path chromedriver) {
        for (Path needed : new Path[] {chromium, chromedriver}) {
            if (!Files.isExecutable(needed)) {
                throw new AssertionError("Browser tests need " + needed + ", which is missing. Install Debian's "
                        + "browser and driver with: apt-get install -y chromium chromium-driver (./test does this)");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("ijwi-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.toString())).usingAnyFreePort().build();
        return new Browser(app, profile, new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Makes the page's viewport (what window.innerWidth and innerHeight report) this size, correcting for the
     * window's frame, so a test sees what a phone or a laptop of that size would show.
     */
    public Browser size(Size size) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.width(), size.height()));
        for (int attempt = 0; attempt < 3; attempt++) {
            long innerWidth = number("return window.innerWidth");
            long innerHeight = number("return window.innerHeight");
            if (innerWidth == size.width() && innerHeight == size.height()) {
                break;
            }
            var outer = driver.manage().window().getSize();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(
                    (int) (outer.getWidth() + size.width() - innerWidth),
                    (int) (outer.getHeight() + size.height() - innerHeight)));
        }
        return this;
    }

    /** Runs a script that answers a number, e.g. "return document.documentElement.scrollWidth". */
    public long number(String script) {
        Object value = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script);
        return ((Number) value).longValue();
    }

    /** Opens a path of the app, e.g. "/commitments". */
    public Browser go(String path) {
        driver.get("http://127.0.0.1:" + app.port() + path);
        return this;
    }

    /** Signs in through the login form, as a person would. */
    public Browser signIn(String username) {
        go("/login");
        find(By.name("username")).sendKeys(username);
        find(By.name("password")).sendKeys(Staff.PASSWORD);
        clickAndLoad(By.cssSelector("form[action='/login'] button[type=submit]"));
        // Present, not visible: on a phone the sign-out button sits in the collapsed menu.
        settled().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header form.logout")));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /**
     * Clicks something that loads another page (a form's submit button, a link) and waits (up to 10 s) until the
     * page it left is gone and the new one has loaded, so that what follows reads the new page and never a
     * node of the old one that the navigation is tearing down.
     */
    public void clickAndLoad(By by) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        settled().until(d -> ExpectedConditions.stalenessOf(leaving).apply(d) && loaded(d));
    }

    /** Waits (up to 10 s) until the element is visible. */
    public WebElement waitUntil(By by) {
        return settled().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits (up to 10 s) until the element's text contains the part. */
    public void waitForText(By by, String part) {
        settled().until(ExpectedConditions.textToBePresentInElementLocated(by, part));
    }

    /**
     * A 10 s wait that retries through chromedriver's transient errors: a node swapped out by a navigation or
     * a script is reported either as a stale element or as "Node with given id does not belong to the
     * document", depending on timing. A condition still false after 10 s fails with the last error as cause.
     */
    private WebDriverWait settled() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    private static boolean loaded(WebDriver d) {
        return "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState"));
    }

    /**
     * Reads an element's text once the page has settled, retrying (up to 10 s) when the element is replaced under
     * the read: chromedriver reports a node swapped out by a navigation either as a stale element or as
     * "Node with given id does not belong to the document", depending on timing.
     */
    public String textOf(By by) {
        return settled().until(d -> loaded(d) ? d.findElement(by).getText() : null);
    }

    /** Waits (up to 10 s) until the address of the loaded page contains the part. */
    public void waitForUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
    }

    /** Saves a PNG of the page as target/screenshots/NAME.png, kept as a test artifact. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            Folders.delete(profile);
        }
    }
}
