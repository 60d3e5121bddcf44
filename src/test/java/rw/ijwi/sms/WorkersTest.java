package rw.ijwi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import rw.ijwi.testing.FakeAt;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** Ijwi as served: the workers pick up what the webhook stored, send it, and stop with the app. */
class WorkersTest {

    @Test
    void a_served_app_answers_a_text_by_itself_and_its_workers_stop_on_close() throws Exception {
        try (FakeAt at = new FakeAt()) {
            try (TestApp app = new TestApp(TestDatabase.fresh(), at.env())) {
                Texting.text(app, "+250788500001", "HELP");
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (at.accepted().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(at.accepted()).isEqualTo(Map.of("+250788500001", 1));
                assertThat(threads()).contains("ijwi-sms-inbound", "ijwi-sms-outbox");
            }
            assertThat(threads()).doesNotContain("ijwi-sms-inbound", "ijwi-sms-outbox");
            at.assertNoUnexpectedRequests();
        }
    }

    private static java.util.List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
