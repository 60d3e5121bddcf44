package rw.ijwi.feedback;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import rw.ijwi.db.GroupCommitter;
import rw.ijwi.db.Transactions;

/**
 * Group commit for reports: the USSD hops that file a report at one moment hand it over and wait; one committer
 * stores all that are waiting in one transaction, so one fsync serves the group, and each hop is answered with
 * its reference only after that commit. A group the database refuses is stored again one report per
 * transaction, so a report that cannot be stored fails alone. The rules of ReportDao.file hold inside a group:
 * an AT retry of the same session gets the first reference, and a repeat sees the earlier report of its group.
 */
public final class ReportCommits implements AutoCloseable {

    /** AT gives up on a hop after 10 s; only a stuck committer reaches this, and the hop falls back. */
    private static final long MAX_WAIT_SECONDS = 9;

    /** Stores a group of reports in one transaction, returning their references in order (tests replace it). */
    @FunctionalInterface
    interface GroupStore extends GroupCommitter.BatchStore<NewReport, String> {
    }

    private final GroupCommitter<NewReport, String> commits;

    public ReportCommits(DataSource dataSource, ReportDao single, int cap, MeterRegistry registry) {
        this(single, group -> storeAll(dataSource, group), cap, registry, MAX_WAIT_SECONDS);
    }

    /** Tests hold the committer on purpose, for longer than a hop may wait. */
    ReportCommits(ReportDao single, GroupStore store, int cap, MeterRegistry registry, long maxWaitSeconds) {
        // Alone, or the database is away: storing them one by one would only fail again, slower.
        this.commits = new GroupCommitter<>(new GroupCommitter.Settings<>("report", "reports", store, single::file,
                (refused, size) -> size == 1 || GroupCommitter.unreachable(refused), cap, maxWaitSeconds, true,
                DistributionSummary.builder("ijwi.reports.group").description("reports stored per commit")
                        .register(registry), null));
    }

    /** Starts the committer; until then (and after close) each report is filed on its caller's thread. */
    public void start() {
        commits.start("ijwi-report-commit");
    }

    /** Stores the report and returns its reference once committed; throws what storing it threw. */
    public String file(NewReport report) {
        return commits.submit(report);
    }

    /** Stops taking reports, commits and answers those already handed over, then returns. */
    @Override
    public void close() {
        commits.close();
    }

    /** How many reports wait for the committer (tests wait for a group to be complete before releasing it). */
    int waiting() {
        return commits.waiting();
    }

    /** ReportDao.file for each report, on one connection in one transaction: one commit, one fsync. */
    static List<String> storeAll(DataSource dataSource, List<NewReport> group) {
        return Transactions.inOne(dataSource, "storing a group of reports", c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT);
                    PreparedStatement earlier = c.prepareStatement("SELECT ref FROM report WHERE session_id = ?")) {
                List<String> refs = new ArrayList<>(group.size());
                for (NewReport report : group) {
                    refs.add(fileOne(insert, earlier, report));
                }
                return refs;
            }
        });
    }

    private static final String INSERT = """
            INSERT INTO report (ref, channel, session_id, phone_hash, district_id, sector_id, service, gap, language,
                                comment, quote_consent, repeats_earlier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    EXISTS (SELECT 1 FROM report p WHERE p.phone_hash = ? AND p.created_at > now() - interval '30 days'))
            ON CONFLICT DO NOTHING
            RETURNING ref""";

    private static String fileOne(PreparedStatement insert, PreparedStatement earlier, NewReport r) throws SQLException {
        for (int attempt = 0; attempt < 20; attempt++) {
            String ref = String.valueOf(100_000 + ReportDao.REFS.nextInt(900_000));
            insert.setString(1, ref);
            insert.setString(2, r.channel());
            insert.setString(3, r.sessionId().orElse(null));
            insert.setBytes(4, r.phoneHash());
            insert.setInt(5, r.districtId());
            if (r.sectorId().isPresent()) {
                insert.setInt(6, r.sectorId().get());
            } else {
                insert.setNull(6, Types.INTEGER);
            }
            insert.setString(7, r.service());
            insert.setString(8, r.gap());
            insert.setString(9, r.language());
            insert.setString(10, r.comment().orElse(null));
            insert.setBoolean(11, r.quoteConsent());
            insert.setBytes(12, r.phoneHash());
            try (ResultSet rs = insert.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
            if (r.sessionId().isPresent()) {
                earlier.setString(1, r.sessionId().get());
                try (ResultSet rs = earlier.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
        }
        throw new IllegalStateException("no free report reference after 20 draws: widen the reference");
    }
}
