package rw.ijwi.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.Role;
import rw.ijwi.auth.User;
import rw.ijwi.commitments.Commitment;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.disclosure.Audience;
import rw.ijwi.disclosure.Grid;
import rw.ijwi.disclosure.Publisher;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Counts;
import rw.ijwi.feedback.Dimension;
import rw.ijwi.feedback.Figures;
import rw.ijwi.feedback.Period;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * The district dialogue brief: one printable A4 page. It leaves the system, so its counts are always those of the
 * releases of a closed month, quarter or year (even for admins), and its quotes are only comments consented to and
 * approved for quoting.
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
        Period asked0 = SummaryRequest.period(ctx, clock);
        Grid.Cell cell = Grid.of(asked0).filter(c -> Grid.closed(c, publisher.releases().today()))
                .orElse(Grid.lastMonth(publisher.releases().today()));
        Period period = cell.period();
        String asked = ctx.queryParam("district");
        List<String> choices = publisher.aggregates().geography().districts().stream().map(d -> d.name())
                .filter(d -> user.role() != Role.COORDINATOR || user.covers(d)).toList();
        if (asked == null || asked.isBlank()) {
            templates.render(ctx, "brief_choose.jte", chrome, Map.of("districts", choices, "period", period,
                    "periods", publisher.closedPeriods().stream().map(Grid.Cell::name).toList(),
                    "periodName", cell.name()));
            return;
        }
        String district = publisher.aggregates().geography().district(asked)
                .orElseThrow(() -> new BadRequestResponse("unknown district '" + asked + "'")).name();
        if (user.role() == Role.COORDINATOR && !user.covers(district)) {
            throw new ForbiddenResponse("you coordinate " + String.join(", ", user.districts()) + ", not " + district);
        }
        Figures figures = publisher.figures(period, Audience.OUTSIDE, Set.of());

        List<Line> gaps = ranked(figures, chrome, district, Dimension.GAP, figures.values(Dimension.GAP));
        List<Line> services = ranked(figures, chrome, district, Dimension.SERVICE,
                figures.values(Dimension.SERVICE));
        List<Line> sectors = new ArrayList<>();
        for (String sector : figures.sectors(district)) {
            Figures.Count c = figures.sector(district, sector);
            if (!(c.exact() && c.value() == 0)) {
                sectors.add(new Line(Counts.UNKNOWN_SECTOR.equals(sector) ? chrome.t("sector_unknown") : sector,
                        shown(figures, c)));
            }
        }
        List<String> months = new ArrayList<>();
        List<Figures.Count> trendCounts = new ArrayList<>();
        for (java.time.YearMonth m : trendMonths(cell)) {
            months.add(m.toString());
            trendCounts.add(publisher.figures(Grid.month(m).period(), Audience.OUTSIDE, Set.of())
                    .of(Dimension.DISTRICT, district));
        }
        Chart trend = Chart.columns(chrome.t("by_month"), months, trendCounts, figures);
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

    /** The months the trend shows: the period's own, or for a single month the six up to it (since the first). */
    private List<java.time.YearMonth> trendMonths(Grid.Cell cell) {
        if (cell.months().size() > 1) {
            return cell.months();
        }
        List<java.time.YearMonth> months = new ArrayList<>();
        java.time.YearMonth first = publisher.releases().firstMonth();
        for (java.time.YearMonth m = cell.months().get(0).minusMonths(5); !m.isAfter(cell.months().get(0));
                m = m.plusMonths(1)) {
            if (!m.isBefore(first)) {
                months.add(m);
            }
        }
        return months.isEmpty() ? cell.months() : months;
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
        return figures.shown(c);
    }
}
