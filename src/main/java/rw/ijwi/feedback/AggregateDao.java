package rw.ijwi.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Counts of reports for a period by every pair the dashboard publishes (the 1-D counts are their margins), read from
 * the roll-ups of V26 plus the deltas not folded into them yet, so they are exact at once. Weeks are ISO weeks of
 * Rwanda's calendar (Africa/Kigali), given by their Monday.
 */
@RegisterConstructorMapper(CubeRow.class)
public interface AggregateDao {

    /**
     * The cube of a period: the same rows as {@link #scan} (counts of zero left out), from some 14,000 roll-up rows
     * for a year. The planner cannot tell how many rows the spans match, and would sort them all by their text keys
     * to add them up; hashing them is a third faster, hence sorting is turned off for this transaction only.
     */
    @Transaction
    default List<CubeRow> cube(Period period) {
        hashRatherThanSort();
        List<Spans.Span> runs = Spans.of(period, false);
        List<Spans.Span> weeks = Spans.of(period, true);
        return rollups(Spans.firstDays(runs), Spans.lengths(runs), Spans.firstDays(weeks), Spans.lengths(weeks),
                period.from(), period.to());
    }

    @SqlUpdate("SET LOCAL enable_sort = off")
    void hashRatherThanSort();

    @SqlQuery("""
            SELECT district_id, sector_id, service, gap, channel, week, grouping, sum(n) AS count
            FROM (
                SELECT r.district_id, r.sector_id, r.service, r.gap, r.channel, NULL::date AS week,
                       r.grouping_set AS grouping, r.n
                FROM unnest(:runFirstDays, :runLengths) AS s(first_day, days)
                JOIN report_rollup r ON r.first_day = DATE '1970-01-01' + s.first_day AND r.days = s.days
                WHERE r.grouping_set IN (15, 23, 27, 29, 51, 53)
                UNION ALL
                SELECT r.district_id, r.sector_id, r.service, r.gap, r.channel,
                       date_trunc('week', r.first_day)::date, r.grouping_set, r.n
                FROM unnest(:weekFirstDays, :weekLengths) AS s(first_day, days)
                JOIN report_rollup r ON r.first_day = DATE '1970-01-01' + s.first_day AND r.days = s.days
                WHERE r.grouping_set IN (30, 54)
                UNION ALL
                SELECT district_id, sector_id, service, gap, channel, week,
                       GROUPING(district_id, sector_id, service, gap, channel, week), sum(n)::integer
                FROM (SELECT p.*, date_trunc('week', p.day)::date AS week
                      FROM report_rollup_pending p WHERE p.day BETWEEN :from AND :to) p
                GROUP BY GROUPING SETS (
                    (district_id, sector_id), (district_id, service), (district_id, gap), (district_id, channel),
                    (district_id, week), (service, gap), (service, channel), (service, week))
            ) counts
            GROUP BY district_id, sector_id, service, gap, channel, week, grouping
            HAVING sum(n) <> 0""")
    List<CubeRow> rollups(@Bind("runFirstDays") int[] runFirstDays, @Bind("runLengths") int[] runLengths,
            @Bind("weekFirstDays") int[] weekFirstDays, @Bind("weekLengths") int[] weekLengths,
            @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /**
     * The reference the roll-ups must agree with: one scan of the period's reports (tests compare the two). Like the
     * roll-ups (V29), it leaves out the simulator's reports.
     */
    @SqlQuery("""
            SELECT district_id, sector_id, service, gap, channel, week,
                   GROUPING(district_id, sector_id, service, gap, channel, week) AS grouping, count(*) AS count
            FROM report
            WHERE created_at >= :from AND created_at < :to AND origin <> 'simulator'
            GROUP BY GROUPING SETS (
                (district_id, sector_id), (district_id, service), (district_id, gap), (district_id, channel),
                (district_id, week), (service, gap), (service, channel), (service, week))""")
    List<CubeRow> scan(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    /** Moves the pending deltas into the roll-ups; returns how many roll-up rows changed. */
    @SqlQuery("SELECT fold_report_rollups()")
    long fold();

    /** Gives back the space of folded deltas (autovacuum would too, later); not inside a transaction. */
    @SqlUpdate("VACUUM report_rollup_pending")
    void vacuumPending();

    /** Streams the report rows of an export to the consumer inside one transaction (the cursor needs one). */
    @Transaction
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
              AND r.origin <> 'simulator'
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
              AND r.quote_approved AND r.quote_consent AND r.comment IS NOT NULL AND r.origin <> 'simulator'
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

    /** All reports stored: the smallest set (service x channel) over spans covering every bucket, and what is pending. */
    default long reports() {
        DayRange range = rollupRange();
        if (range.first() == null) {
            return pendingReports();
        }
        List<Spans.Span> spans = Spans.of(new Period(range.first(), range.last()), false);
        return pendingReports() + serviceByChannelTotal(Spans.firstDays(spans), Spans.lengths(spans));
    }

    /** The first and last day a roll-up bucket starts on: every day counted lies between (null when none). */
    record DayRange(LocalDate first, LocalDate last) {
    }

    @SqlQuery("SELECT min(first_day) AS first, max(first_day) AS last FROM report_rollup")
    @RegisterConstructorMapper(DayRange.class)
    DayRange rollupRange();

    @SqlQuery("SELECT coalesce(sum(n), 0) FROM report_rollup_pending")
    long pendingReports();

    @SqlQuery("""
            SELECT coalesce(sum(r.n), 0)
            FROM unnest(:firstDays, :lengths) AS s(first_day, days)
            JOIN report_rollup r ON r.first_day = DATE '1970-01-01' + s.first_day AND r.days = s.days
            WHERE r.grouping_set = 53""")
    long serviceByChannelTotal(@Bind("firstDays") int[] firstDays, @Bind("lengths") int[] lengths);
}
