package rw.ijwi.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import rw.ijwi.geo.Rwanda;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * The district dialogue brief: one printable A4 page. It leaves the system, so every count is read from the
 * releases of closed months (Audience.OUTSIDE, even for admins): the period's, the previous period of the same
 * length, the trend's months and the months around each commitment. Its quotes are only comments consented to and
 * approved for quoting.
 */
public final class BriefPage {

    /** A labelled count as the brief prints it, with the same figure of the previous period and the change. */
    public record Line(String label, String shown, String before, String change) {
    }

    /** A commitment as the brief prints it: overdue or not, and what the reports did since it was made. */
    public record Promise(Commitment commitment, boolean overdue, List<String> followThrough) {
    }

    /** How many commitments fit on the page. */
    static final int COMMITMENTS = 6;

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
        LocalDate today = publisher.releases().today();
        Period asked0 = SummaryRequest.period(ctx, clock);
        Grid.Cell cell = Grid.of(asked0).filter(c -> Grid.closed(c, today)).orElse(Grid.lastMonth(today));
        Period period = cell.period();
        String asked = ctx.queryParam("district");
        List<String> choices = publisher.aggregates().geography().districts().stream().map(d -> d.name())
                .filter(d -> user.role() != Role.COORDINATOR || user.covers(d)).toList();
        if (asked == null || asked.isBlank()) {
            templates.render(ctx, "brief_choose.jte", chrome, new Choose(choices,
                    publisher.closedPeriods().stream().map(Grid.Cell::name).toList(), cell.name()));
            return;
        }
        String district = publisher.aggregates().geography().district(asked)
                .orElseThrow(() -> new BadRequestResponse("unknown district '" + asked + "'")).name();
        if (user.role() == Role.COORDINATOR && !user.covers(district)) {
            throw new ForbiddenResponse("you coordinate " + String.join(", ", user.districts()) + ", not " + district);
        }
        Released released = new Released();
        Figures figures = released.of(cell);
        YearMonth first = publisher.releases().firstMonth();
        Optional<Grid.Cell> previous = previous(cell).filter(p -> !p.months().get(0).isBefore(first));
        Figures before = previous.map(released::of).orElse(null);
        int k = figures.suppressBelow();

