package rw.ijwi.africastalking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AT's dates as its callbacks carry them, one labelled case per form; both webhooks and the simulator use these. */
class AtDatesTest {

    record Case(String label, String sent, Optional<OffsetDateTime> read) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("AT's own form, in UTC", "2026-11-28 10:00:00",
                        Optional.of(OffsetDateTime.parse("2026-11-28T10:00:00Z"))),
                new Case("ISO-8601 with an offset", "2026-11-28T12:00:00+02:00",
                        Optional.of(OffsetDateTime.parse("2026-11-28T12:00:00+02:00"))),
                new Case("AT's form with a day that does not exist", "2026-02-30 10:00:00", Optional.empty()),
                new Case("AT's form with letters", "2026-11-28 1O:00:00", Optional.empty()),
                new Case("AT's form on a leap day", "2028-02-29 23:59:59",
                        Optional.of(OffsetDateTime.parse("2028-02-29T23:59:59Z"))),
                new Case("AT's form at hour 24", "2026-11-28 24:00:00", Optional.empty()),
                new Case("AT's form with a sign in a field", "2026-11-28 -1:00:00", Optional.empty()),
                new Case("AT's form with slashes", "2026/11/28 10:00:00", Optional.empty()),
                new Case("ISO-8601 without an offset", "2026-11-28T10:00:00", Optional.empty()),
                new Case("not a date", "yesterday", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_date_is_read_as_at_means_it(Case c) {
        assertThat(AtDates.parse(c.sent())).isEqualTo(c.read());
    }

    @Test
    void what_is_written_is_read_back_as_the_same_instant() {
        Instant at = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(AtDates.parse(AtDates.format(at))).map(OffsetDateTime::toInstant).contains(at);
    }
}
