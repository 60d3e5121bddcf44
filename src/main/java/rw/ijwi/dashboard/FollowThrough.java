package rw.ijwi.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import rw.ijwi.feedback.Figures.Count;

/**
 * Whether things moved since a commitment was made: the released reports about its service (or gap) in its
 * district in the N full closed months before the month it was made, against the N closed months since (N the
 * months closed since, at most 3, and no more than there are months with reports before). The month it was made is
 * in neither: it holds days before and after. Each side is a sum of month releases, so it publishes nothing they do
 * not; a difference is given only when both sides are exact ({@link Change}). Pure: it is given a month's figure.
 */
public final class FollowThrough {

    /** The longest window compared on each side. */
    public static final int MAX_MONTHS = 3;

    /** Where a commitment stands: compared, too early (no month closed since), or no month with reports before. */
    public enum State { COMPARED, TOO_EARLY, NO_BEFORE }

    /** The months on each side (empty unless compared). */
    public record Window(State state, List<YearMonth> before, List<YearMonth> after) {
    }

    /** One comparison, ready to print: the window, and the published figures of each side. */
    public record Result(Window window, Change change) {
    }

    private FollowThrough() {
    }

    /** The windows of a commitment made in this month, given the last closed month and the first with reports. */
    public static Window window(YearMonth made, YearMonth lastClosed, YearMonth first) {
        long since = Math.max(0, made.until(lastClosed, java.time.temporal.ChronoUnit.MONTHS));
        if (since == 0) {
            return new Window(State.TOO_EARLY, List.of(), List.of());
        }
        long earlier = Math.max(0, first.until(made, java.time.temporal.ChronoUnit.MONTHS));
        int n = (int) Math.min(MAX_MONTHS, Math.min(since, earlier));
        if (n == 0) {
            return new Window(State.NO_BEFORE, List.of(), List.of());
        }
        List<YearMonth> before = new ArrayList<>();
        List<YearMonth> after = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            before.add(made.minusMonths(i));
        }
        for (int i = 1; i <= n; i++) {
            after.add(made.plusMonths(i));
        }
        return new Window(State.COMPARED, List.copyOf(before), List.copyOf(after));
    }

    /** The comparison of a window, each side the sum of its months' published figures. */
    public static Result compare(Window window, Function<YearMonth, Count> monthly, int k) {
        if (window.state() != State.COMPARED) {
            return new Result(window, null);
        }
        Count before = Change.sum(window.before().stream().map(monthly).toList(), k);
        Count after = Change.sum(window.after().stream().map(monthly).toList(), k);
        return new Result(window, new Change(before, after));
    }
}
