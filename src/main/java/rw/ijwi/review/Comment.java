package rw.ijwi.review;

import java.time.OffsetDateTime;
import java.util.List;

/** A report's free-text comment as a reviewer sees it (never the reporter's hash or reference). */
public record Comment(long id, OffsetDateTime createdAt, String district, String sector, String service, String gap,
        String comment, boolean quoteConsent, List<String> codes, boolean quoteApproved, OffsetDateTime reviewedAt,
        String reviewedBy) {

    /** Redacted: the text was removed for good; the report still counts. */
    public boolean redacted() {
        return comment == null;
    }
}
