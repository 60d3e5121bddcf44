package rw.ijwi.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

import rw.ijwi.feedback.AggregateDao;

/** GET /api/v1/stats (admins): how much Ijwi holds. SMS figures read 0 until the SMS issue adds them. */
public final class StatsApi {

    private final AggregateDao aggregates;

    public StatsApi(AggregateDao aggregates) {
        this.aggregates = aggregates;
    }

    public void stats(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reports", aggregates.reports());
        body.put("inbound", 0);
        body.put("outbound", Map.of("queued", 0, "sent", 0, "failed", 0));
        body.put("subscribers", 0);
        body.put("optOuts", 0);
        body.put("spool", 0);
        ctx.json(body);
    }
}
