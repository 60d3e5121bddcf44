package rw.ijwi.africastalking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * AT's dates, read and written in one place: AT sends "2026-11-28 10:00:00" in UTC on its callbacks, and ISO-8601
 * with an offset is also taken. Knows nothing of which callback carries them.
 */
final class AtDates {

    /** Strict: a day that does not exist (30 February) is no date, not the last day of the month. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);

    private AtDates() {
    }

    /** The date AT sent, or empty when it is neither of the two forms. */
    static Optional<OffsetDateTime> parse(String value) {
        if (value.length() == 19 && value.charAt(10) == ' ') {
            return atForm(value);
        }
        try {
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * "uuuu-MM-dd HH:mm:ss" read digit by digit: DateTimeFormatter took a fifth of the CPU of the SMS webhook.
     * As strict as the pattern: two-digit fields, and no 30 February or hour 24 (LocalDateTime.of refuses them).
     */
    private static Optional<OffsetDateTime> atForm(String v) {
        if (v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The number written by the ASCII digits from..to, or -1 when one is not a digit. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** An instant as AT writes it. */
    static String format(Instant at) {
        return FORMAT.format(at);
    }
}
