package rw.ijwi.sms.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Inbound SMS: stored once per provider id, then claimed by a worker and marked with what they came to. */
public interface InboundDao {

    /** A stored message waiting to be routed. */
    record Waiting(long id, byte[] phoneHash, byte[] replyTo, String text) {
    }

    /** A message ready to store: the number already hashed and encrypted. */
    record Arrival(String providerId, byte[] phoneHash, byte[] replyTo, String shortCode, String networkCode,
            String text, OffsetDateTime providerDate, String textAltered, String link) {
    }

    /**
     * Stores a group in one JDBC batch (call it inside a transaction): per arrival 1 when stored, 0 when a message
     * with that provider id was already there (before, or earlier in the group). Plain JDBC rather than @SqlBatch:
     * Jdbi's per-row argument lookup cost the committer more than the rest of the batch together.
     */
    static int[] storeAll(Connection connection, List<Arrival> arrivals, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sms_inbound (provider_id, phone_hash, reply_to, short_code, network_code, text,
                                         provider_date, received_at, text_altered, link_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (provider_id) DO NOTHING""")) {
            for (Arrival a : arrivals) {
                insert.setString(1, a.providerId());
                insert.setBytes(2, a.phoneHash());
                insert.setBytes(3, a.replyTo());
                insert.setString(4, a.shortCode());
                insert.setString(5, a.networkCode());
                insert.setString(6, a.text());
                if (a.providerDate() == null) {
                    insert.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setObject(7, a.providerDate());
                }
                insert.setObject(8, now);
                insert.setString(9, a.textAltered());
                insert.setString(10, a.link());
                insert.addBatch();
            }
            return insert.executeBatch();
        }
    }

    /** Returns 1 when stored, 0 when a message with that provider id was already there. */
    @SqlUpdate("""
            INSERT INTO sms_inbound (provider_id, phone_hash, reply_to, short_code, network_code, text, provider_date,
                                     received_at, text_altered, link_id)
            VALUES (:m.providerId, :hash, :replyTo, :m.to, :m.networkCode, :m.text, :m.date, :now, :m.textAltered,
                    :m.link)
            ON CONFLICT (provider_id) DO NOTHING""")
    int store(@BindMethods("m") InboundSms message, @Bind("hash") byte[] phoneHash, @Bind("replyTo") byte[] replyTo,
            @Bind("now") OffsetDateTime now);

    /** Claims waiting messages, oldest first, skipping those another worker holds. */
    @SqlQuery("""
            SELECT id, phone_hash, reply_to, text FROM sms_inbound
            WHERE processed_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
    @RegisterConstructorMapper(Waiting.class)
    List<Waiting> claim(@Bind("limit") int limit);

    /** The oldest waiting ids, without locking: the one-by-one path claims each again. */
    @SqlQuery("SELECT id FROM sms_inbound WHERE processed_at IS NULL ORDER BY id LIMIT :limit")
    List<Long> waitingIds(@Bind("limit") int limit);

    @SqlQuery("""
            SELECT id, phone_hash, reply_to, text FROM sms_inbound
            WHERE id = :id AND processed_at IS NULL FOR UPDATE SKIP LOCKED""")
    @RegisterConstructorMapper(Waiting.class)
    Optional<Waiting> claimOne(@Bind("id") long id);

    /** Marks a message done and forgets its reply address. */
    @SqlUpdate("""
            UPDATE sms_inbound SET processed_at = :now, outcome = :outcome, campaign_id = :campaign, reply_to = NULL
            WHERE id = :id""")
    void processed(@Bind("id") long id, @Bind("outcome") String outcome, @Bind("campaign") Long campaignId,
            @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT count(*) FROM sms_inbound WHERE processed_at IS NULL")
    long waiting();
}