        Figures.Count total = figures.of(Dimension.DISTRICT, district);
        List<Line> channels = new ArrayList<>();
        for (String channel : List.of("ussd", "sms")) {
            channels.add(line(chrome, chrome.t("channel_" + channel),
                    figures.of(Dimension.DISTRICT, district, Dimension.CHANNEL, channel),
                    before == null ? null : before.of(Dimension.DISTRICT, district, Dimension.CHANNEL, channel),
                    figures));
        }
        Line totalLine = line(chrome, chrome.words().tk("reports"), total,
                before == null ? null : before.of(Dimension.DISTRICT, district), figures);
        Sectors sectors = sectors(chrome, figures, district);
        boolean quotes = user.role() != Role.VIEWER;
        List<String> approved = quotes ? aggregates.approvedQuotes(district, period.start(), period.end(), 3)
                : List.of();
        List<Commitment> all = commitments.inDistrict(district);
        List<Promise> promised = promises(chrome, all, district, today, first, released, figures);
        String method = chrome.t("brief_method_text").replace("{period}", cell.name())
                .replace("{k1}", String.valueOf(k - 1)).replace("{k}", String.valueOf(k));
        View brief = new View(district, cell.name(), previous.map(Grid.Cell::name).orElse(""), totalLine, channels,
                share(chrome, total, figures.total(), figures), ranked(chrome, figures, before, district,
                        Dimension.SERVICE), ranked(chrome, figures, before, district, Dimension.GAP),
                sectors.shown(), sectors.small(), trend(chrome, cell, first, district, released, k),
                map(chrome, cell, figures, district), approved, quotes,
                promised.subList(0, Math.min(promised.size(), COMMITMENTS)), Math.max(0, all.size() - COMMITMENTS),
                method);
        audit.record(user.username(), "view_brief", district + " " + period.from() + ".." + period.to()
                + (quotes ? " with approved quotes" : ""), ctx.ip());
        templates.render(ctx, "brief.jte", chrome, brief);
    }

    /** The released figures of grid periods, each read once per request. */
    private final class Released {
        private final Map<String, Figures> read = new HashMap<>();

        Figures of(Grid.Cell cell) {
            return read.computeIfAbsent(cell.name(),
                    n -> publisher.figures(cell.period(), Audience.OUTSIDE, Set.of()));
        }

        Figures of(YearMonth month) {
            return of(Grid.month(month));
        }
    }

    /** The grid period of the same length just before: the previous month, quarter or year. */
    static Optional<Grid.Cell> previous(Grid.Cell cell) {
        YearMonth start = cell.months().get(0);
        return switch (cell.months().size()) {
            case 1 -> Optional.of(Grid.month(start.minusMonths(1)));
            case 3 -> Grid.of(new Period(start.minusMonths(3).atDay(1), start.minusMonths(1).atEndOfMonth()));
            default -> Optional.of(Grid.year(start.getYear() - 1));
        };
    }

    private static Line line(Chrome chrome, String label, Figures.Count now, Figures.Count before, Figures figures) {
        if (before == null) {
            return new Line(label, figures.shown(now), "", chrome.t("change_none"));
        }
        return new Line(label, figures.shown(now), figures.shown(before), change(chrome, new Change(before, now),
                figures));
    }

    /** "up 12 from 40", or, when a side is not exact, both as published and no difference. */
    static String change(Chrome chrome, Change change, Figures figures) {
        String before = figures.shown(change.before());
        if (change.difference().isEmpty()) {
            return chrome.t("change_inexact").replace("{before}", before);
        }
        long d = change.difference().getAsLong();
        String key = d > 0 ? "change_up" : d < 0 ? "change_down" : "change_same";
        return chrome.t(key).replace("{diff}", String.format("%,d", Math.abs(d))).replace("{before}", before);
    }

    /** The district's share of the country, when both counts are exact. */
    private static String share(Chrome chrome, Figures.Count district, Figures.Count country, Figures figures) {
        if (district.exact() && country.exact() && country.value() > 0) {
            return chrome.t("brief_share").replace("{share}",
                    String.format("%.1f%%", 100.0 * district.value() / country.value()))
                    .replace("{total}", figures.shown(country));
        }
        return chrome.t("brief_share_inexact").replace("{total}", figures.shown(country));
    }

    /**
     * Categories by count, largest first, among those shown exactly; "&lt;k" and ranges follow in their usual
     * order, because sorting them by their true size would tell what the suppression hides.
     */
    private static List<Line> ranked(Chrome chrome, Figures figures, Figures before, String district, Dimension dim) {
        List<String> codes = new ArrayList<>(figures.values(dim));
        Map<String, Figures.Count> now = new HashMap<>();
        codes.forEach(c -> now.put(c, figures.of(Dimension.DISTRICT, district, dim, c)));
        codes.sort(Comparator.comparing((String c) -> !now.get(c).exact())
                .thenComparing(c -> now.get(c).exact() ? -now.get(c).value() : 0));
        List<Line> lines = new ArrayList<>();
        for (String c : codes) {
            String label = chrome.t(dim.code() + "_" + c);
            if (before == null) {
                lines.add(new Line(label, figures.shown(now.get(c)), "", ""));
            } else {
                Figures.Count was = before.of(Dimension.DISTRICT, district, dim, c);
                lines.add(new Line(label, figures.shown(now.get(c)), figures.shown(was), ""));
            }
        }
        return lines;
    }

    /**
     * Sectors with a figure, largest first; those that may be zero (under k in each month: "&lt;k" for a month,
     * "0-12" for a quarter) are named together, one line per label, so they do not fill the page.
     */
    private static Sectors sectors(Chrome chrome, Figures figures, String district) {
        List<Map.Entry<String, Figures.Count>> shown = new ArrayList<>();
        Map<String, List<String>> small = new LinkedHashMap<>();
        for (String sector : figures.sectors(district)) {
            Figures.Count c = figures.sector(district, sector);
            String name = Counts.UNKNOWN_SECTOR.equals(sector) ? chrome.t("sector_unknown") : sector;
            if (!c.exact() && c.lo() == 0) {
                small.computeIfAbsent(figures.shown(c), x -> new ArrayList<>()).add(name);
            } else {
                shown.add(Map.entry(name, c));
            }
        }
        shown.sort(Comparator.comparing((Map.Entry<String, Figures.Count> e) -> !e.getValue().exact())
                .thenComparing(e -> e.getValue().exact() ? -e.getValue().value() : -e.getValue().lo()));
        List<String> lines = new ArrayList<>();
        small.forEach((label, names) -> lines.add(chrome.t("brief_sectors_small").replace("{label}", label)
                .replace("{names}", String.join(", ", names))));
        return new Sectors(shown.stream().map(e -> new Line(e.getKey(), figures.shown(e.getValue()), "", "")).toList(),
                String.join("; ", lines));
    }

    private Chart trend(Chrome chrome, Grid.Cell cell, YearMonth first, String district, Released released, int k) {
        TrendPlan.Plan plan = TrendPlan.plan(cell, first,
                m -> released.of(m).of(Dimension.DISTRICT, district), k);
        List<TrendPlan.Bucket> buckets = plan.buckets();
        String note = plan.grain() == TrendPlan.Grain.QUARTERS
                ? chrome.t("brief_trend_quarters").replace("{k}", String.valueOf(k))
                : chrome.t("brief_trend_months");
        if (buckets.stream().anyMatch(TrendPlan.Bucket::partial)) {
            note += " · " + chrome.t("brief_partial");
        }
        note += " · " + chrome.t("brief_hatched").replace("{k}", String.valueOf(k));
        return Chart.columns(chrome.t("brief_trend").replace("{district}", district),
                buckets.stream().map(TrendPlan.Bucket::label).toList(),
                buckets.stream().map(TrendPlan.Bucket::count).toList(),
                buckets.stream().map(TrendPlan.Bucket::partial).toList(),
                buckets.stream().map(TrendPlan.Bucket::focus).toList(), note, released.of(cell));
    }

    private static TileMap.Drawn map(Chrome chrome, Grid.Cell cell, Figures figures, String district) {
        Map<String, Figures.Count> counts = new HashMap<>();
        for (String d : figures.values(Dimension.DISTRICT)) {
            counts.put(d, figures.of(Dimension.DISTRICT, d));
        }
        String k = String.valueOf(figures.suppressBelow());
        return TileMap.draw(counts, figures::shown, district,
                chrome.t("brief_map_label").replace("{period}", cell.name()),
                chrome.t("map_hidden").replace("{k}", k));
    }

    /** Open commitments first (overdue ones before the rest), then by due date; each with its follow-through. */
    private List<Promise> promises(Chrome chrome, List<Commitment> all, String district, LocalDate today,
            YearMonth first, Released released, Figures labels) {
        Map<Long, YearMonth> made = new HashMap<>();
        for (CommitmentDao.Made m : commitments.madeIn(district)) {
            made.put(m.id(), YearMonth.from(m.createdAt().atZoneSameInstant(Rwanda.ZONE)));
        }
        YearMonth lastClosed = Grid.lastClosed(today);
        List<Promise> promises = new ArrayList<>();
        for (Commitment c : all) {
            boolean open = c.status().equals("pledged") || c.status().equals("in_progress");
            boolean overdue = open && c.dueDate() != null && c.dueDate().isBefore(today);
            YearMonth when = made.getOrDefault(c.id(), YearMonth.from(today));
            promises.add(new Promise(c, overdue, followThrough(chrome, c, when, lastClosed, first, released, labels)));
        }
        promises.sort(Comparator.comparing((Promise p) -> !open(p.commitment()))
                .thenComparing(p -> !p.overdue())
                .thenComparing(p -> p.commitment().dueDate(), Comparator.nullsLast(Comparator.naturalOrder())));
        return promises;
    }

    private static boolean open(Commitment c) {
        return c.status().equals("pledged") || c.status().equals("in_progress");
    }

    /** One line per figure the commitment is about: its service, and its gap as a separate published figure. */
    private static List<String> followThrough(Chrome chrome, Commitment c, YearMonth made, YearMonth lastClosed,
            YearMonth first, Released released, Figures labels) {
        int k = labels.suppressBelow();
        FollowThrough.Window window = FollowThrough.window(made, lastClosed, first);
        if (c.service() == null && c.gap() == null) {
            return List.of(chrome.t("brief_ft_nothing"));
        }
        if (window.state() == FollowThrough.State.TOO_EARLY) {
            return List.of(chrome.t("brief_ft_too_early"));
        }
        if (window.state() == FollowThrough.State.NO_BEFORE) {
            return List.of(chrome.t("brief_ft_no_before"));
        }
        List<String> lines = new ArrayList<>();
        if (c.service() != null) {
            lines.add(ftLine(chrome, chrome.t("service_" + c.service()), FollowThrough.compare(window,
                    m -> released.of(m).of(Dimension.DISTRICT, c.district(), Dimension.SERVICE, c.service()), k),
                    labels));
        }
        if (c.gap() != null) {
            lines.add(ftLine(chrome, chrome.t("gap_" + c.gap()), FollowThrough.compare(window,
                    m -> released.of(m).of(Dimension.DISTRICT, c.district(), Dimension.GAP, c.gap()), k),
                    labels));
        }
        return lines;
    }

    private static String ftLine(Chrome chrome, String what, FollowThrough.Result result, Figures labels) {
        Change change = result.change();
        String diff;
        if (change.difference().isEmpty()) {
            diff = chrome.t("brief_ft_inexact");
        } else {
            long d = change.difference().getAsLong();
            diff = (d > 0 ? chrome.t("brief_ft_diff_up") : d < 0 ? chrome.t("brief_ft_diff_down")
                    : chrome.t("brief_ft_diff_same")).replace("{diff}", String.format("%,d", Math.abs(d)));
        }
        return chrome.t("brief_ft_line").replace("{what}", what)
                .replace("{before}", labels.shown(change.before())).replace("{after}", labels.shown(change.now()))
                .replace("{n}", String.valueOf(result.window().before().size())).replace("{change}", diff);
    }

    /** The sectors with a figure, and one line naming those that may be zero. */
    private record Sectors(List<Line> shown, String small) {
    }

    /** What brief_choose.jte shows: the districts the user may brief on, and the closed periods to choose from. */
    public record Choose(List<String> districts, List<String> periods, String periodName) {
    }

    /**
     * What brief.jte shows: one district's released figures for a closed period beside the period before
     * (previousName "" when there is none), its ranked lines, trend and map, approved quotes when the reader may
     * see them, its open commitments, and the method note.
     */
    public record View(String district, String periodName, String previousName, Line total, List<Line> channels,
            String share, List<Line> services, List<Line> gaps, List<Line> sectors, String smallSectors, Chart trend,
            TileMap.Drawn map, List<String> quotes, boolean quotesShown, List<Promise> commitments,
            int moreCommitments, String method) {
    }
}
