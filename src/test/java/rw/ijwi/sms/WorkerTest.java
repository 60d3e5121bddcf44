package rw.ijwi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The background loop: fuller batches during a stream of work, at once again after a full one. */
class WorkerTest {

    @Test
    void after_a_step_smaller_than_a_full_batch_the_worker_lets_work_gather_even_when_woken() throws Exception {
        List<Long> calls = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        Worker worker = new Worker("test-gather", () -> {
            calls.add(System.nanoTime());
            three.countDown();
            return calls.size() <= 3 ? 1 : 0;
        }, 60_000, 100, 200);
        worker.start();
        for (int i = 0; i < 20; i++) {
            worker.wake();
            Thread.sleep(10);
        }
        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        worker.stop();
        assertThat(TimeUnit.NANOSECONDS.toMillis(calls.get(1) - calls.get(0))).isGreaterThanOrEqualTo(200);
        assertThat(TimeUnit.NANOSECONDS.toMillis(calls.get(2) - calls.get(1))).isGreaterThanOrEqualTo(200);
    }

    @Test
    void after_a_full_batch_the_worker_steps_again_without_waiting_for_a_wake_up() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        CountDownLatch fourth = new CountDownLatch(4);
        // Full batches of 100, then nothing: with an idle interval of a minute and nobody waking it, only the
        // loop's own "at once again" can reach the fourth step.
        Worker worker = new Worker("test-full", () -> {
            fourth.countDown();
            return steps.incrementAndGet() <= 3 ? 100 : 0;
        }, 60_000, 100, 60_000);
        worker.start();
        assertThat(fourth.await(10, TimeUnit.SECONDS)).isTrue();
        worker.stop();
        assertThat(steps.get()).isEqualTo(4);
    }
}
