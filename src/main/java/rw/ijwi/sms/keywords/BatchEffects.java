package rw.ijwi.sms.keywords;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import rw.ijwi.gsm.Gsm7;
import rw.ijwi.sms.AudienceDao;
import rw.ijwi.sms.inbound.InboundDao;

/**
 * What routing a claimed batch of inbound SMS reads and writes besides the keywords' and polls' own statements,
 * done for the whole batch at once (issue 15: the router keeps up with 5,000 messages a second): the numbers'
 * languages and opt-outs read with one statement each before routing, and after it one statement for the reply
 * slots, one batch for the replies and one for marking the messages processed, all in the batch's transaction.
 * Same results as one message after the other: a number that ran a keyword (STOP, JOIN) is read again live for
 * its later messages, and only a number's first reply in the batch can take its one-a-minute reply slot.
 */
final class BatchEffects {

    private record Reply(InboundDao.Waiting message, String text) {
    }

    private final Handle handle;
    private final Map<ByteBuffer, String> languages = new HashMap<>();
    private final Set<ByteBuffer> optedOut = new HashSet<>();
    /** Numbers a keyword ran for in this batch: their opt-out is read live from then on. */
    private final Set<ByteBuffer> touched = new HashSet<>();
    /** The first reply of each number, in the order of the messages. */
    private final Map<ByteBuffer, Reply> replies = new LinkedHashMap<>();
    private final List<Object[]> processed = new ArrayList<>();

    private BatchEffects(Handle handle) {
        this.handle = handle;
    }

    /** Reads the languages and opt-outs of the batch's numbers. */
    static BatchEffects load(Handle handle, List<InboundDao.Waiting> batch) {
        BatchEffects effects = new BatchEffects(handle);
        Set<ByteBuffer> numbers = new HashSet<>();
        batch.forEach(m -> numbers.add(ByteBuffer.wrap(m.phoneHash())));
        byte[][] hashes = numbers.stream().map(ByteBuffer::array).toArray(byte[][]::new);
        try {
            Connection c = handle.getConnection();
            Array array = c.createArrayOf("bytea", hashes);
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT phone_hash, language FROM phone_preference WHERE phone_hash = ANY (?)")) {
                select.setArray(1, array);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        effects.languages.put(ByteBuffer.wrap(rs.getBytes(1)), rs.getString(2));
                    }
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT phone_hash FROM sms_opt_out WHERE phone_hash = ANY (?)")) {
                select.setArray(1, array);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        effects.optedOut.add(ByteBuffer.wrap(rs.getBytes(1)));
                    }
                }
            }
            array.free();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the numbers of an inbound batch failed", e);
        }
        return effects;
    }

    Optional<String> language(byte[] phoneHash) {
        return Optional.ofNullable(languages.get(ByteBuffer.wrap(phoneHash)));
    }

    /** A keyword ran for this number (it may have opted it out or in). */
    void touched(byte[] phoneHash) {
        touched.add(ByteBuffer.wrap(phoneHash));
    }

    /** Notes the reply for sending once the batch is routed, unless the number opted out. */
    void reply(InboundDao.Waiting message, String text) {
        if (message.replyTo() == null) {
            return;
        }
        ByteBuffer number = ByteBuffer.wrap(message.phoneHash());
        boolean out = touched.contains(number) ? handle.attach(AudienceDao.class).optedOut(message.phoneHash())
                : optedOut.contains(number);
        if (!out) {
            replies.putIfAbsent(number, new Reply(message, text));
        }
    }

    void processed(InboundDao.Waiting message, String outcome, Long campaignId) {
        processed.add(new Object[] {message.id(), outcome, campaignId});
    }

    /** Takes the reply slots, queues the replies and marks the batch processed; returns the replies queued. */
    int write(OffsetDateTime now) {
        try {
            Connection c = handle.getConnection();
            int queued = 0;
            if (!replies.isEmpty()) {
                Set<ByteBuffer> slots = new HashSet<>();
                try (PreparedStatement take = c.prepareStatement("""
                        INSERT INTO sms_reply_limit (phone_hash, last_reply_at) SELECT h, ? FROM unnest(?) AS h
                        ON CONFLICT (phone_hash) DO UPDATE SET last_reply_at = excluded.last_reply_at
                            WHERE sms_reply_limit.last_reply_at <= ?
                        RETURNING phone_hash""")) {
                    take.setObject(1, now);
                    take.setArray(2, c.createArrayOf("bytea",
                            replies.keySet().stream().map(ByteBuffer::array).toArray(byte[][]::new)));
                    take.setObject(3, now.minusSeconds(60));
                    try (ResultSet rs = take.executeQuery()) {
                        while (rs.next()) {
                            slots.add(ByteBuffer.wrap(rs.getBytes(1)));
                        }
                    }
                }
                try (PreparedStatement enqueue = c.prepareStatement("""
                        INSERT INTO sms_outbox (phone_hash, phone_encrypted, text, cause, inbound_id, next_attempt_at,
                                                created_at, updated_at)
                        VALUES (?, ?, ?, 'reply', ?, ?, ?, ?)""")) {
                    for (Map.Entry<ByteBuffer, Reply> e : replies.entrySet()) {
                        if (!slots.contains(e.getKey())) {
                            continue;
                        }
                        InboundDao.Waiting m = e.getValue().message();
                        enqueue.setBytes(1, m.phoneHash());
                        enqueue.setBytes(2, m.replyTo());
                        enqueue.setString(3, Gsm7.normalise(e.getValue().text()));
                        enqueue.setLong(4, m.id());
                        enqueue.setObject(5, now);
                        enqueue.setObject(6, now);
                        enqueue.setObject(7, now);
                        enqueue.addBatch();
                        queued++;
                    }
                    if (queued > 0) {
                        enqueue.executeBatch();
                    }
                }
            }
            if (!processed.isEmpty()) {
                try (PreparedStatement mark = c.prepareStatement("""
                        UPDATE sms_inbound s SET processed_at = ?, outcome = u.outcome, campaign_id = u.campaign,
                                                 reply_to = NULL
                        FROM unnest(?, ?, ?) AS u(id, outcome, campaign) WHERE s.id = u.id""")) {
                    mark.setObject(1, now);
                    mark.setArray(2, c.createArrayOf("bigint", processed.stream().map(p -> (Long) p[0]).toArray(Long[]::new)));
                    mark.setArray(3, c.createArrayOf("text", processed.stream().map(p -> (String) p[1]).toArray(String[]::new)));
                    mark.setArray(4, c.createArrayOf("bigint", processed.stream().map(p -> (Long) p[2]).toArray(Long[]::new)));
                    mark.executeUpdate();
                }
            }
            return queued;
        } catch (SQLException e) {
            throw new IllegalStateException("writing an inbound batch's replies and outcomes failed", e);
        }
    }
}
