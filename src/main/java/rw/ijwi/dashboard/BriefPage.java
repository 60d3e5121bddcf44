package rw.ijwi.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.Role;
import rw.ijwi.auth.User;
import rw.ijwi.commitments.Commitment;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Counts;
import rw.ijwi.feedback.Dimension;
import rw.ijwi.feedback.Figures;
import rw.ijwi.feedback.Period;
import rw.ijwi.feedback.Publisher;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * The district dialogue brief: one printable A4 page. It leaves the system, so its counts are always
 * suppressed (even for admins) and its quotes are only comments consented to and approved for quoting.
 */
public final class BriefPage {

    /** A labelled count as the brief prints it. */
    public record Line(String label, String shown) {
    }

    private final Publisher publisher;
    private final AggregateDao aggregates;
    private final CommitmentDao commitments;
    private final AuditLog audit;
    private final Templates templates;
    private final Clock clock;

    public BriefPage(Publisher publisher, AggregateDao aggregates, CommitmentDao commitments, AuditLog audit,
            Templates templates, Clock clock) {
        this.publisher = publisher;
        this.aggregates = aggregates;
        this.commitments = commitments;
        this.audit = audit;
        this.templates = templates;
        this.clock = clock;
    }

    public void show(Context ctx) {
        Chrome chrome = templates.chrome(ctx, "nav_brief", "brief");
        User user = Templates.user(ctx);
        Period period = SummaryRequest.period(ctx, clock);
        String asked = ctx.queryParam("district");
        List<String> choices = publisher.aggregates().geography().districts().stream().map(d -> d.name())
                .filter(d -> user.role() != Role.COORDINATOR || user.covers(d)).toList();
        if (asked == null || asked.isBlank()) {
            templates.render(ctx, "brief_choose.jte", chrome, Map.of("districts", choices, "period", period));
            return;
        }
        String district = publisher.aggregates().geography().district(asked)
                .orElseThrow(() -> new BadRequestResponse("unknown district '" + asked + "'")).name();
        if (user.role() == Role.COORDINATOR && !user.covers(district)) {
            throw new ForbiddenResponse("you coordinate " + String.join(", ", user.districts()) + ", not " + district);
        }
        Figures figures = publisher.figures(period, SummaryRequest.readerOf(user).suppressedOnly());
        Counts counts = figures.counts();

        List<Line> gaps = ranked(figures, chrome, district, Dimension.GAP, counts.values().get(Dimension.GAP));
        List<Line> services = ranked(figures, chrome, district, Dimension.SERVICE,
                counts.values().get(Dimension.SERVICE));
        List<Line> sectors = new ArrayList<>();
        for (String sector : counts.sectors().get(district)) {
            Figures.Count c = figures.sector(district, sector);
            if (!(c.exact() && c.value() == 0)) {
                sectors.add(new Line(Counts.UNKNOWN_SECTOR.equals(sector) ? chrome.t("sector_unknown") : sector,
                        shown(figures, c)));
            }
        }
        List<String> weeks = counts.values().get(Dimension.WEEK);
        Chart trend = Chart.columns(chrome.t("by_week"), weeks,
                weeks.stream().map(w -> figures.of(Dimension.DISTRICT, district, Dimension.WEEK, w)).toList(), figures);
        boolean quotes = user.role() != Role.VIEWER;
        List<String> quoted = quotes ? aggregates.approvedQuotes(district, period.start(), period.end(), 4) : List.of();
        List<Commitment> all = commitments.inDistrict(district);
        List<Commitment> promised = all.subList(0, Math.min(all.size(), 8));
        audit.record(user.username(), "view_brief", district + " " + period.from() + ".." + period.to()
                + (quotes ? " with approved quotes" : ""), ctx.ip());

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("district", district);
        params.put("period", period);
        params.put("total", shown(figures, figures.of(Dimension.DISTRICT, district)));
        params.put("channels", List.of(
                new Line(chrome.t("channel_ussd"), shown(figures,
                        figures.of(Dimension.DISTRICT, district, Dimension.CHANNEL, "ussd"))),
                new Line(chrome.t("channel_sms"), shown(figures,
                        figures.of(Dimension.DISTRICT, district, Dimension.CHANNEL, "sms")))));
        params.put("gaps", gaps);
        params.put("services", services);
        params.put("sectors", sectors);
        params.put("trend", trend);
        params.put("quotes", quoted);
        params.put("quotesShown", quotes);
        params.put("commitments", promised);
        params.put("suppressBelow", figures.suppressBelow());
        templates.render(ctx, "brief.jte", chrome, params);
    }

    /**
     * Categories by count, largest first, among those shown exactly; suppressed ones follow in their usual
     * order, because sorting them by their true size would tell what the suppression hides.
     */
    private static List<Line> ranked(Figures figures, Chrome chrome, String district, Dimension dim,
            List<String> codes) {
        List<Map.Entry<String, Figures.Count>> entries = new ArrayList<>();
        for (String code : codes) {
            entries.add(Map.entry(code, figures.of(Dimension.DISTRICT, district, dim, code)));
        }
        List<Map.Entry<String, Figures.Count>> exact = new ArrayList<>(entries.stream()
                .filter(e -> e.getValue().exact() && e.getValue().value() > 0).toList());
        exact.sort(Comparator.comparingLong((Map.Entry<String, Figures.Count> e) -> e.getValue().value()).reversed());
        List<Line> lines = new ArrayList<>();
        exact.forEach(e -> lines.add(new Line(chrome.t(dim.code() + "_" + e.getKey()), shown(figures, e.getValue()))));
        entries.stream().filter(e -> !e.getValue().exact())
                .forEach(e -> lines.add(new Line(chrome.t(dim.code() + "_" + e.getKey()), shown(figures, e.getValue()))));
        return lines;
    }

    private static String shown(Figures figures, Figures.Count c) {
        return c.exact() ? String.format("%,d", c.value()) : figures.label(c);
    }
}
