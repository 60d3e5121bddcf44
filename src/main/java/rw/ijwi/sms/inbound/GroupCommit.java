package rw.ijwi.sms.inbound;

import java.util.Collections;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import rw.ijwi.db.GroupCommitter;

/**
 * Group commit for inbound SMS: each callback thread hands its message over and waits; one committer thread
 * stores everything waiting (up to a cap) in one transaction, so one fsync serves the group, then answers them
 * all. The durability promise is unchanged: receive returns only once the message is committed or spooled.
 * Knows nothing of HTTP or of the provider.
 */
public final class GroupCommit implements AutoCloseable {

    /** Far beyond any commit (AT gives up after 10 s); only a stuck committer reaches it, and the answer is a 500. */
    private static final long MAX_WAIT_SECONDS = 30;

    private final GroupCommitter<InboundSms, Void> commits;

    public GroupCommit(DurableReceiver receiver, int cap, MeterRegistry registry) {
        // One refused row must not fail the others: each again in a transaction of its own, unless the spool
        // is full, where storing them one by one would only fail again.
        this.commits = new GroupCommitter<>(new GroupCommitter.Settings<InboundSms, Void>("SMS", "SMS callbacks",
                messages -> {
                    receiver.receiveAll(messages);
                    return Collections.nCopies(messages.size(), null);
                },
                message -> {
                    receiver.receive(message);
                    return null;
                },
                (refused, size) -> refused instanceof Spool.Full, cap, MAX_WAIT_SECONDS, false,
                DistributionSummary.builder("ijwi.sms.group.callbacks")
                        .description("inbound SMS callbacks stored per commit").register(registry),
                Timer.builder("ijwi.sms.group.wait")
                        .description("time an inbound SMS callback waits for its group to commit").register(registry)));
    }

    /** Starts the committer; messages handed over before this wait for it. */
    public void start() {
        commits.start("ijwi-sms-commit");
    }

    /**
     * Stores the message (or spools it) and returns once that is durable; throws what storing it threw
     * (Spool.Full when it can be neither). After close, stores it directly on the caller's thread.
     */
    public void receive(InboundSms message) {
        commits.submit(message);
    }

    /** Stops taking messages, commits those already handed over, and answers them, before returning. */
    @Override
    public void close() {
        commits.close();
    }

    /** How many messages wait for the committer (tests wait for a group to be complete before starting it). */
    int waiting() {
        return commits.waiting();
    }
}
