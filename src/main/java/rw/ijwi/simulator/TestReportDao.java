package rw.ijwi.simulator;

import java.time.OffsetDateTime;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The simulator's test reports (origin 'simulator', V29): kept out of every figure, listed here instead. */
@RegisterConstructorMapper(TestReportDao.TestReport.class)
public interface TestReportDao {

    /** A test report as its own author sees it: never the phone hash. */
    record TestReport(String ref, OffsetDateTime createdAt, String district, String sector, String service, String gap,
            String comment, boolean repeatsEarlier) {
    }

    /** Test reports whose session id matches the pattern (one user's "sim-<id>-%"), newest first. */
    @SqlQuery("""
            SELECT r.ref, r.created_at, d.name AS district, s.name AS sector, r.service, r.gap, r.comment,
                   r.repeats_earlier
            FROM report r
            JOIN district d ON d.id = r.district_id
            LEFT JOIN sector s ON s.id = r.sector_id
            WHERE r.origin = 'simulator' AND r.session_id LIKE :sessions
            ORDER BY r.created_at DESC, r.id DESC
            LIMIT :limit""")
    List<TestReport> of(@Bind("sessions") String sessionPattern, @Bind("limit") int limit);
}
