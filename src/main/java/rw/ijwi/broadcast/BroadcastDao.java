package rw.ijwi.broadcast;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Broadcasts, their audience (JOIN subscribers who did not opt out) and how their outbox rows are doing. */
public interface BroadcastDao {

    /**
     * One subscriber a broadcast goes to: the keyed hash, the encrypted number, the language they joined in, and
     * whether it is a made-up demo subscriber (`ijwi seed subscribers`).
     */
    record Recipient(byte[] phoneHash, byte[] phoneEncrypted, String language, boolean demo) {
    }

    /** A broadcast as stored, with its district's name; texts (JSON, by language) when it was worded per language. */
    record Sent(long id, String district, Long commitmentId, String text, String texts, boolean unicode, int segments,
            int recipients, BigDecimal price, BigDecimal cost, String createdBy, OffsetDateTime createdAt) {
    }

    /** How many outbox rows of a broadcast are in one state (and delivery status, when known). */
    record StateCount(String state, String deliveryStatus, long count) {
    }

    String SELECT = """
            SELECT b.id, d.name AS district, b.commitment_id, b.text, b.texts::text AS texts, b.unicode, b.segments,
                   b.recipients, b.price, b.cost, b.created_by, b.created_at
            FROM broadcast b JOIN district d ON d.id = b.district_id
            """;

    /** The district's subscribers that may receive SMS, in a fixed order (the preview's fingerprint needs one). */
    @SqlQuery("""
            SELECT s.phone_hash, s.phone_encrypted, s.language, s.demo FROM sms_subscriber s
            WHERE s.district_id = :district
              AND NOT EXISTS (SELECT 1 FROM sms_opt_out x WHERE x.phone_hash = s.phone_hash)
            ORDER BY s.phone_hash""")
    @RegisterConstructorMapper(Recipient.class)
    List<Recipient> audience(@Bind("district") int districtId);

    /** The new broadcast's id, or nothing when this confirmation was already used. */
    @SqlQuery("""
            INSERT INTO broadcast (district_id, commitment_id, text, texts, unicode, segments, recipients, price, cost,
                                   confirmation, created_by, created_at)
            VALUES (:district, :commitment, :text, CAST(:texts AS jsonb), :unicode, :segments, :recipients, :price,
                    :cost, :confirmation, :by, :now)
            ON CONFLICT (confirmation) DO NOTHING
            RETURNING id""")
    Optional<Long> insert(@Bind("district") int districtId, @Bind("commitment") Long commitmentId,
            @Bind("text") String text, @Bind("texts") String texts, @Bind("unicode") boolean unicode,
            @Bind("segments") int segments,
            @Bind("recipients") int recipients, @Bind("price") BigDecimal price, @Bind("cost") BigDecimal cost,
            @Bind("confirmation") String confirmation, @Bind("by") String createdBy, @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT id FROM broadcast WHERE confirmation = :confirmation")
    Optional<Long> byConfirmation(@Bind("confirmation") String confirmation);

    /** Rows per JDBC batch when a broadcast fills the outbox; one batch of 100,000 held every binding in heap. */
    int ENQUEUE_BATCH = 1_000;

    /**
     * One outbox row per recipient, each with the text of its language (or the one text), written in the
     * broadcast's transaction in batches of ENQUEUE_BATCH.
     */
    default void enqueue(List<Recipient> recipients, Function<Recipient, String> textOf, long broadcastId,
            OffsetDateTime now) {
        for (int from = 0; from < recipients.size(); from += ENQUEUE_BATCH) {
            List<Recipient> batch = recipients.subList(from, Math.min(from + ENQUEUE_BATCH, recipients.size()));
            enqueueBatch(batch, batch.stream().map(textOf).toList(), broadcastId, now);
        }
    }

    /** Recipients and texts go in step, one row each. */
    @SqlBatch("""
            INSERT INTO sms_outbox (phone_hash, phone_encrypted, text, cause, broadcast_id, next_attempt_at, created_at,
                                    updated_at)
            VALUES (:r.phoneHash, :r.phoneEncrypted, :text, 'broadcast', :broadcast, :now, :now, :now)""")
    void enqueueBatch(@BindMethods("r") List<Recipient> recipients, @Bind("text") List<String> texts,
            @Bind("broadcast") long broadcastId, @Bind("now") OffsetDateTime now);

    @SqlQuery(SELECT + "WHERE b.id = :id")
    @RegisterConstructorMapper(Sent.class)
    Optional<Sent> find(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE d.name = ANY(:districts) ORDER BY b.created_at DESC, b.id DESC LIMIT :limit")
    @RegisterConstructorMapper(Sent.class)
    List<Sent> latest(@Bind("districts") List<String> districts, @Bind("limit") int limit);

    @SqlQuery("""
            SELECT state, delivery_status, count(*) AS count FROM sms_outbox WHERE broadcast_id = :id
            GROUP BY state, delivery_status ORDER BY state, delivery_status""")
    @RegisterConstructorMapper(StateCount.class)
    List<StateCount> progress(@Bind("id") long broadcastId);

    /** How far the background job has filled the outbox (filling: it has not finished). */
    record Queueing(long enqueued, long recipients, boolean filling) {
    }

    @SqlQuery("SELECT enqueued, recipients, enqueued_at IS NULL AS filling FROM broadcast WHERE id = :id")
    @RegisterConstructorMapper(Queueing.class)
    Queueing queueing(@Bind("id") long broadcastId);
}
