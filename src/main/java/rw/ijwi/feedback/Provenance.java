package rw.ijwi.feedback;

import java.time.OffsetDateTime;
import java.util.List;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What exact readers are told about where a period's figures come from (V29): how many of the counted reports are
 * made-up demo reports, and how many repeat an earlier report from the same number within 30 days. Both are counts
 * for admins and for coordinators within their own districts; never which report, never a number or its hash.
 * Simulator reports are in no figure, so in neither count.
 */
public interface Provenance {

    /** Of the counted reports of a period and districts: demo (seeded) ones, and repeats of an earlier one. */
    record Notes(long demo, long repeats) {

        public boolean any() {
            return demo > 0 || repeats > 0;
        }
    }

    /**
     * A real deployment has no demo reports, and the partial index answers that at once; a demo database is counted
     * (about 0.2 s for a national year of 200,000 demo reports, 20-60 ms for a district's month).
     */
    default Notes notes(Period period, List<String> districts) {
        long demo = anyDemo() ? demo(period.start(), period.end(), districts) : 0;
        return new Notes(demo, repeats(period.start(), period.end(), districts));
    }

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM report WHERE origin = 'seed')")
    boolean anyDemo();

    @SqlQuery("""
            SELECT count(*) FROM report r JOIN district d ON d.id = r.district_id
            WHERE r.origin = 'seed' AND r.created_at >= :from AND r.created_at < :to AND d.name = ANY(:districts)""")
    long demo(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
            @Bind("districts") List<String> districts);

    @SqlQuery("""
            SELECT count(*) FROM report r JOIN district d ON d.id = r.district_id
            WHERE r.repeats_earlier AND r.origin <> 'simulator' AND r.created_at >= :from AND r.created_at < :to
              AND d.name = ANY(:districts)""")
    long repeats(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
            @Bind("districts") List<String> districts);
}
