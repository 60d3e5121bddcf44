package rw.ijwi.sms.inbound;

import java.time.OffsetDateTime;

/**
 * An SMS as a provider delivered it to us, provider-neutral; the number is hashed and encrypted on arrival.
 * textAltered says when the text is not quite as sent ('cleaned', 'truncated', 'cleaned and truncated'), else null;
 * link is the provider's reference a reply must quote (premium on-demand shortcodes), else null.
 */
public record InboundSms(String providerId, String from, String to, String text, String networkCode,
        OffsetDateTime date, String textAltered, String link) {

    /** A message kept exactly as sent, on a standard shortcode. */
    public InboundSms(String providerId, String from, String to, String text, String networkCode,
            OffsetDateTime date) {
        this(providerId, from, to, text, networkCode, date, null, null);
    }
}
