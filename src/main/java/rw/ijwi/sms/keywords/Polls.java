package rw.ijwi.sms.keywords;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;

/** The campaign keywords the router must know about, and what a message to one of them does (see radio/). */
public interface Polls {

    /**
     * The campaigns as they stand for one batch of messages, read in that batch's transaction. What the messages do
     * to them may be written only at {@link Open#finish}, which the router calls after the batch's last message.
     */
    Open open(Handle handle, Instant now);

    interface Open {

        /** Campaign keywords, upper case without accents. */
        Set<String> keywords();

        Outcome keyword(String keyword, String rest, SmsContext context);

        /** A message of a single word that is an option of the one campaign on air; empty when it is not. */
        Optional<Outcome> bareWord(String word, SmsContext context);

        /** Writes what the batch's messages did (votes, comments), in its transaction. */
        void finish();
    }
}
