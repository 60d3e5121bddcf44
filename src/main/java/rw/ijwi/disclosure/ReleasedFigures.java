package rw.ijwi.disclosure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.Counts;
import rw.ijwi.feedback.Dimension;
import rw.ijwi.feedback.ExactFigures;
import rw.ijwi.feedback.Figures;
import rw.ijwi.geo.Geography;

/**
 * A grid period's figures as its monthly releases publish them: a month's figure as released, a quarter's or a
 * year's as the sum of its months' (exact when they all are, else the range their published forms allow). A
 * coordinator's own districts are read exactly from {@code own} instead; nothing else is.
 */
public final class ReleasedFigures implements Figures {

    /** Pairs a release publishes: district with one of these, or any one dimension with month. */
    public static final Set<Dimension> WITH_DISTRICT = Set.of(Dimension.SERVICE, Dimension.GAP, Dimension.CHANNEL,
            Dimension.SECTOR, Dimension.MONTH);

    private final Grid.Cell cell;
    private final List<Releases.Stored> months;
    private final int k;
    private final Geography geography;
    private final Set<String> ownDistricts;
    private final ExactFigures own;

    public ReleasedFigures(Grid.Cell cell, List<Releases.Stored> months, int k, Geography geography,
            Set<String> ownDistricts, ExactFigures own) {
        this.cell = cell;
        this.months = months;
        this.k = k;
        this.geography = geography;
        this.ownDistricts = Set.copyOf(ownDistricts);
        this.own = own;
    }

    /** Whether a pair of dimensions is published to readers of releases. */
    public static boolean published(Dimension a, Dimension b) {
        if (a == Dimension.WEEK || b == Dimension.WEEK) {
            return false;
        }
        if (a == Dimension.MONTH || b == Dimension.MONTH) {
            Dimension other = a == Dimension.MONTH ? b : a;
            return other != Dimension.MONTH && other != Dimension.SECTOR;
        }
        return (a == Dimension.DISTRICT && WITH_DISTRICT.contains(b))
                || (b == Dimension.DISTRICT && WITH_DISTRICT.contains(a));
    }

    @Override
    public Count total() {
        return sum("total", months);
    }

    @Override
    public Count of(Dimension d, String value) {
        if (d == Dimension.MONTH) {
            return sum("total", month(value));
        }
        if (d == Dimension.DISTRICT && ownDistricts.contains(value)) {
            return own.of(d, value);
        }
        check(d);
        return sum(MonthTables.key(d.code(), value), months);
    }

    @Override
    public Count of(Dimension a, String aValue, Dimension b, String bValue) {
        if (a != Dimension.MONTH && (b == Dimension.MONTH || b == Dimension.DISTRICT)) {
            return of(b, bValue, a, aValue);
        }
        if (a == Dimension.MONTH) {
            List<Releases.Stored> one = month(aValue);
            if (b == Dimension.DISTRICT && ownDistricts.contains(bValue)) {
                return own.of(a, aValue, b, bValue);
            }
            check(b);
            return sum(b == Dimension.DISTRICT ? MonthTables.key("district", bValue) : MonthTables.key(b.code(), bValue),
                    one);
        }
        if (a != Dimension.DISTRICT || !WITH_DISTRICT.contains(b)) {
            throw new IllegalArgumentException(a.code() + " x " + b.code() + " is not released");
        }
        if (ownDistricts.contains(aValue)) {
            return own.of(a, aValue, b, bValue);
        }
        return sum(MonthTables.key(aValue, b.code(), bValue), months);
    }

    @Override
    public Count sector(String district, String sector) {
        if (ownDistricts.contains(district)) {
            return own.sector(district, sector);
        }
        return sum(MonthTables.key(district, "sector", sector), months);
    }

    @Override
    public List<String> values(Dimension d) {
        return switch (d) {
            case DISTRICT -> geography.districts().stream().map(Geography.District::name).toList();
            case SERVICE -> Aggregates.SERVICES;
            case GAP -> Aggregates.GAPS;
            case CHANNEL -> Aggregates.CHANNELS;
            case MONTH -> cell.months().stream().map(YearMonth::toString).toList();
            case SECTOR, WEEK -> throw new IllegalArgumentException(d.code() + " has no values of its own here");
        };
    }

    @Override
    public List<String> sectors(String district) {
        List<String> names = new ArrayList<>();
        geography.district(district).ifPresent(d -> geography.sectors(d).forEach(s -> names.add(s.name())));
        names.add(Counts.UNKNOWN_SECTOR);
        return names;
    }

    @Override
    public int suppressBelow() {
        return k;
    }

    private static void check(Dimension d) {
        if (d == Dimension.WEEK || d == Dimension.SECTOR) {
            throw new IllegalArgumentException(d.code() + " alone is not released");
        }
    }

    private List<Releases.Stored> month(String value) {
        for (Releases.Stored m : months) {
            if (m.month().toString().equals(value)) {
                return List.of(m);
            }
        }
        throw new IllegalArgumentException("month " + value + " is not in " + cell.name());
    }

    /** A figure over some months: exact if every month shows it exactly, else the range their forms allow. */
    private Count sum(String key, List<Releases.Stored> over) {
        long lo = 0;
        long hi = 0;
        boolean exact = true;
        Protector.Published last = null;
        for (Releases.Stored m : over) {
            Protector.Published p = m.figures().get(key);
            if (p == null) {
                throw new IllegalArgumentException("no figure " + key + " in the release of " + m.month());
            }
            last = p;
            lo += p.lo();
            hi = hi == Count.OPEN || p.hi() == Protector.Published.NO_LIMIT ? Count.OPEN : hi + p.hi();
            exact &= p.shown() == Shown.EXACT;
        }
        if (exact || lo == hi) {
            return Count.exact(lo);
        }
        if (over.size() == 1 && last.shown() == Shown.SMALL) {
            return new Count(0, State.SMALL, 0, k - 1);
        }
        return new Count(0, State.RANGE, lo, hi);
    }
}
