package rw.ijwi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import rw.ijwi.feedback.Period;

/** The release grid: names, the days they cover, and when a month is closed (a day after it ends). */
class GridTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-10, 2026-10-01, 2026-10-31", "2026-Q3, 2026-07-01, 2026-09-30", "2026, 2026-01-01, 2026-12-31",
        "2028-02, 2028-02-01, 2028-02-29"})
    void a_name_covers_its_days_and_the_days_give_the_name_back(String name, String from, String to) {
        Grid.Cell cell = Grid.named(name).orElseThrow();
        assertThat(cell.period()).isEqualTo(new Period(LocalDate.parse(from), LocalDate.parse(to)));
        assertThat(Grid.of(cell.period()).orElseThrow().name()).isEqualTo(name);
    }

    @Test
    void other_names_and_windows_are_not_on_the_grid() {
        assertThat(Grid.named("2026-13")).isEmpty();
        assertThat(Grid.named("2026-Q5")).isEmpty();
        assertThat(Grid.named("last month")).isEmpty();
        assertThat(Grid.of(new Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-30")))).isEmpty();
        assertThat(Grid.of(new Period(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-30")))).isEmpty();
        assertThat(Grid.of(new Period(LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-31")))).isEmpty();
    }

    @ParameterizedTest(name = "on {0} the last closed month is {1}")
    @CsvSource({"2026-12-01, 2026-10", "2026-12-02, 2026-11", "2026-12-31, 2026-11", "2026-03-02, 2026-02",
        "2026-03-01, 2026-01", "2027-01-02, 2026-12"})
    void a_month_is_closed_from_the_second_day_of_the_next(String today, String month) {
        LocalDate day = LocalDate.parse(today);
        assertThat(Grid.lastClosed(day)).isEqualTo(YearMonth.parse(month));
        assertThat(Grid.closed(Grid.month(YearMonth.parse(month)), day)).isTrue();
        assertThat(Grid.closed(Grid.month(YearMonth.parse(month).plusMonths(1)), day)).isFalse();
    }

    @Test
    void closed_periods_list_months_then_quarters_then_years_newest_first() {
        var names = Grid.closedSince(YearMonth.of(2025, 11), LocalDate.parse("2026-04-05")).stream()
                .map(Grid.Cell::name).toList();
        assertThat(names).containsExactly("2026-03", "2026-02", "2026-01", "2025-12", "2025-11", "2026-Q1",
                "2025-Q4", "2025");
    }
}
