package rw.ijwi.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;

import rw.ijwi.disclosure.Audience;
import rw.ijwi.disclosure.Grid;
import rw.ijwi.disclosure.Publisher;
import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.Counts;
import rw.ijwi.feedback.Dimension;
import rw.ijwi.feedback.Figures;
import rw.ijwi.feedback.Period;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * The overview at /: headline figures and bar charts by district (or, for one district, its sectors),
 * service, gap, channel and week, with filters. Numbers come from Figures: a viewer (and a coordinator beyond their
 * districts) sees the releases of a closed month, quarter or year, with a monthly trend.
 */
public final class OverviewPage {

    /** The filters as the form shows them. */
    public record Filters(Period period, String district, String service, List<String> districts,
            List<String> services) {
    }

    private final Publisher publisher;
    private final Templates templates;
    private final Clock clock;

    public OverviewPage(Publisher publisher, Templates templates, Clock clock) {
        this.publisher = publisher;
        this.templates = templates;
        this.clock = clock;
    }

    public void show(Context ctx) {
        Chrome chrome = templates.chrome(ctx, "overview", "overview");
        Period period = SummaryRequest.period(ctx, clock);
        if (publisher.releases().noReportsYet()) {
            templates.render(ctx, "overview_empty.jte", chrome, new Empty());
            return;
        }
        var geography = publisher.aggregates().geography();
        Audience audience = Audience.of(Templates.user(ctx));
        // A coordinator lands on their own district (exact counts); "All" (district=) is the country's release.
        String askedDistrict = ctx.queryParam("district");
        if (askedDistrict == null && !audience.ownDistricts().isEmpty()) {
            askedDistrict = new java.util.TreeSet<>(audience.ownDistricts()).first();
        }
        Optional<String> district = Optional.ofNullable(askedDistrict).filter(s -> !s.isBlank())
                .flatMap(geography::district).map(d -> d.name());
        Optional<String> service = Optional.ofNullable(ctx.queryParam("service"))
                .filter(Aggregates.SERVICES::contains);
        Set<String> scope = district.map(Set::of).orElse(Set.of());
        String notice = "";
        boolean exact = audience.exactFor(scope);
        if (!exact) {
            Optional<Grid.Cell> cell = Grid.of(period)
                    .filter(c -> Grid.closed(c, publisher.releases().today()));
            if (cell.isEmpty()) {
                period = Grid.lastMonth(publisher.releases().today()).period();
                notice = chrome.t("release_snapped").replace("{period}", Grid.of(period).orElseThrow().name());
            }
        }
        Figures figures = publisher.figures(period, audience, scope);
        // Weeks only for exact readers and short windows: a year of weeks is 52 bars too narrow to carry numbers.
        Dimension time = exact && period.from().plusWeeks(16).isAfter(period.to()) ? Dimension.WEEK : Dimension.MONTH;
        TileMap.Drawn map = null;

        List<Chart> charts = new ArrayList<>();
        String note = "";
        Figures.Count headline;
        if (district.isPresent() && service.isPresent()) {
            headline = figures.of(Dimension.DISTRICT, district.get(), Dimension.SERVICE, service.get());
            note = chrome.t("note_one_filter");
        } else if (district.isPresent()) {
            String d = district.get();
            headline = figures.of(Dimension.DISTRICT, d);
            List<String> sectors = figures.sectors(d);
            charts.add(Chart.ranked(chrome.t("by_sector") + " · " + d, sectorLabels(chrome, sectors),
                    sectors.stream().map(s -> figures.sector(d, s)).toList(), null, figures));
            for (Dimension dim : List.of(Dimension.SERVICE, Dimension.GAP, Dimension.CHANNEL)) {
                List<String> values = figures.values(dim);
                charts.add(Chart.ranked(chrome.t("by_" + dim.code()), labels(chrome, dim, values),
                        values.stream().map(v -> figures.of(Dimension.DISTRICT, d, dim, v)).toList(), null, figures));
            }
            List<String> times = figures.values(time);
            charts.add(trend(chrome, period, time, times,
                    times.stream().map(w -> figures.of(Dimension.DISTRICT, d, time, w)).toList(), figures));
        } else if (service.isPresent()) {
            String s = service.get();
            headline = figures.of(Dimension.SERVICE, s);
            List<String> districts = figures.values(Dimension.DISTRICT);
            Period shown = period;
            List<Figures.Count> byDistrict = districts.stream()
                    .map(d -> figures.of(Dimension.DISTRICT, d, Dimension.SERVICE, s)).toList();
            charts.add(Chart.ranked(chrome.t("by_district"), districts, byDistrict,
                    districts.stream().map(d -> link(shown, d, null)).toList(), figures));
            map = map(chrome, districts, byDistrict, figures, period);
            if (exact) {
                // Service x gap and service x channel are not released (docs/disclosure.md): exact readers only.
                for (Dimension dim : List.of(Dimension.GAP, Dimension.CHANNEL)) {
                    List<String> values = figures.values(dim);
                    charts.add(Chart.ranked(chrome.t("by_" + dim.code()), labels(chrome, dim, values),
                            values.stream().map(v -> figures.of(Dimension.SERVICE, s, dim, v)).toList(), null,
                            figures));
                }
            }
            List<String> times = figures.values(time);
            charts.add(trend(chrome, period, time, times,
                    times.stream().map(w -> figures.of(Dimension.SERVICE, s, time, w)).toList(), figures));
        } else {
            headline = figures.total();
            List<String> districts = figures.values(Dimension.DISTRICT);
            Period shown = period;
            List<Figures.Count> byDistrict = districts.stream().map(d -> figures.of(Dimension.DISTRICT, d)).toList();
            charts.add(Chart.ranked(chrome.t("by_district"), districts, byDistrict,
                    districts.stream().map(d -> link(shown, d, null)).toList(), figures));
            map = map(chrome, districts, byDistrict, figures, period);
            for (Dimension dim : List.of(Dimension.SERVICE, Dimension.GAP, Dimension.CHANNEL)) {
                List<String> values = figures.values(dim);
                charts.add(Chart.ranked(chrome.t("by_" + dim.code()), labels(chrome, dim, values),
                        values.stream().map(v -> figures.of(dim, v)).toList(),
                        dim == Dimension.SERVICE ? values.stream().map(v -> link(shown, null, v)).toList() : null,
                        figures));
            }
            List<String> times = figures.values(time);
            charts.add(trend(chrome, period, time, times, times.stream().map(w -> figures.of(time, w)).toList(),
                    figures));
        }
        templates.render(ctx, "overview.jte", chrome, new View(new Filters(period, district.orElse(""),
                service.orElse(""), figures.values(Dimension.DISTRICT), Aggregates.SERVICES),
                figures.shown(headline), exact, figures.suppressBelow(), charts, note, notice,
                exact ? "" : chrome.t("release_note").replace("{period}", Grid.of(period).orElseThrow().name()),
                publisher.closedPeriods().stream().map(Grid.Cell::name).toList(),
                Grid.of(period).map(Grid.Cell::name).orElse(""), map,
                chrome.t("brief_map").replace("{period}", Grid.of(period).map(Grid.Cell::name).orElse(period.label()))));
    }

