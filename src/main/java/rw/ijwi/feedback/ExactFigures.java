package rw.ijwi.feedback;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A period's counts exactly as stored: for admins, and for coordinators within their own districts. */
public final class ExactFigures implements Figures {

    private final Counts counts;
    private final int k;
    private final Function<Period, Counts> reader;
    private final Map<String, Counts> months = new LinkedHashMap<>();

    /** reader gives the counts of a sub-period, for the month dimension. */
    public ExactFigures(Counts counts, int k, Function<Period, Counts> reader) {
        this.counts = counts;
        this.k = k;
        this.reader = reader;
    }

    public Counts counts() {
        return counts;
    }

    @Override
    public Count total() {
        return Count.exact(counts.total());
    }

    @Override
    public Count of(Dimension d, String value) {
        if (d == Dimension.MONTH) {
            return Count.exact(month(value).total());
        }
        int i = counts.index(d, value);
        return Count.exact(i < 0 ? 0 : counts.vectors().get(d)[i]);
    }

    @Override
    public Count of(Dimension a, String aValue, Dimension b, String bValue) {
        if (a == Dimension.MONTH) {
            return new ExactFigures(month(aValue), k, reader).of(b, bValue);
        }
        if (b == Dimension.MONTH) {
            return new ExactFigures(month(bValue), k, reader).of(a, aValue);
        }
        if (a == Dimension.SECTOR || b == Dimension.SECTOR) {
            return a == Dimension.SECTOR ? sector(bValue, aValue) : sector(aValue, bValue);
        }
        List<Dimension> pair = List.of(a, b);
        if (!counts.grids().containsKey(pair)) {
            return of(b, bValue, a, aValue);
        }
        int i = counts.index(a, aValue);
        int j = counts.index(b, bValue);
        return Count.exact(i < 0 || j < 0 ? 0 : counts.grids().get(pair)[i][j]);
    }

    @Override
    public Count sector(String district, String sector) {
        int s = counts.sectors().get(district).indexOf(sector);
        return Count.exact(s < 0 ? 0 : counts.sectorCounts().get(district)[s]);
    }

    @Override
    public List<String> values(Dimension d) {
        if (d == Dimension.MONTH) {
            return monthsOf(counts.period());
        }
        return counts.values().get(d);
    }

    @Override
    public List<String> sectors(String district) {
        return counts.sectors().get(district);
    }

    @Override
    public int suppressBelow() {
        return k;
    }

    /** The calendar months a period touches, as "2026-10". */
    public static List<String> monthsOf(Period period) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.atDay(1).isAfter(period.to()); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    private Counts month(String value) {
        return months.computeIfAbsent(value, v -> {
            YearMonth m = YearMonth.parse(v);
            LocalDate from = m.atDay(1).isBefore(counts.period().from()) ? counts.period().from() : m.atDay(1);
            LocalDate to = m.atEndOfMonth().isAfter(counts.period().to()) ? counts.period().to() : m.atEndOfMonth();
            return reader.apply(new Period(from, to));
        });
    }

    /** Whether a pair of dimensions is a published table for exact readers. */
    public static boolean published(Dimension a, Dimension b) {
        if (a == Dimension.MONTH || b == Dimension.MONTH) {
            return a != Dimension.WEEK && b != Dimension.WEEK && a != Dimension.SECTOR && b != Dimension.SECTOR;
        }
        return Counts.PAIRS.contains(List.of(a, b)) || Counts.PAIRS.contains(List.of(b, a));
    }
}
