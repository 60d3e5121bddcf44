package rw.ijwi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Runs Deque's axe-core (the engine behind most WCAG audits) on the page a browser has open, against the WCAG 2.0
 * and 2.1 A and AA rules, and returns what it finds as plain records. The script comes from Deque's Maven artifact
 * and is injected into the page; nothing is fetched from the internet.
 */
public final class Axe {

    /** One rule a page breaks, with how bad axe rates it and where (CSS selectors of the first few nodes). */
    public record Violation(String rule, String impact, String help, List<String> where) {
        public boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + where;
        }
    }

    private static final String SCRIPT = read("axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Axe() {
    }

    /** The violations of WCAG 2.1 AA on the open page. */
    public static List<Violation> check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SCRIPT);
            // From now on Chromium runs the script itself in every page this browser opens: sending its 500 KB
            // through chromedriver for each page took 140 ms, a quarter of checking a page.
            if (driver instanceof ChromiumDriver chromium) {
                chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SCRIPT));
            }
        }
        Object raw = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(JSON.stringify(r.violations)), e => done('ERROR ' + e));
                """);
        String text = String.valueOf(raw);
        if (text.startsWith("ERROR")) {
            throw new AssertionError("axe-core failed on " + driver.getCurrentUrl() + ": " + text);
        }
        try {
            List<Map<String, Object>> found = JSON.readValue(text, new TypeReference<>() { });
            List<Violation> violations = new ArrayList<>();
            for (Map<String, Object> v : found) {
                List<String> where = new ArrayList<>();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> nodes = (List<Map<String, Object>>) v.get("nodes");
                for (Map<String, Object> node : nodes.subList(0, Math.min(3, nodes.size()))) {
                    where.add(String.valueOf(node.get("target")));
                }
                violations.add(new Violation(String.valueOf(v.get("id")), String.valueOf(v.get("impact")),
                        String.valueOf(v.get("help")), where));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical ones, which the browser tests refuse. */
    public static List<Violation> serious(WebDriver driver) {
        return check(driver).stream().filter(Violation::seriousOrWorse).toList();
    }

    private static String read(String resource) {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: the test dependency "
                        + "com.deque.html.axe-core:selenium provides it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
