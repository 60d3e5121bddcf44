package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import rw.ijwi.feedback.Figures.Count;
import rw.ijwi.feedback.Figures.State;

/** The months set against each other around a commitment, and what may be said of the difference. */
class FollowThroughTest {

    private static final YearMonth FIRST = YearMonth.of(2025, 1);
    private static final Count SMALL = new Count(0, State.SMALL, 0, 4);

    @Test
    void a_commitment_made_this_month_is_too_early() {
        assertThat(FollowThrough.window(YearMonth.of(2026, 11), YearMonth.of(2026, 11), FIRST).state())
                .isEqualTo(FollowThrough.State.TOO_EARLY);
        assertThat(FollowThrough.window(YearMonth.of(2026, 12), YearMonth.of(2026, 11), FIRST).state())
                .isEqualTo(FollowThrough.State.TOO_EARLY);
    }

    @Test
    void one_closed_month_since_is_set_against_the_one_month_before_and_the_month_made_is_in_neither() {
        FollowThrough.Window w = FollowThrough.window(YearMonth.of(2026, 10), YearMonth.of(2026, 11), FIRST);
        assertThat(w.state()).isEqualTo(FollowThrough.State.COMPARED);
        assertThat(w.before()).containsExactly(YearMonth.of(2026, 9));
        assertThat(w.after()).containsExactly(YearMonth.of(2026, 11));
    }

    @Test
    void at_most_three_months_on_each_side() {
        FollowThrough.Window w = FollowThrough.window(YearMonth.of(2026, 3), YearMonth.of(2026, 11), FIRST);
        assertThat(w.before()).containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(w.after()).containsExactly(YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6));
    }

    @Test
    void the_sides_are_as_long_as_the_shorter_one_when_reports_began_shortly_before() {
        FollowThrough.Window w = FollowThrough.window(YearMonth.of(2026, 6), YearMonth.of(2026, 11),
                YearMonth.of(2026, 4));
        assertThat(w.before()).containsExactly(YearMonth.of(2026, 4), YearMonth.of(2026, 5));
        assertThat(w.after()).containsExactly(YearMonth.of(2026, 7), YearMonth.of(2026, 8));
        assertThat(FollowThrough.window(YearMonth.of(2026, 4), YearMonth.of(2026, 11), YearMonth.of(2026, 4)).state())
                .isEqualTo(FollowThrough.State.NO_BEFORE);
    }

    @Test
    void exact_sides_give_a_difference() {
        Map<YearMonth, Count> months = Map.of(YearMonth.of(2026, 7), Count.exact(12), YearMonth.of(2026, 8),
                Count.exact(9), YearMonth.of(2026, 10), Count.exact(6), YearMonth.of(2026, 11), Count.exact(5));
        FollowThrough.Result r = FollowThrough.compare(
                FollowThrough.window(YearMonth.of(2026, 9), YearMonth.of(2026, 11), FIRST), months::get, 5);
        assertThat(r.change().before()).isEqualTo(Count.exact(21));
        assertThat(r.change().now()).isEqualTo(Count.exact(11));
        assertThat(r.change().difference()).hasValue(-10);
    }

    @Test
    void a_side_holding_a_small_count_is_a_range_and_gives_no_difference() {
        Map<YearMonth, Count> months = Map.of(YearMonth.of(2026, 7), Count.exact(12), YearMonth.of(2026, 8), SMALL,
                YearMonth.of(2026, 10), Count.exact(6), YearMonth.of(2026, 11), Count.exact(5));
        FollowThrough.Result r = FollowThrough.compare(
                FollowThrough.window(YearMonth.of(2026, 9), YearMonth.of(2026, 11), FIRST), months::get, 5);
        assertThat(r.change().before()).isEqualTo(new Count(0, State.RANGE, 12, 16));
        assertThat(r.change().difference()).isEmpty();
    }

    @Test
    void a_single_month_side_under_k_stays_under_k_and_a_hidden_range_stays_a_range() {
        assertThat(Change.sum(List.of(SMALL), 5)).isEqualTo(SMALL);
        Count hidden = new Count(0, State.RANGE, 12, 17);
        assertThat(Change.sum(List.of(hidden, Count.exact(3)), 5)).isEqualTo(new Count(0, State.RANGE, 15, 20));
        assertThat(new Change(hidden, Count.exact(20)).difference()).isEmpty();
        assertThat(new Change(Count.exact(40), Count.exact(52)).difference()).hasValue(12);
    }

    @Test
    void a_window_not_compared_has_no_change() {
        FollowThrough.Result r = FollowThrough.compare(
                FollowThrough.window(YearMonth.of(2026, 11), YearMonth.of(2026, 11), FIRST), m -> {
                    throw new AssertionError("no month is read when it is too early: " + m);
                }, 5);
        assertThat(r.change()).isNull();
    }
}
