package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import rw.ijwi.disclosure.Grid;
import rw.ijwi.feedback.Figures.Count;
import rw.ijwi.feedback.Figures.State;

/** Which bars a brief's trend draws, and that suppressed months are added up the way releases allow. */
class TrendPlanTest {

    private static final Count SMALL = new Count(0, State.SMALL, 0, 4);

    private static Function<YearMonth, Count> each(long value) {
        return m -> Count.exact(value);
    }

    @Test
    void a_year_whose_months_are_mostly_shown_is_drawn_by_month() {
        TrendPlan.Plan plan = TrendPlan.plan(Grid.year(2026), YearMonth.of(2025, 1), each(40), 5);
        assertThat(plan.grain()).isEqualTo(TrendPlan.Grain.MONTHS);
        assertThat(plan.buckets()).hasSize(12).allMatch(TrendPlan.Bucket::focus).noneMatch(TrendPlan.Bucket::partial);
        assertThat(plan.buckets().get(0).label()).isEqualTo("2026-01");
    }

    @Test
    void a_year_whose_months_are_mostly_under_k_is_drawn_by_quarter_with_ranges() {
        // Seven of twelve months read <5: quarters say more than twelve "<5" bars.
        Map<Integer, Count> months = Map.of(1, Count.exact(6), 4, Count.exact(7), 7, Count.exact(5), 8, Count.exact(9),
                11, Count.exact(12));
        TrendPlan.Plan plan = TrendPlan.plan(Grid.year(2026), YearMonth.of(2025, 1),
                m -> months.getOrDefault(m.getMonthValue(), SMALL), 5);
        assertThat(plan.grain()).isEqualTo(TrendPlan.Grain.QUARTERS);
        assertThat(plan.buckets()).extracting(TrendPlan.Bucket::label)
                .containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        // Q1 = 6 + <5 + <5: 6 to 14, never an exact figure made up from hidden ones.
        assertThat(plan.buckets().get(0).count()).isEqualTo(new Count(0, State.RANGE, 6, 14));
        assertThat(plan.buckets().get(2).count()).isEqualTo(new Count(0, State.RANGE, 14, 18));
    }

    @Test
    void exactly_half_the_months_under_k_keeps_months() {
        TrendPlan.Plan plan = TrendPlan.plan(Grid.year(2026), YearMonth.of(2025, 1),
                m -> m.getMonthValue() % 2 == 0 ? SMALL : Count.exact(8), 5);
        assertThat(plan.grain()).isEqualTo(TrendPlan.Grain.MONTHS);
    }

    @Test
    void a_quarter_is_drawn_by_its_three_months() {
        TrendPlan.Plan plan = TrendPlan.plan(Grid.quarter(2026, 3), YearMonth.of(2025, 1), m -> SMALL, 5);
        assertThat(plan.grain()).isEqualTo(TrendPlan.Grain.MONTHS);
        assertThat(plan.buckets()).extracting(TrendPlan.Bucket::label).containsExactly("2026-07", "2026-08", "2026-09");
    }

    @Test
    void a_month_is_one_bar_in_focus_beside_the_five_closed_months_before_it() {
        TrendPlan.Plan plan = TrendPlan.plan(Grid.month(YearMonth.of(2026, 11)), YearMonth.of(2025, 1), each(20), 5);
        assertThat(plan.buckets()).extracting(TrendPlan.Bucket::label)
                .containsExactly("2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11");
        assertThat(plan.buckets()).filteredOn(TrendPlan.Bucket::focus).extracting(TrendPlan.Bucket::label)
                .containsExactly("2026-11");
    }

    @Test
    void months_before_the_first_report_are_left_out_and_the_first_month_is_marked_partial() {
        TrendPlan.Plan month = TrendPlan.plan(Grid.month(YearMonth.of(2026, 11)), YearMonth.of(2026, 9), each(20), 5);
        assertThat(month.buckets()).extracting(TrendPlan.Bucket::label)
                .containsExactly("2026-09", "2026-10", "2026-11");
        assertThat(month.buckets()).filteredOn(TrendPlan.Bucket::partial).extracting(TrendPlan.Bucket::label)
                .containsExactly("2026-09");

        TrendPlan.Plan year = TrendPlan.plan(Grid.year(2026), YearMonth.of(2026, 5), m -> SMALL, 5);
        assertThat(year.grain()).isEqualTo(TrendPlan.Grain.QUARTERS);
        assertThat(year.buckets()).extracting(TrendPlan.Bucket::label).containsExactly("2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(year.buckets()).extracting(TrendPlan.Bucket::partial).containsExactly(true, false, false);
        assertThat(year.buckets().get(0).months()).containsExactly(YearMonth.of(2026, 5), YearMonth.of(2026, 6));
    }

    @Test
    void a_range_with_no_upper_limit_stays_open_in_a_quarter() {
        Count open = new Count(0, State.RANGE, 9, Count.OPEN);
        TrendPlan.Plan plan = TrendPlan.plan(Grid.year(2026), YearMonth.of(2025, 1),
                m -> m.getMonthValue() == 2 ? open : SMALL, 5);
        assertThat(plan.buckets().get(0).count()).isEqualTo(new Count(0, State.RANGE, 9, Count.OPEN));
    }
}
