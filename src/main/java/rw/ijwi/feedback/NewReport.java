package rw.ijwi.feedback;

import java.util.Optional;

/** A report as a channel hands it over, before it is stored and given a reference. */
public record NewReport(
        String channel,
        Optional<String> sessionId,
        byte[] phoneHash,
        int districtId,
        Optional<Integer> sectorId,
        String service,
        String gap,
        String language,
        Optional<String> comment,
        boolean quoteConsent) {
}
