package rw.ijwi.feedback;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a period into the buckets report_rollup keeps (V26): single days up to the first Monday and after the
 * last whole week, and in between whole ISO weeks, or for the sets without a week the longest aligned runs of 2^k
 * weeks (k up to 5, counted from Monday 1970-01-05). Knows nothing of SQL.
 */
public final class Spans {

    /** One bucket: its first day and its length in days. */
    public record Span(LocalDate first, int days) {
    }

    static final LocalDate EPOCH_MONDAY = LocalDate.of(1970, 1, 5);
    static final int MAX_LEVEL = 5;

    private Spans() {
    }

    /** The buckets covering the period exactly once: whole weeks as single weeks when weekly, else as runs. */
    public static List<Span> of(Period period, boolean weekly) {
        List<Span> spans = new ArrayList<>();
        LocalDate day = period.from();
        LocalDate end = period.to().plusDays(1);
        while (day.isBefore(end) && (day.getDayOfWeek() != DayOfWeek.MONDAY || day.plusDays(7).isAfter(end))) {
            spans.add(new Span(day, 1));
            day = day.plusDays(1);
        }
        long week = ChronoUnit.DAYS.between(EPOCH_MONDAY, day) / 7;
        long weeks = ChronoUnit.DAYS.between(day, end) / 7;
        long lastWeek = week + weeks;
        while (week < lastWeek) {
            int level = 0;
            while (!weekly && level < MAX_LEVEL && Math.floorMod(week, 2L << level) == 0
                    && week + (2L << level) <= lastWeek) {
                level++;
            }
            spans.add(new Span(EPOCH_MONDAY.plusWeeks(week), 7 << level));
            week += 1L << level;
        }
        for (day = EPOCH_MONDAY.plusWeeks(lastWeek); weeks > 0 && day.isBefore(end); day = day.plusDays(1)) {
            spans.add(new Span(day, 1));
        }
        return spans;
    }

    /** The first days of the spans as days since 1970-01-01, for binding as an array. */
    static int[] firstDays(List<Span> spans) {
        return spans.stream().mapToInt(s -> (int) s.first().toEpochDay()).toArray();
    }

    static int[] lengths(List<Span> spans) {
        return spans.stream().mapToInt(Span::days).toArray();
    }
}
