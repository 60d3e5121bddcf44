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
            try {
                return Optional.of(OffsetDateTime.ofInstant(Instant.from(FORMAT.parse(value)), ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An instant as AT writes it. */
    static String format(Instant at) {
        return FORMAT.format(at);
    }
}
