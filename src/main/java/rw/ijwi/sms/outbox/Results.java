package rw.ijwi.sms.outbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Jdbi;

/**
 * What became of each row of one outbox claim, gathered in memory and written in one statement (one round trip
 * per claim instead of one per message). Not thread-safe: filled by the thread that claimed.
 */
final class Results {

    private final List<Long> ids;
    private final List<String> states;
    private final List<String> messageIds;
    private final List<String> costs;
    private final List<String> errors;
    private final List<String> nextAttempts;
    private final List<Integer> uncounted;

    Results(int expected) {
        ids = new ArrayList<>(expected);
        states = new ArrayList<>(expected);
        messageIds = new ArrayList<>(expected);
        costs = new ArrayList<>(expected);
        errors = new ArrayList<>(expected);
        nextAttempts = new ArrayList<>(expected);
        uncounted = new ArrayList<>(expected);
    }

    void sent(OutboxDao.Claimed row, String messageId, String cost) {
        add(row, "sent", messageId, cost, null, null, 0);
    }

    void retryAt(OutboxDao.Claimed row, String error, OffsetDateTime next) {
        add(row, "queued", null, null, error, next.toString(), 0);
    }

    void failed(OutboxDao.Claimed row, String error) {
        add(row, "failed", null, null, error, null, 0);
    }

    /** Back to the queue until next, and the attempt does not count (the provider asked us to slow down). */
    void deferred(OutboxDao.Claimed row, String error, OffsetDateTime next) {
        add(row, "queued", null, null, error, next.toString(), 1);
    }

    /** Back to the queue untouched: the attempt does not count. */
    void putBack(OutboxDao.Claimed row, String error) {
        add(row, "queued", null, null, error, null, 1);
    }

    boolean anySent() {
        return states.contains("sent");
    }

    /** Writes every result, and any delivery report that overtook a send answer, in one transaction. */
    void write(Jdbi jdbi, OffsetDateTime now) {
        if (ids.isEmpty()) {
            return;
        }
        long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
        List<Long> sentIds = new ArrayList<>();
        List<String> sentMessageIds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (states.get(i).equals("sent") && messageIds.get(i) != null) {
                sentIds.add(ids.get(i));
                sentMessageIds.add(messageIds.get(i));
            }
        }
        jdbi.useTransaction(h -> {
            OutboxDao outbox = h.attach(OutboxDao.class);
            outbox.record(idArray, states.toArray(String[]::new), messageIds.toArray(String[]::new),
                    costs.toArray(String[]::new), errors.toArray(String[]::new), nextAttempts.toArray(String[]::new),
                    uncounted.stream().mapToInt(Integer::intValue).toArray(), now);
            if (!sentIds.isEmpty()) {
                outbox.catchUpDeliveries(sentIds.stream().mapToLong(Long::longValue).toArray(),
                        sentMessageIds.toArray(String[]::new));
            }
        });
    }

    private void add(OutboxDao.Claimed row, String state, String messageId, String cost, String error, String next,
            int notCounted) {
        ids.add(row.id());
        states.add(state);
        messageIds.add(messageId);
        costs.add(cost);
        errors.add(error);
        nextAttempts.add(next);
        uncounted.add(notCounted);
    }
}
