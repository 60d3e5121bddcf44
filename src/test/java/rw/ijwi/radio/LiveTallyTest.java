package rw.ijwi.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.testing.Campaigns;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** The studio screen: a self-contained page, and a server-sent event stream that follows the votes. */
class LiveTallyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:30:00Z"));
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);
    private final long campaign = Campaigns.create(app, "RADIO", "2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_page_and_its_script_and_style_come_from_ijwi_with_nothing_inline_for_the_policy_to_block() {
        HttpResponse<String> page = app.apiGet("/radio/" + campaign + "/live");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<script src=\"/static/live.js\"></script>")
                .contains("<link rel=\"stylesheet\" href=\"/static/live.css\">")
                .doesNotContain("<style").doesNotContain("style=").doesNotContain("http://").doesNotContain("https://");
        HttpResponse<String> script = app.get("/static/live.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("new EventSource(\"/radio/\"").doesNotContain("http://")
                .doesNotContain("https://");
        assertThat(app.get("/static/live.css").statusCode()).isEqualTo(200);
    }

    @Test
    void the_event_stream_sends_the_tally_at_once_then_each_change_and_forgets_a_client_that_left() throws Exception {
        app.app().radio().live().start();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/radio/" + campaign + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + app.apiToken()).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> stream.body().filter(l -> l.startsWith("data: "))
                .forEach(l -> events.add(l.substring(6))));
        reader.setDaemon(true);
        reader.start();

        JsonNode first = next(events);
        assertThat(first.get("campaign").get("keyword").asText()).isEqualTo("RADIO");
        assertThat(first.get("tally").get("total").asLong()).isZero();

        Texting.text(app, "+250788600001", "RADIO A");
        Texting.text(app, "+250788600002", "RADIO B");
        Texting.text(app, "+250788600003", "yego");
        app.app().sms().inbound().processAvailable();
        JsonNode tally = untilTotal(events, 3).get("tally");
        assertThat(tally.toString()).isEqualTo("{\"total\":3,\"options\":[{\"code\":\"A\",\"count\":2},"
                + "{\"code\":\"B\",\"count\":1}],\"comments\":0}");
        assertThat(app.app().radio().live().watching()).isEqualTo(1);

        stream.body().close();
        reader.interrupt();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int phone = 10;
        while (app.app().radio().live().watching() > 0 && System.nanoTime() < deadline) {
            Texting.text(app, "+2507886000" + phone++, "RADIO A"); // a change makes the server write, and notice
            app.app().sms().inbound().processAvailable();
            Thread.sleep(200);
        }
        assertThat(app.app().radio().live().watching()).isZero();
    }

    private JsonNode untilTotal(BlockingQueue<String> events, long total) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = next(events);
            if (event.get("tally").get("total").asLong() == total) {
                return event;
            }
        }
        throw new AssertionError("no tally with total " + total + " was pushed");
    }

    private JsonNode next(BlockingQueue<String> events) throws Exception {
        String data = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (data == null) {
            throw new AssertionError("no event within " + PATIENCE.toSeconds() + " s");
        }
        return json.readTree(data);
    }
}
