package rw.ijwi.sms.keywords;

import java.util.Optional;

/** What processing an inbound SMS came to: a short outcome word, the campaign it counted for, the reply to send. */
public record Outcome(String outcome, Long campaignId, Optional<String> reply) {

    public static Outcome of(String outcome, String reply) {
        return new Outcome(outcome, null, Optional.ofNullable(reply));
    }

    public static Outcome silent(String outcome) {
        return new Outcome(outcome, null, Optional.empty());
    }
}
