package rw.ijwi.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.Main;
import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;

/**
 * Confirming a broadcast to 100,000 subscribers returns at once: the outbox rows are written in the background,
 * with progress on the broadcast page, exactly once per subscriber even when the form is sent twice.
 */
@Tag("slow")
@Tag("load")
class BroadcastQueueTest {

    private static final int SUBSCRIBERS = 100_000;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_100000_recipient_confirmation_returns_at_once_and_the_page_follows_the_queueing_to_the_end()
            throws Exception {
        int code = Main.run(app::config, new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), "seed", "subscribers", "--district", "Rusizi", "--count",
                String.valueOf(SUBSCRIBERS));
        assertThat(code).isZero();
        Staff coordinator = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
        HttpResponse<String> preview = coordinator.post("/broadcasts/preview", Map.of("district", "Rusizi",
                "text", "Rusizi: inama y'abaturage ku wa gatanu."));
        assertThat(Forms.byId(preview.body(), "preview-recipients")).isEqualTo("100000");
        Map<String, String> form = Forms.hidden(preview.body(), "confirm");

        long started = System.nanoTime();
        HttpResponse<String> confirmed = coordinator.post("/broadcasts", form);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(confirmed.statusCode()).isEqualTo(303);
        String location = confirmed.headers().firstValue("Location").orElseThrow();
        JsonNode early = progress(coordinator, location);
        System.out.println("broadcast queue: confirm of " + SUBSCRIBERS + " answered in " + millis + " ms with "
                + early.get("enqueued").asLong() + " queued");
        assertThat(early.get("recipients").asLong()).isEqualTo(SUBSCRIBERS);
        assertThat(early.get("enqueued").asLong()).as("still queueing when the request returned")
                .isLessThan(SUBSCRIBERS);
        assertThat(early.get("enqueueing").asBoolean()).isTrue();
        assertThat(early.get("done").asBoolean()).isFalse();
        assertThat(coordinator.get(location).body()).contains("data-count=\"enqueued\">")
                .contains("Putting the messages in the queue...");

        HttpResponse<String> again = coordinator.post("/broadcasts", form);
        assertThat(again.headers().firstValue("Location")).as("a form sent twice sends once").contains(location);

        JsonNode last = early;
        for (int i = 0; i < 600 && last.get("enqueueing").asBoolean(); i++) {
            Thread.sleep(200);
            last = progress(coordinator, location);
        }
        assertThat(last.get("enqueueing").asBoolean()).isFalse();
        assertThat(last.get("enqueued").asLong()).isEqualTo(SUBSCRIBERS);
        assertThat(last.get("queued").asLong()).isEqualTo(SUBSCRIBERS);
        assertThat(app.database().count("SELECT count(*) FROM broadcast")).isEqualTo(1);
        assertThat(app.database().count("SELECT count(DISTINCT phone_hash) FROM sms_outbox WHERE broadcast_id IS NOT NULL"))
                .isEqualTo(SUBSCRIBERS);
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE broadcast_id IS NOT NULL"))
                .isEqualTo(SUBSCRIBERS);
    }

    @Test
    void a_broadcast_a_restart_left_half_queued_is_finished_without_queueing_anyone_twice() throws Exception {
        int code = Main.run(app::config, new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), "seed", "subscribers", "--district", "Huye", "--count",
                "2500");
        assertThat(code).isZero();
        // As a crash would leave it: the broadcast row, 1,000 of its 2,500 rows, enqueued_at still NULL.
        app.database().jdbi().useHandle(h -> {
            long id = h.createQuery("""
                    INSERT INTO broadcast (district_id, text, unicode, segments, recipients, price, cost, confirmation,
                                           created_by, created_at)
                    SELECT id, 'Huye: inama', false, 1, 2500, 15, 37500, 'crash-confirmation-0001', 'x', now()
                    FROM district WHERE name = 'Huye' RETURNING id""").mapTo(Long.class).one();
            h.createUpdate("""
                    INSERT INTO sms_outbox (phone_hash, phone_encrypted, text, cause, broadcast_id, next_attempt_at,
                                            created_at, updated_at)
                    SELECT phone_hash, phone_encrypted, 'Huye: inama', 'broadcast', :id, now(), now(), now()
                    FROM sms_subscriber s JOIN district d ON d.id = s.district_id WHERE d.name = 'Huye'
                    ORDER BY phone_hash LIMIT 1000""").bind("id", id).execute();
            h.createUpdate("UPDATE broadcast SET enqueued = 1000 WHERE id = :id").bind("id", id).execute();
        });
        BroadcastQueue queue = new BroadcastQueue(app.database().jdbi(), clock, () -> { });
        assertThat(queue.resumeUnfinished()).isEqualTo(1);
        for (int i = 0; i < 300 && app.database().count("SELECT count(*) FROM broadcast WHERE enqueued_at IS NULL") > 0;
                i++) {
            Thread.sleep(100);
        }
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE broadcast_id IS NOT NULL"))
                .isEqualTo(2500);
        assertThat(app.database().count("SELECT count(DISTINCT phone_hash) FROM sms_outbox WHERE broadcast_id IS NOT NULL"))
                .isEqualTo(2500);
        assertThat(app.database().count("SELECT enqueued FROM broadcast")).isEqualTo(2500);
    }

    private static JsonNode progress(Staff staff, String location) throws Exception {
        return new ObjectMapper().readTree(staff.get(location + "/progress").body());
    }
}
