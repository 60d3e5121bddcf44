package rw.ijwi.ussd;

import java.time.OffsetDateTime;

/** A provider's notice that a session ended, without the phone number; input is used, then dropped. */
public record UssdSessionEnd(String sessionId, String status, String serviceCode, String networkCode, Integer hops,
        Long durationMs, String cost, String error, OffsetDateTime endedAt, String input) {
}
