package rw.ijwi.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import rw.ijwi.disclosure.Grid;
import rw.ijwi.feedback.Figures.Count;
import rw.ijwi.feedback.Figures.State;

/**
 * Which bars a brief's trend draws, from released month figures only. A quarter shows its months; a year its months,
 * or its quarters when most of its months would read "&lt;k" (twelve "&lt;5" bars say nothing, four quarter ranges
 * do); a single month is one bar set beside up to five closed months before it, so it has something to be read
 * against. Months before the first report are left out; the first month is marked partial (the service started
 * during it), and so is any quarter holding it. Knows nothing of pages or SQL: it is given a month's figure.
 */
public final class TrendPlan {

    /** How the bars are cut. */
    public enum Grain { MONTHS, QUARTERS }

    /** One bar: its label ("2026-10", "2026-Q3"), its months, its published figure, partial, and the period's own. */
    public record Bucket(String label, List<YearMonth> months, Count count, boolean partial, boolean focus) {
    }

    /** The bars and how they are cut. */
    public record Plan(Grain grain, List<Bucket> buckets) {
    }

    /** How many months before a one-month brief's own month the trend shows. */
    static final int MONTHS_BEFORE = 5;

    private TrendPlan() {
    }

    /**
     * The trend of a grid period, given the first month with reports and each month's published figure (asked only
     * for months from the first on).
     */
    public static Plan plan(Grid.Cell cell, YearMonth first, Function<YearMonth, Count> monthly, int k) {
        List<YearMonth> shown = new ArrayList<>();
        boolean single = cell.months().size() == 1;
        YearMonth own = cell.months().get(0);
        List<YearMonth> candidates = single ? range(own.minusMonths(MONTHS_BEFORE), own) : cell.months();
        for (YearMonth m : candidates) {
            if (!m.isBefore(first)) {
                shown.add(m);
            }
        }
        List<Count> counts = shown.stream().map(monthly).toList();
        if (cell.months().size() == 12 && mostlySmall(counts)) {
            List<Bucket> quarters = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                List<YearMonth> months = new ArrayList<>();
                List<Count> parts = new ArrayList<>();
                for (int i = 0; i < shown.size(); i++) {
                    if ((shown.get(i).getMonthValue() + 2) / 3 == q) {
                        months.add(shown.get(i));
                        parts.add(counts.get(i));
                    }
                }
                if (!months.isEmpty()) {
                    quarters.add(new Bucket(own.getYear() + "-Q" + q, months, Change.sum(parts, k),
                            months.size() < 3 || months.contains(first), true));
                }
            }
            return new Plan(Grain.QUARTERS, quarters);
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            YearMonth m = shown.get(i);
            buckets.add(new Bucket(m.toString(), List.of(m), counts.get(i), m.equals(first),
                    !single || m.equals(own)));
        }
        return new Plan(Grain.MONTHS, buckets);
    }

    /** Whether more than half of these month figures read "&lt;k". */
    static boolean mostlySmall(List<Count> counts) {
        long small = counts.stream().filter(c -> c.state() == State.SMALL).count();
        return !counts.isEmpty() && small * 2 > counts.size();
    }

    private static List<YearMonth> range(YearMonth from, YearMonth to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
