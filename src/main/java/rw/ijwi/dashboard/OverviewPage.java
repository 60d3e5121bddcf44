package rw.ijwi.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;

import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.Counts;
import rw.ijwi.feedback.Dimension;
import rw.ijwi.feedback.Figures;
import rw.ijwi.feedback.Period;
import rw.ijwi.feedback.Publisher;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * The overview at /: headline figures and bar charts by district (or, for one district, its sectors),
 * service, gap, channel and week, with filters. Numbers come from Figures, so a viewer (and a coordinator
 * outside their districts) sees suppressed counts.
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
        var geography = publisher.aggregates().geography();
        Optional<String> district = Optional.ofNullable(ctx.queryParam("district")).filter(s -> !s.isBlank())
                .flatMap(geography::district).map(d -> d.name());
        Optional<String> service = Optional.ofNullable(ctx.queryParam("service"))
                .filter(Aggregates.SERVICES::contains);
        Figures figures = publisher.figures(period, SummaryRequest.readerOf(Templates.user(ctx)));
        Counts counts = figures.counts();

        List<Chart> charts = new ArrayList<>();
        String note = "";
        Figures.Count headline;
        if (district.isPresent() && service.isPresent()) {
            headline = figures.of(Dimension.DISTRICT, district.get(), Dimension.SERVICE, service.get());
            note = chrome.t("note_one_filter");
        } else if (district.isPresent()) {
            String d = district.get();
            headline = figures.of(Dimension.DISTRICT, d);
            List<String> sectors = counts.sectors().get(d);
            charts.add(Chart.horizontal(chrome.t("by_sector") + " · " + d, sectorLabels(chrome, sectors),
                    sectors.stream().map(s -> figures.sector(d, s)).toList(), null, figures));
            for (Dimension dim : List.of(Dimension.SERVICE, Dimension.GAP, Dimension.CHANNEL)) {
                List<String> values = counts.values().get(dim);
                charts.add(Chart.horizontal(chrome.t("by_" + dim.code()), labels(chrome, dim, values),
                        values.stream().map(v -> figures.of(Dimension.DISTRICT, d, dim, v)).toList(), null, figures));
            }
            List<String> weeks = counts.values().get(Dimension.WEEK);
            charts.add(Chart.columns(chrome.t("by_week"), weeks,
                    weeks.stream().map(w -> figures.of(Dimension.DISTRICT, d, Dimension.WEEK, w)).toList(), figures));
        } else if (service.isPresent()) {
            String s = service.get();
            headline = figures.of(Dimension.SERVICE, s);
            List<String> districts = counts.values().get(Dimension.DISTRICT);
            charts.add(Chart.horizontal(chrome.t("by_district"), districts,
                    districts.stream().map(d -> figures.of(Dimension.DISTRICT, d, Dimension.SERVICE, s)).toList(),
                    districts.stream().map(d -> link(period, d, null)).toList(), figures));
            for (Dimension dim : List.of(Dimension.GAP, Dimension.CHANNEL)) {
                List<String> values = counts.values().get(dim);
                charts.add(Chart.horizontal(chrome.t("by_" + dim.code()), labels(chrome, dim, values),
                        values.stream().map(v -> figures.of(Dimension.SERVICE, s, dim, v)).toList(), null, figures));
            }
            List<String> weeks = counts.values().get(Dimension.WEEK);
            charts.add(Chart.columns(chrome.t("by_week"), weeks,
                    weeks.stream().map(w -> figures.of(Dimension.SERVICE, s, Dimension.WEEK, w)).toList(), figures));
        } else {
            headline = figures.total();
            List<String> districts = counts.values().get(Dimension.DISTRICT);
            charts.add(Chart.horizontal(chrome.t("by_district"), districts,
                    districts.stream().map(d -> figures.of(Dimension.DISTRICT, d)).toList(),
                    districts.stream().map(d -> link(period, d, null)).toList(), figures));
            for (Dimension dim : List.of(Dimension.SERVICE, Dimension.GAP, Dimension.CHANNEL)) {
                List<String> values = counts.values().get(dim);
                charts.add(Chart.horizontal(chrome.t("by_" + dim.code()), labels(chrome, dim, values),
                        values.stream().map(v -> figures.of(dim, v)).toList(),
                        dim == Dimension.SERVICE ? values.stream().map(v -> link(period, null, v)).toList() : null,
                        figures));
            }
            List<String> weeks = counts.values().get(Dimension.WEEK);
            charts.add(Chart.columns(chrome.t("by_week"), weeks,
                    weeks.stream().map(w -> figures.of(Dimension.WEEK, w)).toList(), figures));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filters", new Filters(period, district.orElse(""), service.orElse(""),
                counts.values().get(Dimension.DISTRICT), Aggregates.SERVICES));
        params.put("headline", headline.exact() ? String.format("%,d", headline.value()) : figures.label(headline));
        params.put("exactAll", Templates.user(ctx).isAdmin());
        params.put("suppressBelow", figures.suppressBelow());
        params.put("charts", charts);
        params.put("note", note);
        templates.render(ctx, "overview.jte", chrome, params);
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
}
