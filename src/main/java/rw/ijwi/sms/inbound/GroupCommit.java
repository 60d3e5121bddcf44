package rw.ijwi.sms.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import rw.ijwi.config.SafeErrors;

/**
 * Group commit for inbound SMS: each callback thread hands its message over and waits; one committer thread
 * stores everything waiting (up to a cap) in one transaction, so one fsync serves the group, then answers them
 * all. The durability promise is unchanged: receive returns only once the message is committed or spooled.
 * Knows nothing of HTTP or of the provider.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Far beyond any commit (AT gives up after 10 s); only a stuck committer reaches it, and the answer is a 500. */
    private static final long MAX_WAIT_SECONDS = 30;

    private record Pending(InboundSms message, CompletableFuture<Void> done, long queuedAt) {
    }

    private final DurableReceiver receiver;
    private final int cap;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary groupSize;
    private final Timer waited;
    private boolean closed;
    private Thread committer;

    public GroupCommit(DurableReceiver receiver, int cap, MeterRegistry registry) {
        this.receiver = receiver;
        this.cap = cap;
        this.groupSize = DistributionSummary.builder("ijwi.sms.group.callbacks")
                .description("inbound SMS callbacks stored per commit").register(registry);
        this.waited = Timer.builder("ijwi.sms.group.wait")
                .description("time an inbound SMS callback waits for its group to commit").register(registry);
    }

    /** Starts the committer; messages handed over before this wait for it. */
    public synchronized void start() {
        if (committer == null && !closed) {
            committer = new Thread(this::run, "ijwi-sms-commit");
            committer.setDaemon(true);
            committer.start();
        }
    }

    /**
     * Stores the message (or spools it) and returns once that is durable; throws what storing it threw
     * (Spool.Full when it can be neither). After close, stores it directly on the caller's thread.
     */
    public void receive(InboundSms message) {
        Pending pending = new Pending(message, new CompletableFuture<>(), System.nanoTime());
        boolean queued;
        synchronized (this) {
            queued = !closed; // close() sets it under this lock, so whatever was queued before is drained by it
            if (queued) {
                queue.add(pending);
            }
        }
        if (!queued) {
            receiver.receive(message);
            return;
        }
        try {
            pending.done().get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("group commit failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("group commit did not answer within " + MAX_WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the group commit");
        }
    }

    /** Stops taking messages, commits those already handed over, and answers them, before returning. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = committer;
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            commit(left); // never started: the caller's thread answers them
        }
    }

    /** How many messages wait for the committer (tests wait for a group to be complete before starting it). */
    int waiting() {
        return queue.size();
    }

    private synchronized boolean closed() {
        return closed;
    }

    private void run() {
        List<Pending> group = new ArrayList<>(cap);
        while (true) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (closed()) {
                    return;
                }
                continue;
            }
            group.add(first);
            queue.drainTo(group, cap - 1);
            try {
                commit(group);
            } catch (Throwable unexpected) {
                group.forEach(pending -> answer(pending, unexpected)); // nobody is left waiting forever
                LOG.error("SMS group commit failed: {}", SafeErrors.describe(unexpected));
            }
            group.clear();
        }
    }

    private void commit(List<Pending> group) {
        groupSize.record(group.size());
        List<InboundSms> messages = new ArrayList<>(group.size());
        for (Pending pending : group) {
            messages.add(pending.message());
        }
        try {
            receiver.receiveAll(messages);
            group.forEach(pending -> answer(pending, null));
        } catch (Spool.Full full) {
            group.forEach(pending -> answer(pending, full));
        } catch (RuntimeException refused) {
            // One refused row must not fail the others: each again in a transaction of its own.
            LOG.warn("a group of {} SMS callbacks was refused ({}); storing them one by one", group.size(),
                    SafeErrors.describe(refused));
            for (Pending pending : group) {
                try {
                    receiver.receive(pending.message());
                    answer(pending, null);
                } catch (RuntimeException one) {
                    answer(pending, one);
                }
            }
        }
    }

    private void answer(Pending pending, Throwable failure) {
        if (pending.done().isDone()) {
            return;
        }
        waited.record(System.nanoTime() - pending.queuedAt(), TimeUnit.NANOSECONDS);
        if (failure == null) {
            pending.done().complete(null);
        } else {
            pending.done().completeExceptionally(failure);
        }
    }
}
