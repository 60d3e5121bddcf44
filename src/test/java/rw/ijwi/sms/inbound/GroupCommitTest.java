package rw.ijwi.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Wait;

/**
 * Inbound SMS are committed in groups: each callback is answered only once its row is committed, a repeated
 * provider id is stored once, a refused row does not fail its group, and an outage spools the group in order.
 */
class GroupCommitTest {

    private final TestDatabase database = TestDatabase.fresh();
    private final TestApp app = new TestApp(database, Map.of(), java.time.Clock.systemUTC(), false);
    private final ExecutorService callers = Executors.newFixedThreadPool(32);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        app.close();
    }

    @Test
    @Tag("slow")
    @Tag("load") // hundreds of concurrent callbacks: 9-11 s
    void concurrent_callbacks_with_repeated_ids_are_each_stored_once_and_readable_as_soon_as_answered()
            throws Exception {
        int callbacks = 640;
        AtomicInteger answeredBeforeStored = new AtomicInteger();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < callbacks; i++) {
            String id = "ATXid_group_" + (i % 10 == 9 ? i - 1 : i); // one in ten repeats the one before
            String phone = "+25078850" + String.format("%04d", i);
            answers.add(callers.submit(() -> {
                int status = app.post("/at/sms?token=" + TestApp.TOKEN, Map.of("id", id, "from", phone, "to", "8080",
                        "text", "RADIO A", "date", "2026-11-28 10:00:00")).statusCode();
                if (status == 200 && database.count("SELECT count(*) FROM sms_inbound WHERE provider_id = '" + id
                        + "'") != 1) {
                    answeredBeforeStored.incrementAndGet();
                }
                return status;
            }));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(answeredBeforeStored.get()).as("callbacks answered before their row was readable").isZero();
        assertThat(database.count("SELECT count(*) FROM sms_inbound WHERE provider_id LIKE 'ATXid_group_%'"))
                .isEqualTo(callbacks - callbacks / 10);
        String metrics = app.metrics().body();
        assertThat(metrics).contains("ijwi_sms_group_callbacks_sum " + callbacks + ".0")
                .contains("ijwi_sms_group_wait_seconds_count " + callbacks + "\n");
    }

    @Test
    void a_group_holding_a_refused_row_still_stores_the_others() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (GroupCommit commits = new GroupCommit(app.app().sms().receiver(), 500, registry)) {
            List<Future<?>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                // PostgreSQL refuses a NUL character in text; the form parser would have, too, but not every caller.
                InboundSms message = message("ATXid_refused_" + i, i == 2 ? "RADIO \u0000A" : "RADIO A");
                answers.add(callers.submit(() -> commits.receive(message)));
                Wait.until("the caller to wait for the group commit", Duration.ofSeconds(30),
                    () -> commits.waiting() == answers.size());
            }
            commits.start();
            List<String> outcomes = new ArrayList<>();
            for (Future<?> answer : answers) {
                try {
                    answer.get(30, TimeUnit.SECONDS);
                    outcomes.add("stored");
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add("refused");
                }
            }
            assertThat(outcomes).containsExactly("stored", "stored", "refused", "stored", "stored");
            assertThat(registry.summary("ijwi.sms.group.callbacks").count()).isEqualTo(1);
            assertThat(registry.summary("ijwi.sms.group.callbacks").totalAmount()).isEqualTo(5);
        }
        assertThat(storedIds("ATXid_refused_%")).containsExactly("ATXid_refused_0", "ATXid_refused_1",
                "ATXid_refused_3", "ATXid_refused_4");
    }

    @Test
    void during_an_outage_the_group_goes_to_the_spool_and_replays_in_order() throws Exception {
        DurableReceiver receiver = app.app().sms().receiver();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> order = new ArrayList<>();
        try (GroupCommit commits = new GroupCommit(receiver, 500, registry)) {
            List<Future<?>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = "ATXid_spooled_" + (i * 7 % 12); // not in id order, so the order kept is visible
                order.add(id);
                answers.add(callers.submit(() -> commits.receive(message(id, "RADIO B"))));
                Wait.until("the caller to wait for the group commit", Duration.ofSeconds(30),
                    () -> commits.waiting() == answers.size());
            }
            cutOff(true);
            commits.start();
            for (Future<?> answer : answers) {
                answer.get(30, TimeUnit.SECONDS); // acknowledged: in the spool, on disk
            }
            assertThat(registry.summary("ijwi.sms.group.callbacks").count()).isEqualTo(1);
        }
        assertThat(receiver.spooled()).isEqualTo(12);
        cutOff(false);
        int replayed = 0;
        for (int attempt = 0; attempt < 50 && receiver.spooled() > 0; attempt++) {
            replayed += receiver.replay(); // the pool may first hand out connections the outage closed
        }
        assertThat(replayed).isEqualTo(12);
        assertThat(storedIds("ATXid_spooled_%")).containsExactlyElementsOf(order);
    }

    @Test
    void closing_commits_and_answers_every_callback_already_handed_over() throws Exception {
        List<Future<?>> answers = new ArrayList<>();
        GroupCommit commits = new GroupCommit(app.app().sms().receiver(), 500, new SimpleMeterRegistry());
        for (int i = 0; i < 3; i++) {
            InboundSms message = message("ATXid_closing_" + i, "RADIO A");
            answers.add(callers.submit(() -> commits.receive(message)));
            Wait.until("the caller to wait for the group commit", Duration.ofSeconds(30),
                    () -> commits.waiting() == answers.size());
        }
        commits.close();
        for (Future<?> answer : answers) {
            answer.get(30, TimeUnit.SECONDS);
        }
        commits.receive(message("ATXid_closing_after", "RADIO A")); // after close: stored on the caller's thread
        assertThat(storedIds("ATXid_closing_%")).hasSize(4);
    }

    private static InboundSms message(String id, String text) {
        return new InboundSms(id, "+250788512345", "8080", text, "63510", OffsetDateTime.parse("2026-11-28T10:00:00Z"));
    }

    private List<String> storedIds(String like) {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT provider_id FROM sms_inbound WHERE provider_id LIKE :like ORDER BY id")
                .bind("like", like).mapTo(String.class).list());
    }

    /** Refuses new connections to the test database and ends the open ones (or lets them in again). */
    private void cutOff(boolean away) {
        var admin = org.jdbi.v3.core.Jdbi.create(database.url().replace("/" + database.name(), "/postgres"),
                "postgres", "");
        admin.useHandle(h -> {
            h.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS " + !away);
            if (away) {
                h.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", database.name());
            }
        });
    }
}
