package rw.ijwi.disclosure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rw.ijwi.feedback.Period;

/**
 * The release grid: the periods readers without exact access may ask for. Calendar months, quarters and years of
 * Rwanda's calendar, each only once it is closed (a day after it has ended). A month is released as audited tables; a quarter or a year is the
 * sum of its months' releases and publishes nothing they do not (a figure whose months are all exact is exact, any
 * other is the range their published forms allow), so the grid's periods cannot be set against each other.
 */
public final class Grid {

    /** One period of the grid: its name ("2026-10", "2026-Q3", "2026"), its days and its months. */
    public record Cell(String name, Period period, List<YearMonth> months) {
    }

    private static final Pattern NAME = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");

    private Grid() {
    }

    public static Cell month(YearMonth m) {
        return new Cell(m.toString(), new Period(m.atDay(1), m.atEndOfMonth()), List.of(m));
    }

    public static Cell quarter(int year, int q) {
        YearMonth first = YearMonth.of(year, 3 * q - 2);
        return new Cell(year + "-Q" + q, new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth()),
                List.of(first, first.plusMonths(1), first.plusMonths(2)));
    }

    public static Cell year(int year) {
        List<YearMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(YearMonth.of(year, m));
        }
        return new Cell(Integer.toString(year), new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
                months);
    }

    /** The grid period named so, if the name is one ("2026-10", "2026-Q3", "2026"). */
    public static Optional<Cell> named(String name) {
        Matcher m = NAME.matcher(name.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? Optional.of(month(YearMonth.of(year, month))) : Optional.empty();
        }
        if (m.group(3) != null) {
            return Optional.of(quarter(year, Integer.parseInt(m.group(3))));
        }
        return Optional.of(year(year));
    }

    /** The grid period these days are exactly, if they are one. */
    public static Optional<Cell> of(Period period) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        if (from.getDayOfMonth() != 1 || !to.equals(YearMonth.from(to).atEndOfMonth())) {
            return Optional.empty();
        }
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        if (first.equals(last)) {
            return Optional.of(month(first));
        }
        if (first.getYear() == last.getYear() && (first.getMonthValue() - 1) % 3 == 0
                && last.equals(first.plusMonths(2))) {
            return Optional.of(quarter(first.getYear(), (first.getMonthValue() + 2) / 3));
        }
        if (first.getYear() == last.getYear() && first.getMonthValue() == 1 && last.getMonthValue() == 12) {
            return Optional.of(year(first.getYear()));
        }
        return Optional.empty();
    }

    /**
     * Whether the period is closed on this Rwanda day: its last day and one more are over, so callbacks spooled
     * across the turn of the month (a database outage at midnight) are stored before its release is made.
     */
    public static boolean closed(Cell cell, LocalDate today) {
        return cell.period().to().plusDays(1).isBefore(today);
    }

    /** The latest month that is closed on this day. */
    public static YearMonth lastClosed(LocalDate today) {
        LocalDate twoDaysAgo = today.minusDays(2);
        YearMonth month = YearMonth.from(twoDaysAgo);
        return twoDaysAgo.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
    }

    /** The closed grid periods from this month on, newest first: months, then quarters, then years. */
    public static List<Cell> closedSince(YearMonth first, LocalDate today) {
        List<Cell> cells = new ArrayList<>();
        YearMonth last = lastClosed(today);
        for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
            cells.add(month(m));
        }
        for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
            if (m.getMonthValue() % 3 == 0) {
                cells.add(quarter(m.getYear(), m.getMonthValue() / 3));
            }
        }
        for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
            if (m.getMonthValue() == 12) {
                cells.add(year(m.getYear()));
            }
        }
        return cells;
    }

    /** The latest closed month. */
    public static Cell lastMonth(LocalDate today) {
        return month(lastClosed(today));
    }
}
