package rw.ijwi.sms.inbound;

import java.time.OffsetDateTime;

/** An SMS as a provider delivered it to us, provider-neutral; the number is hashed and encrypted on arrival. */
public record InboundSms(String providerId, String from, String to, String text, String networkCode,
        OffsetDateTime date) {
}
