package rw.ijwi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

/** Two Ijwi instances on one database: every inbound message routed once, every outbound SMS sent once. */
@Tag("slow")
@Tag("load")
class TwoInstancesTest {

    static final int NUMBERS = 600;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:30:00Z"));
    private final FakeAt at = new FakeAt();
    private final TestDatabase database = TestDatabase.fresh();
    private final TestApp one = new TestApp(database, at.env(), clock, false);
    private final TestApp two = new TestApp(database, at.env(), clock, false);

    @AfterEach
    void stop() {
        try {
            at.assertNoUnexpectedRequests();
        } finally {
            one.close();
            two.close();
            at.close();
        }
    }

    @Test
    void two_workers_route_every_message_once_and_send_every_reply_once() throws Exception {
        long campaign = Campaigns.create(one, "RADIO", "2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z");
        for (int i = 0; i < NUMBERS; i++) {
            Texting.text(i % 2 == 0 ? one : two, "+25078870" + String.format("%04d", i), i % 3 == 0 ? "RADIO B" : "A");
        }
        List<Integer> routed = together(() -> one.app().sms().inbound().processAvailable(),
                () -> two.app().sms().inbound().processAvailable());
        assertThat(routed.get(0) + routed.get(1)).isEqualTo(NUMBERS);
        assertThat(database.count("SELECT count(*) FROM sms_inbound WHERE processed_at IS NULL")).isZero();
        assertThat(database.count("SELECT count(*) FROM sms_outbox")).isEqualTo(NUMBERS);
        assertThat(one.apiGet("/api/v1/campaigns/" + campaign + "/tally").body()).isEqualTo("{\"total\":600,\"options\":"
                + "[{\"code\":\"A\",\"count\":400},{\"code\":\"B\",\"count\":200}],\"comments\":0}");

        List<Integer> sent = together(() -> one.app().sms().outbox().sendDue(),
                () -> two.app().sms().outbox().sendDue());
        assertThat(sent.get(0) + sent.get(1)).isEqualTo(NUMBERS);
        assertThat(at.accepted()).hasSize(NUMBERS);
        assertThat(at.accepted().values()).containsOnly(1);
        assertThat(database.count("SELECT count(*) FROM sms_outbox WHERE state = 'sent'")).isEqualTo(NUMBERS);
    }

    /** Runs both at the same moment on two threads and returns what each returned. */
    private static List<Integer> together(Callable<Integer> first, Callable<Integer> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (Callable<Integer> task : List.of(first, second)) {
            results.add(pool.submit(() -> {
                go.await(60, java.util.concurrent.TimeUnit.SECONDS);
                return task.call();
            }));
        }
        go.countDown();
        List<Integer> out = new ArrayList<>();
        for (Future<Integer> result : results) {
            out.add(result.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        return out;
    }
}