    /**
     * The trend as columns with their values, or as rows when there are too many periods for columns to carry
     * their numbers; periods cut by the window's ends are marked partial.
     */
    private static Chart trend(Chrome chrome, Period period, Dimension time, List<String> times,
            List<Figures.Count> counts, Figures figures) {
        String title = chrome.t("by_" + time.code());
        String hatched = chrome.t("chart_hatched").replace("{k}", String.valueOf(figures.suppressBelow()));
        if (times.size() > 24) {
            return Chart.horizontal(title, times, counts, null, figures);
        }
        boolean firstCut = time == Dimension.WEEK ? period.from().getDayOfWeek() != java.time.DayOfWeek.MONDAY
                : period.from().getDayOfMonth() != 1;
        boolean lastCut = time == Dimension.WEEK ? period.to().getDayOfWeek() != java.time.DayOfWeek.SUNDAY
                : !period.to().equals(java.time.YearMonth.from(period.to()).atEndOfMonth());
        List<Boolean> partial = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            partial.add((i == 0 && firstCut) || (i == times.size() - 1 && lastCut));
        }
        String note = partial.contains(true) ? chrome.t("chart_partial") + " · " + hatched : hatched;
        return Chart.columns(title, times, counts, partial, null, note, figures);
    }

    /** The tile map of the districts' counts, as the chart beside it shows them. */
    private static TileMap.Drawn map(Chrome chrome, List<String> districts, List<Figures.Count> counts,
            Figures figures, Period period) {
        Map<String, Figures.Count> byName = new LinkedHashMap<>();
        for (int i = 0; i < districts.size(); i++) {
            byName.put(districts.get(i), counts.get(i));
        }
        String name = Grid.of(period).map(Grid.Cell::name).orElse(period.label());
        return TileMap.draw(byName, figures::shown, null, chrome.t("brief_map_label").replace("{period}", name),
                chrome.t("map_hidden").replace("{k}", String.valueOf(figures.suppressBelow())));
    }

    static List<String> labels(Chrome chrome, Dimension dim, List<String> codes) {
        return codes.stream().map(c -> chrome.t(dim.code() + "_" + c)).toList();
    }

    private static List<String> sectorLabels(Chrome chrome, List<String> sectors) {
        return sectors.stream().map(s -> Counts.UNKNOWN_SECTOR.equals(s) ? chrome.t("sector_unknown") : s).toList();
    }

    static String link(Period period, String district, String service) {
        StringBuilder href = new StringBuilder("/?from=" + period.from() + "&to=" + period.to());
        if (district != null) {
            href.append("&district=").append(URLEncoder.encode(district, StandardCharsets.UTF_8));
        }
        if (service != null) {
            href.append("&service=").append(service);
        }
        return href.toString();
    }

    /**
     * What overview.jte shows: the filters, the headline figure, whether the reader sees exact counts, the charts,
     * the note, notice and release lines ("" when none), the closed periods to choose from, and the map (null when a
     * district is chosen: its sectors have no map) with its caption.
     */
    public record View(Filters filters, String headline, boolean exactAll, int suppressBelow, List<Chart> charts,
            String note, String notice, String release, List<String> periods, String periodName, TileMap.Drawn map,
            String mapCaption) {
    }

    /** What overview_empty.jte shows before the first report: nothing but the chrome. */
    public record Empty() {
    }
}
