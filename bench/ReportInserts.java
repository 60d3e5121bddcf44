import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inserts reports one by one, each in its own transaction, at a steady rate into a running Ijwi's database while
 * the summary is being read (issue 6): prints the insert latency (which includes the roll-up trigger) and the
 * largest backlog of unfolded deltas seen, which shows the folder keeps up. Run with the jar on the class path:
 *   java -cp target/ijwi.jar bench/ReportInserts.java JDBC_URL PER_SECOND SECONDS
 */
public class ReportInserts {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int perSecond = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Random random = new Random(42);
        String[] services = {"police", "health", "justice", "local_leaders", "shelter", "other"};
        String[] gaps = {"not_available", "no_response", "asked_to_pay", "treated_badly", "not_followed_up", "other"};
        List<Long> times = new ArrayList<>();
        long maxPending = 0;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language)
                    VALUES (?, 'ussd', '\\x01'::bytea, ?, ?, ?, 'rw') ON CONFLICT DO NOTHING""");
            PreparedStatement pending = c.prepareStatement("SELECT count(*) FROM report_rollup_pending");
            long start = System.nanoTime();
            for (int i = 0; i < perSecond * seconds; i++) {
                long due = start + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                insert.setString(1, String.format("S%07d", random.nextInt(10_000_000)));
                insert.setInt(2, 1 + random.nextInt(30));
                insert.setString(3, services[random.nextInt(services.length)]);
                insert.setString(4, gaps[random.nextInt(gaps.length)]);
                long t0 = System.nanoTime();
                insert.executeUpdate();
                times.add((System.nanoTime() - t0) / 1000);
                if (i % perSecond == 0) {
                    try (ResultSet rs = pending.executeQuery()) {
                        rs.next();
                        maxPending = Math.max(maxPending, rs.getLong(1));
                    }
                }
            }
        }
        times.sort(null);
        System.out.printf("inserts=%d rate=%d/s insert_p50=%.2f ms insert_p95=%.2f ms insert_p99=%.2f ms max=%.2f ms"
                + " max_pending_rows_seen=%d%n", times.size(), perSecond, at(times, 0.5), at(times, 0.95),
                at(times, 0.99), times.get(times.size() - 1) / 1000.0, maxPending);
    }

    private static double at(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p) - 1)) / 1000.0;
    }
}
