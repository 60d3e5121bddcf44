package rw.ijwi.ops;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rw.ijwi.config.SafeErrors;

/** Runs small clean-up chores on a schedule (expired sessions, old USSD free-text spans); a failure is logged, not fatal. */
public final class Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    /** One chore: a name for the log, and the work, which returns how many rows it removed. */
    public record Chore(String name, java.util.function.IntSupplier work) {
    }

    private final List<Chore> chores;
    private final Duration every;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ijwi-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    public Housekeeping(List<Chore> chores, Duration every) {
        this.chores = List.copyOf(chores);
        this.every = every;
    }

    public Housekeeping start() {
        scheduler.scheduleWithFixedDelay(this::runOnce, 1, every.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** Runs every chore once, now; returns rows removed in all. */
    public int runOnce() {
        int total = 0;
        for (Chore chore : chores) {
            try {
                int removed = chore.work().getAsInt();
                total += removed;
                if (removed > 0) {
                    LOG.info("housekeeping: {} removed {} rows", chore.name(), removed);
                }
            } catch (RuntimeException e) {
                LOG.warn("housekeeping: {} failed: {}", chore.name(), SafeErrors.describe(e));
            }
        }
        return total;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
