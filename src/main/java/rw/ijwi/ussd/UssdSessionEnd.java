package rw.ijwi.ussd;

import java.time.OffsetDateTime;

/**
 * A provider's notice that a session ended, without the phone number; input is used, then dropped. errorAltered
 * says when the error text is not quite as sent ('cleaned', 'truncated', 'cleaned and truncated'), else null.
 */
public record UssdSessionEnd(String sessionId, String status, String serviceCode, String networkCode, Integer hops,
        Long durationMs, String cost, String error, OffsetDateTime endedAt, String input, String errorAltered) {
}
