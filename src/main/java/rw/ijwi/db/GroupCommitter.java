package rw.ijwi.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;

import rw.ijwi.config.SafeErrors;

/**
 * Group commit: request threads hand an item over and wait; one committer thread stores everything waiting (up
 * to a cap) with one store-this-batch call, so one transaction and one fsync serve the group, then answers each
 * caller with its result. A group the store refuses is stored again one item at a time, so an item that cannot
 * be stored fails alone, unless the refusal says that would only fail again. Knows nothing of what the items are.
 *
 * @param <T> what callers hand over
 * @param <R> what each caller gets back once its item is committed
 */
public final class GroupCommitter<T, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    /** Stores a batch in one transaction and returns the result of each item, in order. */
    @FunctionalInterface
    public interface BatchStore<T, R> {
        List<R> storeAll(List<T> batch);
    }

    /**
     * How one kind of item is committed.
     *
     * @param name             what is committed, for the logs and the errors ("report", "SMS")
     * @param items            what a group holds, for the logs ("reports", "SMS callbacks")
     * @param storeAll         stores a batch in one transaction
     * @param storeOne         stores one item in a transaction of its own: before start (if directBeforeStart),
     *                         after close, and item by item when a batch is refused
     * @param failsAll         whether a refused batch of this size fails every item at once instead
     * @param cap              the most items one batch takes
     * @param maxWaitSeconds   how long a caller waits before giving up on a stuck committer
     * @param directBeforeStart whether items handed over before start are stored on the caller's thread
     *                         (otherwise they wait for the committer)
     * @param groupSize        records the size of each batch
     * @param waited           records how long each item waited for its answer, or null
     */
    public record Settings<T, R>(String name, String items, BatchStore<T, R> storeAll, Function<T, R> storeOne,
            BiPredicate<RuntimeException, Integer> failsAll, int cap, long maxWaitSeconds, boolean directBeforeStart,
            DistributionSummary groupSize, Timer waited) {
    }

    private record Pending<T, R>(T item, CompletableFuture<R> done, long queuedAt) {
    }

    private final Settings<T, R> settings;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    /** Queued by close() so that the committer sees it at once rather than at its next 200 ms poll. */
    private final Pending<T, R> wake = new Pending<>(null, null, 0);
    private boolean closed;
    private Thread committer;

    /**
     * Whether the failure is the database being unreachable (no connection), not a refused item: then storing the
     * items of a refused batch one by one would only fail again, slower.
     */
    public static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    public GroupCommitter(Settings<T, R> settings) {
        this.settings = settings;
    }

    /** Starts the committer thread; see directBeforeStart for what is handed over before. */
    public synchronized void start(String threadName) {
        if (committer == null && !closed) {
            committer = new Thread(this::run, threadName);
            committer.setDaemon(true);
            committer.start();
        }
    }

    /** Stores the item and returns its result once committed; throws what storing it threw. */
    public R submit(T item) {
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>(),
                settings.waited() == null ? 0 : System.nanoTime());
        boolean queued;
        synchronized (this) {
            // close() sets closed under this lock, so whatever was queued before is drained by it
            queued = !closed && (committer != null || !settings.directBeforeStart());
            if (queued) {
                queue.add(pending);
            }
        }
        if (!queued) {
            return settings.storeOne().apply(item);
        }
        long maxWait = settings.maxWaitSeconds();
        try {
            return pending.done().get(maxWait, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(settings.name() + " group commit failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(settings.name() + " group commit did not answer within " + maxWait + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + settings.name() + " group commit");
        }
    }

    /** Stops taking items, commits and answers those already handed over, then returns. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = committer;
        }
        queue.add(wake);
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending<T, R>> left = new ArrayList<>();
        queue.drainTo(left);
        left.removeIf(pending -> pending == wake);
        if (!left.isEmpty()) {
            commit(left); // never started: the caller's thread answers them
        }
    }

    /** How many items wait for the committer (tests wait for a group to be complete before releasing it). */
    public int waiting() {
        return queue.size();
    }

    private synchronized boolean closed() {
        return closed;
    }

    private void run() {
        int cap = settings.cap();
        List<Pending<T, R>> group = new ArrayList<>(cap);
        while (true) {
            Pending<T, R> first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null || first == wake) {
                if (closed() && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            group.add(first);
            queue.drainTo(group, cap - 1);
            group.removeIf(pending -> pending == wake);
            try {
                commit(group);
            } catch (Throwable unexpected) {
                group.forEach(pending -> answer(pending, null, unexpected)); // nobody is left waiting forever
                LOG.error("{} group commit failed: {}", settings.name(), SafeErrors.describe(unexpected));
            }
            group.clear();
            if (closed() && queue.isEmpty()) {
                return; // close() may have queued its wake into this group
            }
        }
    }

    private void commit(List<Pending<T, R>> group) {
        settings.groupSize().record(group.size());
        List<T> items = new ArrayList<>(group.size());
        for (Pending<T, R> pending : group) {
            items.add(pending.item());
        }
        List<R> results;
        try {
            results = settings.storeAll().storeAll(items);
        } catch (RuntimeException refused) {
            if (settings.failsAll().test(refused, group.size())) {
                group.forEach(pending -> answer(pending, null, refused));
                return;
            }
            LOG.warn("a group of {} {} was refused ({}); storing them one by one", group.size(), settings.items(),
                    SafeErrors.describe(refused));
            for (Pending<T, R> pending : group) {
                try {
                    answer(pending, settings.storeOne().apply(pending.item()), null);
                } catch (RuntimeException one) {
                    answer(pending, null, one);
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            answer(group.get(i), results.get(i), null);
        }
    }

    private void answer(Pending<T, R> pending, R result, Throwable failure) {
        if (pending.done().isDone()) {
            return;
        }
        if (settings.waited() != null) {
            settings.waited().record(System.nanoTime() - pending.queuedAt(), TimeUnit.NANOSECONDS);
        }
        if (failure == null) {
            pending.done().complete(result);
        } else {
            pending.done().completeExceptionally(failure);
        }
    }
}
