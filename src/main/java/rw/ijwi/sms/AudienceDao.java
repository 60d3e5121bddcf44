package rw.ijwi.sms;

import java.time.OffsetDateTime;
import java.util.List;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Who may receive SMS: opt-outs (by hash) and JOIN subscribers (hash plus the encrypted number). */
public interface AudienceDao {

    /** Per-district subscriber count, for the dashboard; never the numbers. */
    record DistrictCount(int districtId, long subscribers) {
    }

    @SqlUpdate("""
            INSERT INTO sms_opt_out (phone_hash, source, opted_out_at) VALUES (:hash, :source, :now)
            ON CONFLICT (phone_hash) DO NOTHING""")
    void optOut(@Bind("hash") byte[] phoneHash, @Bind("source") String source, @Bind("now") OffsetDateTime now);

    @SqlUpdate("DELETE FROM sms_opt_out WHERE phone_hash = :hash")
    void optIn(@Bind("hash") byte[] phoneHash);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM sms_opt_out WHERE phone_hash = :hash)")
    boolean optedOut(@Bind("hash") byte[] phoneHash);

    @SqlUpdate("""
            INSERT INTO sms_subscriber (phone_hash, district_id, phone_encrypted, language, subscribed_at)
            VALUES (:hash, :district, :encrypted, :language, :now)
            ON CONFLICT (phone_hash, district_id) DO UPDATE
                SET phone_encrypted = excluded.phone_encrypted, language = excluded.language, demo = false""")
    void subscribe(@Bind("hash") byte[] phoneHash, @Bind("district") int districtId,
            @Bind("encrypted") byte[] phoneEncrypted, @Bind("language") String language,
            @Bind("now") OffsetDateTime now);

    /** Deletes every subscription of the number, and with it the only stored copy of the number. */
    @SqlUpdate("DELETE FROM sms_subscriber WHERE phone_hash = :hash")
    int unsubscribeAll(@Bind("hash") byte[] phoneHash);

    /** Cancels what is waiting for the number; the sender checks opt-outs again at send time anyway. */
    @SqlUpdate("""
            UPDATE sms_outbox SET state = 'skipped', last_error = 'opted_out', phone_encrypted = NULL, updated_at = :now
            WHERE phone_hash = :hash AND state = 'queued'""")
    int cancelQueued(@Bind("hash") byte[] phoneHash, @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT district_id, count(*) AS subscribers FROM sms_subscriber GROUP BY district_id ORDER BY district_id")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(DistrictCount.class)
    List<DistrictCount> subscribersByDistrict();

    /** Opts the number out of everything: no SMS from now on, the stored number deleted. */
    default void stopAll(byte[] phoneHash, String source, OffsetDateTime now) {
        optOut(phoneHash, source, now);
        unsubscribeAll(phoneHash);
        cancelQueued(phoneHash, now);
    }
}
