package rw.ijwi.sms.outbox;

import java.time.OffsetDateTime;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The outbox of outbound SMS and what happened to each: claims, results, delivery reports, the reply limit. */
public interface OutboxDao {

    /**
     * A claimed row: 'sending' (send it now) or 'skipped' (opted out since it was queued); link is the provider's
     * reference of the inbound message it answers, when that message brought one.
     */
    record Claimed(long id, byte[] phoneHash, byte[] phoneEncrypted, String text, int attempts, String state,
            String link) {
    }

    @SqlUpdate("""
            INSERT INTO sms_outbox (phone_hash, phone_encrypted, text, cause, inbound_id, next_attempt_at, created_at,
                                    updated_at)
            VALUES (:hash, :encrypted, :text, :cause, :inbound, :now, :now, :now)""")
    void enqueue(@Bind("hash") byte[] phoneHash, @Bind("encrypted") byte[] phoneEncrypted, @Bind("text") String text,
            @Bind("cause") String cause, @Bind("inbound") Long inboundId, @Bind("now") OffsetDateTime now);

    /** True (and the slot taken) when the number had no reply in the last minute. */
    @SqlQuery("""
            INSERT INTO sms_reply_limit (phone_hash, last_reply_at) VALUES (:hash, :now)
            ON CONFLICT (phone_hash) DO UPDATE SET last_reply_at = excluded.last_reply_at
                WHERE sms_reply_limit.last_reply_at <= :cutoff
            RETURNING true""")
    List<Boolean> takeReplySlot(@Bind("hash") byte[] phoneHash, @Bind("now") OffsetDateTime now,
            @Bind("cutoff") OffsetDateTime cutoff);

    /**
     * Claims due rows, skipping rows other workers hold; in the same statement, rows whose number opted out are
     * marked skipped and lose their number, and the others move to 'sending' (committed before any send).
     */
    @SqlQuery("""
            WITH due AS (
                SELECT o.id, EXISTS (SELECT 1 FROM sms_opt_out x WHERE x.phone_hash = o.phone_hash) AS opted_out
                FROM sms_outbox o
                WHERE o.state = 'queued' AND o.next_attempt_at <= :now
                ORDER BY o.next_attempt_at, o.id LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            UPDATE sms_outbox o SET
                state = CASE WHEN due.opted_out THEN 'skipped' ELSE 'sending' END,
                attempts = o.attempts + CASE WHEN due.opted_out THEN 0 ELSE 1 END,
                last_error = CASE WHEN due.opted_out THEN 'opted_out' ELSE o.last_error END,
                phone_encrypted = CASE WHEN due.opted_out THEN NULL ELSE o.phone_encrypted END,
                updated_at = :now
            FROM due WHERE o.id = due.id
            RETURNING o.id, o.phone_hash, o.phone_encrypted, o.text, o.attempts, o.state,
                (SELECT i.link_id FROM sms_inbound i WHERE i.id = o.inbound_id) AS link""")
    @RegisterConstructorMapper(Claimed.class)
    List<Claimed> claim(@Bind("limit") int limit, @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE sms_outbox SET state = 'sent', provider_message_id = :messageId, cost = :cost, sent_at = :now,
                updated_at = :now, phone_encrypted = NULL, last_error = NULL
            WHERE id = :id AND state = 'sending'""")
    int markSent(@Bind("id") long id, @Bind("messageId") String messageId, @Bind("cost") String cost,
            @Bind("now") OffsetDateTime now);

    /**
     * Writes the results of one claim in one statement: row i gets state[i] ('sent', 'queued' or 'failed'), with
     * the message id and cost when sent, the error otherwise, next_attempt_at[i] when retried later, and
     * attempts lowered by uncounted[i] (1 when put back untouched). Rows no longer 'sending' are left alone.
     * The number is kept only by rows that go back to the queue.
     */
    @SqlUpdate("""
            UPDATE sms_outbox o SET
                state = r.state,
                attempts = o.attempts - r.uncounted,
                provider_message_id = CASE WHEN r.state = 'sent' THEN r.message_id ELSE o.provider_message_id END,
                cost = CASE WHEN r.state = 'sent' THEN r.cost ELSE o.cost END,
                sent_at = CASE WHEN r.state = 'sent' THEN :now ELSE o.sent_at END,
                next_attempt_at = coalesce(r.next_attempt_at, o.next_attempt_at),
                last_error = r.error,
                phone_encrypted = CASE WHEN r.state = 'queued' THEN o.phone_encrypted END,
                updated_at = :now
            FROM unnest(:ids::bigint[], :states::text[], :messageIds::text[], :costs::text[], :errors::text[],
                        :nextAttempts::timestamptz[], :uncounted::int[])
                AS r(id, state, message_id, cost, error, next_attempt_at, uncounted)
            WHERE o.id = r.id AND o.state = 'sending'""")
    int record(@Bind("ids") long[] ids, @Bind("states") String[] states, @Bind("messageIds") String[] messageIds,
            @Bind("costs") String[] costs, @Bind("errors") String[] errors,
            @Bind("nextAttempts") String[] nextAttempts, @Bind("uncounted") int[] uncounted,
            @Bind("now") OffsetDateTime now);

    /** As catchUpDelivery, for every row of a claim just recorded as sent. */
    @SqlUpdate("""
            UPDATE sms_outbox o SET delivery_status = r.status, delivery_rank = r.rank,
                failure_reason = coalesce(r.failure_reason, o.failure_reason)
            FROM (SELECT DISTINCT ON (provider_message_id) provider_message_id, status, rank, failure_reason
                  FROM sms_delivery_report WHERE provider_message_id = ANY(:messageIds::text[])
                  ORDER BY provider_message_id, rank DESC, received_at DESC) r
            WHERE o.id = ANY(:ids::bigint[]) AND o.provider_message_id = r.provider_message_id
              AND (o.delivery_status IS NULL OR o.delivery_rank < r.rank)""")
    int catchUpDeliveries(@Bind("ids") long[] ids, @Bind("messageIds") String[] messageIds);

    /** Applies the furthest report that came in before the message id was recorded. */
    @SqlUpdate("""
            UPDATE sms_outbox o SET delivery_status = r.status, delivery_rank = r.rank,
                failure_reason = coalesce(r.failure_reason, o.failure_reason)
            FROM (SELECT status, rank, failure_reason FROM sms_delivery_report WHERE provider_message_id = :messageId
                  ORDER BY rank DESC, received_at DESC LIMIT 1) r
            WHERE o.id = :id AND (o.delivery_status IS NULL OR o.delivery_rank < r.rank)""")
    int catchUpDelivery(@Bind("id") long id, @Bind("messageId") String messageId);

    default void sent(long id, String messageId, String cost, OffsetDateTime now) {
        if (markSent(id, messageId, cost, now) == 1 && messageId != null) {
            catchUpDelivery(id, messageId);
        }
    }

    @SqlUpdate("""
            UPDATE sms_outbox SET state = 'queued', next_attempt_at = :next, last_error = :error, updated_at = :now
            WHERE id = :id AND state = 'sending'""")
    int retryLater(@Bind("id") long id, @Bind("next") OffsetDateTime next, @Bind("error") String error,
            @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE sms_outbox SET state = 'failed', last_error = :error, updated_at = :now, phone_encrypted = NULL
            WHERE id = :id AND state = 'sending'""")
    int failed(@Bind("id") long id, @Bind("error") String error, @Bind("now") OffsetDateTime now);

