package rw.ijwi.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import rw.ijwi.testing.Campaigns;
import rw.ijwi.testing.FakeAt;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/**
 * A whole radio show: a poll created through the API, 10,000 votes and comments from 3,000 numbers posted to
 * /at/sms by four callers at once, then routed and answered. The tally must be exact, every listener who did not
 * send STOP must get exactly one reply from AT (WireMock), and no table may hold a number in the clear.
 * Throughput is printed for BENCHMARKS.md, never asserted.
 */
@Tag("slow")
@Tag("load")
class RadioShowTest {

    static final int MESSAGES = 10_000;
    static final int NUMBERS = 3_000;
    static final int STOPPERS = 100;
    static final int CALLERS = 4;
    static final String PREFIX = "+25078850";
    static final List<String> A_WORDS = List.of("RADIO A", "radio 1", "Radio yego", "RADIO yes", "A", "yego", "1");
    static final List<String> B_WORDS = List.of("RADIO B", "radio 2", "Radio oya", "RADIO non", "B", "Oya", "2");
    static final List<String> COMMENTS = List.of("RADIO Abapolisi ntibaje ku gihe", "radio Murakoze cyane kuri iki kiganiro",
            "RADIO Serivisi zo kwa muganga zirakenewe", "Radio Ndashimira abanyamakuru");

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:30:00Z"));
    private final FakeAt at = new FakeAt();
    private final TestApp app = new TestApp(TestDatabase.fresh(), at.env(), clock, false);

    /** One message of the show, in the order its sender sent it. */
    record Sms(String from, String text) {
    }

    @AfterEach
    void stop() {
        try {
            at.assertNoUnexpectedRequests();
        } finally {
            app.close();
            at.close();
        }
    }

    @Test
    void a_full_show_is_counted_exactly_and_answered_exactly_once() throws Exception {
        long campaign = Campaigns.create(app, "RADIO", "2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z");
        Random random = new Random(2026);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < NUMBERS; i++) {
            numbers.add(PREFIX + String.format("%04d", i));
        }
        Set<String> stoppers = new HashSet<>(numbers.subList(0, STOPPERS));
        // Each number always texts through the same caller, so its own messages arrive in the order it sent them.
        List<List<Sms>> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            callers.add(new ArrayList<>());
        }
        stoppers.forEach(n -> callers.get(Math.floorMod(n.hashCode(), CALLERS)).add(new Sms(n, "STOP")));
        Map<String, String> lastVote = new HashMap<>();
        int comments = 0;
        for (int i = STOPPERS; i < MESSAGES; i++) {
            String from = i < STOPPERS + NUMBERS ? numbers.get(i - STOPPERS) : numbers.get(random.nextInt(NUMBERS));
            int kind = random.nextInt(10);
            String text;
            if (kind < 2) {
                text = COMMENTS.get(random.nextInt(COMMENTS.size()));
                comments++;
            } else {
                boolean a = random.nextInt(100) < 58;
                text = (a ? A_WORDS : B_WORDS).get(random.nextInt(A_WORDS.size()));
                lastVote.put(from, a ? "A" : "B");
            }
            callers.get(Math.floorMod(from.hashCode(), CALLERS)).add(new Sms(from, text));
        }

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Future<?>> posting = new ArrayList<>();
        for (List<Sms> caller : callers) {
            posting.add(pool.submit(() -> caller.forEach(sms -> Texting.text(app, sms.from(), sms.text()))));
        }
        for (Future<?> f : posting) {
            f.get();
        }
        pool.shutdown();
        double ingestSeconds = seconds(started);
        assertThat(app.database().count("SELECT count(*) FROM sms_inbound")).isEqualTo(MESSAGES);

        started = System.nanoTime();
        int processed = app.app().sms().inbound().processAvailable();
        double processSeconds = seconds(started);
        assertThat(processed).isEqualTo(MESSAGES);

        started = System.nanoTime();
        app.app().sms().outbox().sendDue();
        double sendSeconds = seconds(started);

        long a = lastVote.values().stream().filter("A"::equals).count();
        assertThat(app.apiGet("/api/v1/campaigns/" + campaign + "/tally").body()).isEqualTo(
                "{\"total\":" + lastVote.size() + ",\"options\":[{\"code\":\"A\",\"count\":" + a + "},{\"code\":\"B\","
                        + "\"count\":" + (lastVote.size() - a) + "}],\"comments\":" + comments + "}");

        Map<String, Integer> accepted = at.accepted();
        assertThat(accepted.keySet()).hasSize(NUMBERS - STOPPERS).doesNotContainAnyElementsOf(stoppers);
        assertThat(accepted.values()).containsOnly(1);
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE state <> 'sent'")).isZero();
        assertNoNumberInTheClear();

        int requests = at.requests().size();
        String figures = String.format("radio show: %d messages from %d numbers ingested in %.2f s (%.0f votes/s over "
                        + "HTTP, %d callers); routed in %.2f s (%.0f messages/s); %d replies sent to WireMock in %d "
                        + "requests in %.2f s (%.0f SMS/s)", MESSAGES, NUMBERS, ingestSeconds, MESSAGES / ingestSeconds,
                CALLERS, processSeconds, MESSAGES / processSeconds, accepted.size(), requests, sendSeconds,
                accepted.size() / sendSeconds);
        System.out.println(figures);
        System.err.println(figures);
    }

    /** Every text and bytea column of every table, searched for the digits the show's numbers share. */
    private void assertNoNumberInTheClear() {
        String digits = PREFIX.substring(1);
        List<String[]> columns = app.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('text', 'bytea', 'jsonb', 'ARRAY')""")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list());
        assertThat(columns).isNotEmpty();
        for (String[] c : columns) {
            String value = c[2].equals("bytea") ? "encode(" + c[1] + ", 'escape')" : c[1] + "::text";
            long found = app.database().count("SELECT count(*) FROM " + c[0] + " WHERE " + value + " LIKE '%"
                    + digits + "%'");
            assertThat(found).as(c[0] + "." + c[1] + " holds a phone number").isZero();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
