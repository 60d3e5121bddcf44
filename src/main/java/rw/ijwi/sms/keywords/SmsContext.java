package rw.ijwi.sms.keywords;

import java.time.Instant;

import org.jdbi.v3.core.Handle;

/**
 * One inbound SMS being processed: who sent it (as hash, and the encrypted reply address while it lasts), the
 * language of the keyword used, the text after the keyword, and the transaction everything happens in.
 */
public record SmsContext(long inboundId, byte[] phoneHash, byte[] replyTo, String language, String rest,
        Daos daos, Instant now) {

    public <T> T dao(Class<T> type) {
        return daos.get(type);
    }

    public Handle handle() {
        return daos.handle();
    }

    public SmsContext withLanguage(String newLanguage) {
        return new SmsContext(inboundId, phoneHash, replyTo, newLanguage, rest, daos, now);
    }
}
