package rw.ijwi.feedback;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rw.ijwi.config.SafeErrors;

/**
 * Folds the reports' pending deltas into the roll-ups every few seconds, so the summary reads few rows; counts are
 * exact without it (reads add what is pending), only slower as the backlog grows. Knows no counts itself.
 */
public final class RollupFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RollupFolder.class);
    private static final int FOLDS_PER_VACUUM = 30;

    private final AggregateDao dao;
    private final Duration every;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ijwi-rollup-folder");
        thread.setDaemon(true);
        return thread;
    });
    private int folds;
    private boolean failing;

    public RollupFolder(AggregateDao dao, Duration every) {
        this.dao = dao;
        this.every = every;
    }

    public RollupFolder start() {
        scheduler.scheduleWithFixedDelay(this::foldOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Folds once, now, and now and then gives back the pending table's dead rows; a failure is logged once. */
    public void foldOnce() {
        try {
            dao.fold();
            if (++folds % FOLDS_PER_VACUUM == 0) {
                dao.vacuumPending();
            }
            if (failing) {
                LOG.info("folding report roll-ups works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Every 2 s during a database outage would drown the log: say it when it starts, not each time.
            if (!failing) {
                LOG.warn("folding report roll-ups failed (counts stay exact, reads slow down): {}",
                        SafeErrors.describe(e));
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
