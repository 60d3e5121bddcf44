package rw.ijwi.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

import io.javalin.http.Context;

import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.sms.pages.FiguresDao;

/** GET /api/v1/stats (admins): how much Ijwi holds, and how many SMS callbacks wait in this instance's spool. */
public final class StatsApi {

    private final AggregateDao aggregates;
    private final FiguresDao sms;
    private final IntSupplier spooled;

    public StatsApi(AggregateDao aggregates, FiguresDao sms, IntSupplier spooled) {
        this.aggregates = aggregates;
        this.sms = sms;
        this.spooled = spooled;
    }

    public void stats(Context ctx) {
        Map<String, Long> states = new LinkedHashMap<>();
        sms.byState().forEach(c -> states.put(c.label(), c.count()));
        Map<String, Object> outbound = new LinkedHashMap<>();
        // A message being handed to the provider right now is not sent yet: it counts as queued.
        outbound.put("queued", states.getOrDefault("queued", 0L) + states.getOrDefault("sending", 0L));
        outbound.put("sent", states.getOrDefault("sent", 0L));
        outbound.put("failed", states.getOrDefault("failed", 0L));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reports", aggregates.reports());
        body.put("inbound", sms.inbound());
        body.put("outbound", outbound);
        body.put("subscribers", sms.subscribers());
        body.put("optOuts", sms.optOuts());
        body.put("spool", spooled.getAsInt());
        ctx.json(body);
    }
}