    /** Puts rows back untouched (the attempt did not count): sending is paused until the account is fixed. */
    @SqlUpdate("""
            UPDATE sms_outbox SET state = 'queued', attempts = attempts - 1, last_error = :error, updated_at = :now
            WHERE id = :id AND state = 'sending'""")
    int putBack(@Bind("id") long id, @Bind("error") String error, @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT count(*) FROM sms_outbox WHERE state = 'queued'")
    long queued();

    /** kind is 'no_credit' or 'held'; raising it again keeps the first time. */
    @SqlUpdate("INSERT INTO sms_account_notice (kind, since) VALUES (:kind, :now) ON CONFLICT (kind) DO NOTHING")
    void raiseNotice(@Bind("kind") String kind, @Bind("now") OffsetDateTime now);

    @SqlUpdate("DELETE FROM sms_account_notice")
    void clearNotices();

    /** The account notices up now, oldest first. */
    @SqlQuery("SELECT kind FROM sms_account_notice ORDER BY since, kind")
    List<String> notices();

    /** Returns 1 when this (message id, status) is new. */
    @SqlUpdate("""
            INSERT INTO sms_delivery_report (provider_message_id, status, rank, failure_reason, network_code, received_at)
            VALUES (:r.messageId, :r.status, :r.rank, :r.failureReason, :r.networkCode, :now)
            ON CONFLICT (provider_message_id, status) DO NOTHING""")
    int recordReport(@BindMethods("r") DeliveryReport report, @Bind("now") OffsetDateTime now);

    /** Moves the message's delivery status forward only; an unknown word (rank 0) only fills an empty status. */
    @SqlUpdate("""
            UPDATE sms_outbox SET delivery_status = :r.status, delivery_rank = :r.rank,
                failure_reason = coalesce(:r.failureReason, failure_reason), updated_at = :now
            WHERE provider_message_id = :r.messageId
              AND (delivery_status IS NULL OR delivery_rank < :r.rank)""")
    int advanceDelivery(@BindMethods("r") DeliveryReport report, @Bind("now") OffsetDateTime now);

    default void delivered(DeliveryReport report, OffsetDateTime now) {
        if (recordReport(report, now) == 1) {
            advanceDelivery(report, now);
        }
    }
}
