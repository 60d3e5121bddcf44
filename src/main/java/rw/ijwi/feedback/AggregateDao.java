package rw.ijwi.feedback;

import java.time.OffsetDateTime;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Counts of reports for a period by every pair the dashboard publishes, in one scan (GROUPING SETS; the 1-D
 * counts are their margins). Weeks are ISO weeks of Rwanda's calendar (Africa/Kigali), given by their Monday.
 */
@RegisterConstructorMapper(CubeRow.class)
public interface AggregateDao {

    @SqlQuery("""
            SELECT district_id, sector_id, service, gap, channel, week,
                   GROUPING(district_id, sector_id, service, gap, channel, week) AS grouping, count(*) AS count
            FROM report
            WHERE created_at >= :from AND created_at < :to
            GROUP BY GROUPING SETS (
                (district_id, sector_id), (district_id, service), (district_id, gap), (district_id, channel),
                (district_id, week), (service, gap), (service, channel), (service, week))""")
    List<CubeRow> cube(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    /** Streams the report rows of an export to the consumer inside one transaction (the cursor needs one). */
    @org.jdbi.v3.sqlobject.transaction.Transaction
    default void eachReport(OffsetDateTime from, OffsetDateTime to, String[] districts,
            java.util.function.Consumer<ReportRow> consumer) {
        try (var rows = reportsIn(from, to, districts)) {
            rows.forEach(consumer);
        }
    }

    /** Report rows for an export: never the phone hash. */
    @SqlQuery("""
            SELECT r.ref, r.created_at, r.channel, d.name AS district, s.name AS sector, r.service, r.gap, r.language,
                   r.comment, r.quote_consent
            FROM report r
            JOIN district d ON d.id = r.district_id
            LEFT JOIN sector s ON s.id = r.sector_id
            WHERE r.created_at >= :from AND r.created_at < :to AND d.name = ANY(:districts)
            ORDER BY r.created_at, r.id""")
    @RegisterConstructorMapper(ReportRow.class)
    @org.jdbi.v3.sqlobject.customizer.FetchSize(500)
    java.util.stream.Stream<ReportRow> reportsIn(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
            @Bind("districts") String[] districts);

    /** Approved, consented quotes of a district in the period, newest first. */
    @SqlQuery("""
            SELECT r.comment
            FROM report r
            JOIN district d ON d.id = r.district_id
            WHERE d.name = :district AND r.created_at >= :from AND r.created_at < :to
              AND r.quote_approved AND r.quote_consent AND r.comment IS NOT NULL
            ORDER BY r.created_at DESC
            LIMIT :limit""")
    List<String> approvedQuotes(@Bind("district") String district, @Bind("from") OffsetDateTime from,
            @Bind("to") OffsetDateTime to, @Bind("limit") int limit);

    /** End-of-session events in the period, grouped by outcome and last screen. */
    @SqlQuery("""
            SELECT status, last_screen, count(*) AS count
            FROM ussd_session
            WHERE received_at >= :from AND received_at < :to
            GROUP BY status, last_screen
            ORDER BY count DESC""")
    @RegisterConstructorMapper(SessionEnd.class)
    List<SessionEnd> sessionEnds(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    /** USSD sessions that ended one way on one screen. */
    record SessionEnd(String status, String lastScreen, long count) {
    }

    @SqlQuery("SELECT count(*) FROM report")
    long reports();
}
