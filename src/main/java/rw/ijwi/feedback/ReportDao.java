package rw.ijwi.feedback;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Stores, deletes and exports reports. */
@RegisterConstructorMapper(ReportRow.class)
public interface ReportDao {

    SecureRandom REFS = new SecureRandom();

    /**
     * Stores the report under a fresh 6-digit reference, unique among this number's reports (V32), and returns
     * it; a report already filed by the same USSD session (an AT retry of the last hop) is not stored again, and
     * its reference is returned instead. It is flagged as a repeat when the same number filed another in the 30
     * days before (V29). Random draws collide only with the caller's own codes; a caller whose codes are nearly
     * all taken gets the lowest free one after 20 draws, so filing fails only when all 900,000 are theirs.
     */
    default String file(NewReport report) {
        for (int attempt = 0; attempt <= 20; attempt++) {
            String ref = attempt < 20 ? String.valueOf(100_000 + REFS.nextInt(900_000))
                    : lowestFreeRef(report.phoneHash()).orElseThrow(() -> new IllegalStateException(
                            "this number holds all 900,000 report references"));
            Optional<String> stored = insert(ref, report, report.sessionId().orElse(null),
                    report.sectorId().orElse(null), report.comment().orElse(null));
            if (stored.isPresent()) {
                return stored.get();
            }
            if (report.sessionId().isPresent()) {
                Optional<String> earlier = refOfSession(report.sessionId().get());
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            // otherwise the reference was taken: draw another
        }
        throw new IllegalStateException("no free report reference for this number");
    }

    @SqlQuery("""
            SELECT g::text FROM generate_series(100000, 999999) g
            WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.phone_hash = :phoneHash AND r.ref = g::text)
            ORDER BY g LIMIT 1""")
    Optional<String> lowestFreeRef(@Bind("phoneHash") byte[] phoneHash);

    @SqlQuery("""
            INSERT INTO report (ref, channel, session_id, phone_hash, district_id, sector_id, service, gap, language,
                                comment, quote_consent, repeats_earlier)
            VALUES (:ref, :r.channel, :sessionId, :r.phoneHash, :r.districtId, :sectorId, :r.service, :r.gap,
                    :r.language, :comment, :r.quoteConsent,
                    EXISTS (SELECT 1 FROM report p
                            WHERE p.phone_hash = :r.phoneHash AND p.created_at > now() - interval '30 days'))
            ON CONFLICT DO NOTHING
            RETURNING ref""")
    Optional<String> insert(@Bind("ref") String ref, @BindMethods("r") NewReport report,
            @Bind("sessionId") String sessionId, @Bind("sectorId") Integer sectorId, @Bind("comment") String comment);

    @SqlQuery("SELECT ref FROM report WHERE session_id = :sessionId")
    Optional<String> refOfSession(@Bind("sessionId") String sessionId);

    /** Deletes the report with this reference if, and only if, it was filed from the same (hashed) number. */
    @SqlUpdate("DELETE FROM report WHERE ref = :ref AND phone_hash = :phoneHash")
    int deleteOwn(@Bind("ref") String ref, @Bind("phoneHash") byte[] phoneHash);

    @SqlQuery("SELECT count(*) FROM report")
    long count();
}
