package rw.ijwi.sms.inbound;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Jdbi;

import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.sms.AudienceDao;
import rw.ijwi.sms.outbox.DeliveryReport;
import rw.ijwi.sms.outbox.OutboxDao;

/**
 * Stores what the provider's SMS callbacks bring, each in one transaction committed before the callback is
 * answered: inbound messages (once per provider id), delivery reports, opt-outs. Routing happens later.
 */
public final class SmsReceiver {

    private final Jdbi jdbi;
    private final InboundDao inbound;
    private final PhoneHasher hasher;
    private final PhoneCipher cipher;
    private final Clock clock;
    private final Runnable inboundArrived;

    public SmsReceiver(Jdbi jdbi, PhoneHasher hasher, PhoneCipher cipher, Clock clock, Runnable inboundArrived) {
        this.jdbi = jdbi;
        this.inbound = jdbi.onDemand(InboundDao.class);
        this.hasher = hasher;
        this.cipher = cipher;
        this.clock = clock;
        this.inboundArrived = inboundArrived;
    }

    /** True when the message is new; a repeated provider id changes nothing. */
    public boolean receive(InboundSms message) {
        int stored = inbound.store(message, hasher.hash(message.from()),
                cipher.encrypt(message.from()), now());
        if (stored == 1) {
            inboundArrived.run();
        }
        return stored == 1;
    }

    /**
     * Stores a group of messages in one transaction (one commit, one fsync for all); repeated provider ids, within
     * the group or from before, change nothing. Returns how many were new. Fails as a whole.
     */
    public int storeAll(List<InboundSms> messages) {
        List<InboundDao.Arrival> arrivals = new ArrayList<>(messages.size());
        for (InboundSms m : messages) {
            arrivals.add(new InboundDao.Arrival(m.providerId(), hasher.hash(m.from()), cipher.encrypt(m.from()), m.to(),
                    m.networkCode(), m.text(), m.date(), m.textAltered(), m.link()));
        }
        OffsetDateTime now = now();
        int[] counts = jdbi.inTransaction(h -> {
            try {
                return InboundDao.storeAll(h.getConnection(), arrivals, now);
            } catch (SQLException e) {
                throw new IllegalStateException("storing a group of inbound SMS failed", e); // outage or not: the cause says
            }
        });
        int stored = 0;
        for (int count : counts) {
            stored += count == 1 ? 1 : 0;
        }
        if (stored > 0) {
            inboundArrived.run();
        }
        return stored;
    }

    public void delivered(DeliveryReport report) {
        jdbi.useTransaction(h -> h.attach(OutboxDao.class).delivered(report, now()));
    }

    /** The provider says the number opted out: the same as STOP, whatever it says about which sender. */
    public void optedOut(String phoneNumber) {
        byte[] hash = hasher.hash(phoneNumber);
        jdbi.useTransaction(h -> h.attach(AudienceDao.class).stopAll(hash, "provider", now()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
