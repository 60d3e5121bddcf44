package rw.ijwi.sms.outbox;

import java.time.Duration;
import java.util.List;

/** Sends one text to many numbers through a provider and says, in neutral terms, what became of each. */
public interface SmsGateway {

    /**
     * What the provider said about one recipient. NO_CREDIT and HELD are about the account, not the recipient: the
     * message stays queued and sending pauses until someone tops up or the provider lifts the hold.
     */
    enum Verdict { ACCEPTED, RETRY, FAILED, NO_CREDIT, HELD }

    /** number is in canonical form (+250...); reason is a provider status word, never personal. */
    record Recipient(String number, Verdict verdict, String messageId, String cost, String reason) {
    }

    /** The answer to a whole request. */
    sealed interface Result permits PerRecipient, RetryAll, FailAll, Pause, Throttled {
    }

    record PerRecipient(List<Recipient> recipients) implements Result {
    }

    /** Nothing was sent; try again later (server error, timeout, connection refused). */
    record RetryAll(String reason) implements Result {
    }

    /**
     * The provider asks us to slow down (too many requests, or it gave up waiting for ours): nothing was sent, and
     * it is no fault of the messages, so the attempt does not count. after is how long the provider asked us to
     * wait, or null when it did not say.
     */
    record Throttled(String reason, Duration after) implements Result {
    }

    /** The request itself was refused and would be refused again. */
    record FailAll(String reason) implements Result {
    }

    /** The account cannot send (bad key, bad sender ID): keep everything queued until an operator fixes setting. */
    record Pause(String reason, String setting) implements Result {
    }

    Result send(String text, List<String> numbers);

    /**
     * True when a reply must quote the link of the message it answers (premium on-demand shortcodes), so each such
     * reply goes alone through reply(); false sends replies like any other message.
     */
    default boolean repliesQuoteTheLink() {
        return false;
    }

    /** A reply to one inbound message, quoting the link it came with. */
    default Result reply(String text, String number, String link) {
        return send(text, List.of(number));
    }
}
