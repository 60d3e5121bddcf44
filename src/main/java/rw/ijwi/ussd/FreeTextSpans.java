package rw.ijwi.ussd;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import rw.ijwi.config.SafeErrors;
import rw.ijwi.db.GroupCommitter;
import rw.ijwi.db.Transactions;

/**
 * Where free-text answers start and end (ussd_free_text), over plain JDBC, the writes as group commits: the hops
 * that record a span at one moment share one transaction and one WAL flush, and each is answered only after it.
 * A span must be durable before its hop is answered (a restarted server replays a starred comment by it;
 * CrashSafetyTest); through Jdbi's on-demand proxy, each in a transaction of its own, the two writes and the read
 * cost a quarter of the CPU of a full report session.
 */
public final class FreeTextSpans implements AutoCloseable {

    /** AT gives up on a hop after 10 s; only a stuck committer reaches this, and the hop falls back. */
    private static final long MAX_WAIT_SECONDS = 9;

    /** One span to record: a pending start (end unknown: end == start, kept if already there) or a known end. */
    record Write(String sessionId, int start, int end, boolean startOnly) {
    }

    private static final String START = """
            INSERT INTO ussd_free_text (session_id, start_offset, end_offset) VALUES (?, ?, ?)
            ON CONFLICT (session_id, start_offset) DO NOTHING""";
    private static final String END = """
            INSERT INTO ussd_free_text (session_id, start_offset, end_offset) VALUES (?, ?, ?)
            ON CONFLICT (session_id, start_offset) DO UPDATE SET end_offset = excluded.end_offset""";

    private final DataSource dataSource;
    private final GroupCommitter<Write, Boolean> commits;

    public FreeTextSpans(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.commits = new GroupCommitter<>(new GroupCommitter.Settings<>("free-text span", "spans",
                batch -> storeAll(dataSource, batch), write -> storeAll(dataSource, List.of(write)).get(0),
                // A span the database refuses fails alone, its hop falling back; unreachable, the group fails at once.
                (refused, size) -> size == 1 || GroupCommitter.unreachable(refused),
                200, MAX_WAIT_SECONDS, true,
                DistributionSummary.builder("ijwi.ussd.spans.group").description("free-text spans stored per commit")
                        .register(registry), null));
    }

    public void start() {
        commits.start("ijwi-span-commit");
    }

    /** Records where a free-text answer will start, unless recorded already; returns once committed. */
    public void recordStart(String sessionId, int start) {
        commits.submit(new Write(sessionId, start, start, true));
    }

    /** Records where a free-text answer starts and ends; returns once committed. */
    public void recordEnd(String sessionId, int start, int end) {
        commits.submit(new Write(sessionId, start, end, false));
    }

    /** The spans recorded for a session, in order of where they start: one plain JDBC query. */
    public List<Replay.Span> of(String sessionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT start_offset, end_offset FROM ussd_free_text WHERE session_id = ? ORDER BY start_offset")) {
            q.setString(1, sessionId);
            try (ResultSet rs = q.executeQuery()) {
                List<Replay.Span> spans = new ArrayList<>(2);
                while (rs.next()) {
                    spans.add(new Replay.Span(rs.getInt(1), rs.getInt(2)));
                }
                return spans;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading free-text spans failed: " + SafeErrors.describe(e), e);
        }
    }

    @Override
    public void close() {
        commits.close();
    }

    private static List<Boolean> storeAll(DataSource dataSource, List<Write> batch) {
        return Transactions.inOne(dataSource, "storing free-text spans", c -> {
            try (PreparedStatement starts = c.prepareStatement(START); PreparedStatement ends = c.prepareStatement(END)) {
                // A start never overwrites (DO NOTHING) and an end always does, so their order within a batch
                // does not matter: a span's end wins over its start either way.
                for (Write w : batch) {
                    PreparedStatement s = w.startOnly() ? starts : ends;
                    s.setString(1, w.sessionId());
                    s.setInt(2, w.start());
                    s.setInt(3, w.end());
                    s.addBatch();
                }
                starts.executeBatch();
                ends.executeBatch();
                return Collections.nCopies(batch.size(), Boolean.TRUE);
            }
        });
    }
}
