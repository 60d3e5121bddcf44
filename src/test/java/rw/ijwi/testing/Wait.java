package rw.ijwi.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests: for a condition the test depends on (never for a duration it assumes), and never without a
 * deadline, so a wait that would hang the build fails instead, naming what it waited for.
 */
public final class Wait {

    private Wait() {
    }

    /** Polls the condition every millisecond or two until it holds; fails after the deadline. */
    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("waited " + deadline.toSeconds() + " s for " + what + ", in vain");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
