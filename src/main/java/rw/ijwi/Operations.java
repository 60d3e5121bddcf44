package rw.ijwi;

import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import io.javalin.http.Context;

import rw.ijwi.config.Config;
import rw.ijwi.db.Database;
import rw.ijwi.ops.Housekeeping;
import rw.ijwi.ops.Housekeeping.Chore;
import rw.ijwi.ops.Metrics;
import rw.ijwi.ops.MetricsServer;
import rw.ijwi.privacy.Scrubber;

/** Running Ijwi: the hourly chores, the scrubber that makes removed text leave the disk, /metrics and /health. */
record Operations(Database database, Scrubber scrubber, Housekeeping housekeeping, MetricsServer metrics) {

    static Operations assemble(Config config, Database database, Metrics metrics, IntSupplier endStaleSessions,
            IntSupplier forgetOldFreeText, IntSupplier releaseEndedMonths, IntSupplier finishQueueingBroadcasts) {
        // Redacted and purged text must leave the table files, not only the rows.
        Scrubber scrubber = new Scrubber(database.jdbi());
        Housekeeping housekeeping = new Housekeeping(List.of(
                new Chore("expired dashboard sessions", endStaleSessions),
                new Chore("old USSD free-text spans", forgetOldFreeText),
                new Chore("retention purge", () -> scrubber.purge(config.retentionDays()).total()),
                new Chore("vacuum of deleted reports and subscriptions", () -> {
                    scrubber.vacuumRemoved("report", "sms_subscriber");
                    return 0;
                }),
                // Months are released in the background once they end, so no reader waits for the audit.
                new Chore("monthly releases", releaseEndedMonths),
                new Chore("broadcasts to finish queueing", finishQueueingBroadcasts)),
                config.tuning().housekeepingEvery());
        return new Operations(database, scrubber, housekeeping,
                new MetricsServer(metrics, config.metricsBind(), config.metricsPort()));
    }

    /** GET /health: 200 while the database answers, 503 (degraded) while it does not. */
    void health(Context ctx) {
        boolean up = database.isUp();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "degraded", "database", up ? "up" : "down"));
    }

    /** After a redaction (a 303 answer), the report table is vacuumed soon, so the old text leaves the disk. */
    void afterRedaction(Context ctx) {
        if (ctx.statusCode() == 303) {
            scrubber.vacuumSoon("report");
        }
    }
}
