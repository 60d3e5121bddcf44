package rw.ijwi.sms.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import rw.ijwi.auth.User;
import rw.ijwi.geo.Geography;
import rw.ijwi.sms.AudienceDao;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/** SMS figures for staff: subscribers per district (never the numbers) and what became of outbound messages. */
public final class FiguresPage {

    static final Duration DAYS = Duration.ofDays(30);

    private final FiguresDao figures;
    private final AudienceDao audience;
    private final Geography geography;
    private final Templates templates;
    private final Clock clock;

    public FiguresPage(FiguresDao figures, AudienceDao audience, Geography geography, Templates templates, Clock clock) {
        this.figures = figures;
        this.audience = audience;
        this.geography = geography;
        this.templates = templates;
        this.clock = clock;
    }

    /** GET /sms/subscribers: every district the user covers, with its subscriber count (0 included). */
    public void subscribers(Context ctx) {
        User user = Templates.user(ctx);
        Map<Integer, Long> counts = new LinkedHashMap<>();
        audience.subscribersByDistrict().forEach(c -> counts.put(c.districtId(), c.subscribers()));
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Geography.District d : geography.districts()) {
            if (user.covers(d.name())) {
                rows.put(d.name(), counts.getOrDefault(d.id(), 0L));
            }
        }
        Chrome chrome = templates.chrome(ctx, "subscribers_title", "sms");
        templates.render(ctx, "sms_subscribers.jte", chrome, new Subscribers(rows,
                rows.values().stream().mapToLong(Long::longValue).sum(), user.isAdmin() ? figures.optOuts() : -1L));
    }

    /** GET /sms/delivery: the outbox by state, delivery status, failure reason, and per day for 30 days. */
    public void delivery(Context ctx) {
        Chrome chrome = templates.chrome(ctx, "delivery_title", "sms");
        List<FiguresDao.Day> days = figures.perDay(clock.instant().minus(DAYS).atOffset(ZoneOffset.UTC));
        templates.render(ctx, "sms_delivery.jte", chrome, new Delivery(figures.byState(), figures.byDelivery(),
                figures.failureReasons(), days, figures.inbound(),
                figures.accountNotices()));
    }

    /** What sms_delivery.jte shows: outbound messages by state, by delivery status, by failure reason, per day. */
    public record Delivery(List<FiguresDao.Count> states, List<FiguresDao.Count> delivery,
            List<FiguresDao.Count> reasons, List<FiguresDao.Day> days, long inbound,
            List<String> notices) {
    }

    /** What sms_subscribers.jte shows: subscribers per district, their total, and opt-outs (-1: not for this user). */
    public record Subscribers(Map<String, Long> rows, long total, long optOuts) {
    }
}
