package rw.ijwi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import rw.ijwi.feedback.Spans.Span;

/** A period splits into days at its ends and aligned runs of weeks between, covering each day exactly once. */
class SpansTest {

    @Test
    void a_period_inside_one_week_is_its_days() {
        // Tuesday 2026-11-24 to Friday 2026-11-27
        assertThat(Spans.of(new Period(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 27)), false)).containsExactly(
                new Span(LocalDate.of(2026, 11, 24), 1), new Span(LocalDate.of(2026, 11, 25), 1),
                new Span(LocalDate.of(2026, 11, 26), 1), new Span(LocalDate.of(2026, 11, 27), 1));
    }

    @Test
    void a_whole_week_from_monday_to_sunday_is_one_span() {
        assertThat(Spans.of(new Period(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)), true))
                .containsExactly(new Span(LocalDate.of(2026, 11, 23), 7));
    }

    @Test
    void weeks_between_the_ends_are_single_weeks_when_weekly_and_aligned_runs_otherwise() {
        Period period = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        List<Span> weekly = Spans.of(period, true);
        List<Span> runs = Spans.of(period, false);
        // Thursday 1 January to Thursday 31 December: 51 whole weeks from Monday 5 January
        assertThat(weekly.stream().filter(s -> s.days() == 7)).hasSize(51);
        assertThat(runs.size()).isLessThan(20);
        assertThat(runs).allSatisfy(s -> {
            if (s.days() > 1) {
                long week = ChronoUnit.DAYS.between(Spans.EPOCH_MONDAY, s.first()) / 7;
                assertThat(Math.floorMod(week, s.days() / 7)).as(s.toString()).isZero();
            }
        });
    }

    @Test
    void any_period_is_covered_day_by_day_exactly_once_in_order() {
        Random random = new Random(6);
        for (int i = 0; i < 2000; i++) {
            LocalDate from = LocalDate.of(1969, 6, 1).plusDays(random.nextInt(25_000));
            Period period = new Period(from, from.plusDays(random.nextInt(800)));
            for (boolean weekly : new boolean[] {true, false}) {
                LocalDate next = period.from();
                for (Span span : Spans.of(period, weekly)) {
                    assertThat(span.first()).as(period + " " + weekly).isEqualTo(next);
                    if (span.days() > 1) {
                        assertThat(span.first().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                        assertThat(Integer.bitCount(span.days() / 7)).isEqualTo(1);
                        assertThat(span.days()).isLessThanOrEqualTo(7 << Spans.MAX_LEVEL);
                    }
                    next = next.plusDays(span.days());
                }
                assertThat(next).as(period + " " + weekly).isEqualTo(period.to().plusDays(1));
            }
        }
    }
}
