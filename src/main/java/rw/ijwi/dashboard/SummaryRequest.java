package rw.ijwi.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import rw.ijwi.disclosure.Grid;
import rw.ijwi.disclosure.ReleasedFigures;
import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.Dimension;
import rw.ijwi.feedback.ExactFigures;
import rw.ijwi.feedback.Period;
import rw.ijwi.geo.Geography;

/**
 * The parameters of a summary (API, CSV, overview): groupBy, the period (from and to, or period=2026-Q3), district,
 * service, checked with a one-line reason. At most two dimensions in groupBy and the filters together, so every
 * answer is a slice of one published table.
 */
public record SummaryRequest(List<Dimension> groupBy, Period period, Optional<String> district,
        Optional<String> service) {

    public static SummaryRequest parse(Context ctx, Geography geography, Clock clock) {
        List<Dimension> groupBy = new ArrayList<>();
        String asked = Optional.ofNullable(ctx.queryParam("groupBy")).filter(s -> !s.isBlank()).orElse("district");
        for (String part : asked.split(",")) {
            Dimension d = Dimension.of(part.strip()).orElseThrow(() -> new BadRequestResponse(
                    "unknown groupBy dimension '" + part.strip() + "': use district, sector, service, gap, channel or week"));
            if (groupBy.contains(d)) {
                throw new BadRequestResponse("groupBy names " + d.code() + " twice");
            }
            groupBy.add(d);
        }
        Period period = period(ctx, clock);
        Optional<String> district = Optional.ofNullable(ctx.queryParam("district")).filter(s -> !s.isBlank())
                .map(name -> geography.district(name).orElseThrow(() -> new BadRequestResponse(
                        "unknown district '" + name + "'")).name());
        Optional<String> service = Optional.ofNullable(ctx.queryParam("service")).filter(s -> !s.isBlank())
                .map(code -> {
                    if (!Aggregates.SERVICES.contains(code)) {
                        throw new BadRequestResponse("unknown service '" + code + "': use one of "
                                + String.join(", ", Aggregates.SERVICES));
                    }
                    return code;
                });
        return new SummaryRequest(List.copyOf(groupBy), period, district, service);
    }

    /** The districts the answer is about: the one filtered on, or none (the whole country). */
    public Set<String> scope() {
        return district.map(Set::of).orElse(Set.of());
    }

    /** The period: period=NAME of the grid ("2026-10", "2026-Q3", "2026"), or from and to (default: 52 weeks). */
    static Period period(Context ctx, Clock clock) {
        String named = ctx.queryParam("period");
        if (named != null && !named.isBlank()) {
            return Grid.named(named).orElseThrow(() -> new BadRequestResponse("bad period '" + named
                    + "': use a month (2026-10), a quarter (2026-Q3) or a year (2026)")).period();
        }
        LocalDate today = Aggregates.today(clock);
        Period fallback = Period.lastYear(today);
        LocalDate from = day("from", ctx.queryParam("from"), fallback.from());
        LocalDate to = day("to", ctx.queryParam("to"), fallback.to());
        if (to.isBefore(from)) {
            throw new BadRequestResponse("to " + to + " is before from " + from);
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new BadRequestResponse("the period is longer than 5 years");
        }
        return new Period(from, to);
    }

    private static LocalDate day(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("bad date " + name + "='" + value + "': use YYYY-MM-DD");
        }
        // ISO allows years such as +999999999, where the week and month arithmetic overflows (it answered 500).
        if (day.getYear() < 1900 || day.getYear() > 9999) {
            throw new BadRequestResponse("bad date " + name + "='" + value + "': use YYYY-MM-DD, years 1900 to 9999");
        }
        return day;
    }

    /** The dimensions the answer involves: groupBy and filters together. */
    public Set<Dimension> dimensions() {
        Set<Dimension> all = new LinkedHashSet<>(groupBy);
        district.ifPresent(d -> all.add(Dimension.DISTRICT));
        service.ifPresent(s -> all.add(Dimension.SERVICE));
        return all;
    }

    /** Checks the dimensions against what is published: exact tables, or releases (no week, fewer pairs). */
    public void check(boolean exact) {
        Set<Dimension> all = dimensions();
        if (all.size() > 2) {
            throw new BadRequestResponse("groupBy and the district/service filters may name at most two dimensions"
                    + " together (asked: " + all.stream().map(Dimension::code).toList() + ")");
        }
        if (all.contains(Dimension.SECTOR)) {
            if (district.isEmpty()) {
                throw new BadRequestResponse("groupBy=sector needs district=");
            }
            return;
        }
        if (!exact && all.contains(Dimension.WEEK)) {
            throw new BadRequestResponse("weeks are for your own districts: use groupBy=month for the rest");
        }
        if (all.size() == 2) {
            List<Dimension> pair = List.copyOf(all);
            if (exact && !ExactFigures.published(pair.get(0), pair.get(1))) {
                throw new BadRequestResponse("a pair of dimensions must include district or service (asked: "
                        + pair.stream().map(Dimension::code).toList() + ")");
            }
            if (!exact && !ReleasedFigures.published(pair.get(0), pair.get(1))) {
                throw new BadRequestResponse("beyond your districts a pair of dimensions must include district or"
                        + " month (asked: " + pair.stream().map(Dimension::code).toList() + ")");
            }
        }
    }
}
