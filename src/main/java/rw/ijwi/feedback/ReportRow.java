package rw.ijwi.feedback;

import java.time.OffsetDateTime;

/** A stored report as exported: everything but the reporter's hash. */
public record ReportRow(String ref, OffsetDateTime createdAt, String channel, String district, String sector,
        String service, String gap, String language, String comment, boolean quoteConsent) {
}
