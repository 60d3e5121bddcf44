package rw.ijwi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Numbers, dates and times as each dashboard language writes them; every time in Kigali with its zone. */
class FormatTest {

    static final String N = "\u202F"; // narrow no-break space: French thousands

    static Stream<Arguments> cases() {
        Format en = Format.in("en");
        Format fr = Format.in("fr");
        Format rw = Format.in("rw");
        OffsetDateTime utc = OffsetDateTime.parse("2026-12-03T12:05:59Z");
        OffsetDateTime lateUtc = OffsetDateTime.parse("2026-12-31T23:30:00Z");
        return Stream.of(
                Arguments.of("English thousands", en.number(1234567), "1,234,567"),
                Arguments.of("French thousands", fr.number(1234567), "1" + N + "234" + N + "567"),
                Arguments.of("Kinyarwanda thousands as English", rw.number(1234567), "1,234,567"),
                Arguments.of("small numbers are left alone", fr.number(999), "999"),
                Arguments.of("negative", en.number(-12345), "-12,345"),
                Arguments.of("English decimal", en.decimal(new BigDecimal("12345.50")), "12,345.5"),
                Arguments.of("French decimal comma", fr.decimal(new BigDecimal("12345.50")), "12" + N + "345,5"),
                Arguments.of("whole amount", fr.decimal(new BigDecimal("15.00")), "15"),
                Arguments.of("a published count", fr.shown("12345"), "12" + N + "345"),
                Arguments.of("a published range", en.shown("12000-13000"), "12,000-13,000"),
                Arguments.of("a suppressed count keeps its form", fr.shown("<5"), "<5"),
                Arguments.of("English date", en.date(LocalDate.of(2026, 12, 3)), "3 Dec 2026"),
                Arguments.of("French date", fr.date(LocalDate.of(2026, 2, 1)), "1 févr. 2026"),
                Arguments.of("Kinyarwanda date", rw.date(LocalDate.of(2026, 12, 3)), "3 Ukuboza 2026"),
                Arguments.of("a UTC time is shown in Kigali", en.time(utc), "3 Dec 2026 14:05 CAT"),
                Arguments.of("an instant too", rw.time(Instant.parse("2026-06-01T00:00:00Z")), "1 Kamena 2026 02:00 CAT"),
                Arguments.of("the Kigali day can be the next year", fr.time(lateUtc), "1 janv. 2027 01:30 CAT"),
                Arguments.of("the Kigali date of a late UTC time", en.date(lateUtc), "1 Jan 2027"),
                Arguments.of("nothing for no time", en.time((OffsetDateTime) null), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_language_writes_it_its_way(String label, String actual, String expected) {
        assertThat(actual).isEqualTo(expected);
    }
}
