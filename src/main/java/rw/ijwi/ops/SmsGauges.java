package rw.ijwi.ops;

import java.time.Duration;

import org.jdbi.v3.core.Jdbi;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * SMS figures for /metrics read from PostgreSQL (so every instance reports the same): inbound messages, outbox
 * depth and age of its oldest message, sent and failed counts, and messages left unconfirmed: claimed for
 * sending more than five minutes ago without a result, which only a crash or a database failure in the middle
 * of a send leaves behind. Those are never sent again on their own (they may have reached AT), so an operator
 * must look at them: alert on a value above 0. Read at most every 10 s, whatever the scrape rate.
 */
public final class SmsGauges {

    /** One reading of the SMS tables. */
    record Reading(double inbound, double waiting, double queued, double oldestQueuedSeconds, double sent, double failed,
            double unconfirmed) {
    }

    private final LoadingCache<String, Reading> reading;

    public SmsGauges(Jdbi jdbi) {
        this.reading = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10)).maximumSize(1)
                .build(key -> read(jdbi));
    }

    public void bindTo(MeterRegistry registry) {
        gauge(registry, "ijwi.sms.inbound", "inbound SMS stored", Reading::inbound);
        gauge(registry, "ijwi.sms.inbound.waiting", "inbound SMS not yet routed", Reading::waiting);
        gauge(registry, "ijwi.sms.outbox.queued", "outbound SMS waiting to be sent", Reading::queued);
        gauge(registry, "ijwi.sms.outbox.oldest.seconds", "age of the oldest queued SMS", Reading::oldestQueuedSeconds);
        gauge(registry, "ijwi.sms.outbox.sent", "outbound SMS accepted by the provider", Reading::sent);
        gauge(registry, "ijwi.sms.outbox.failed", "outbound SMS that failed for good", Reading::failed);
        gauge(registry, "ijwi.sms.outbox.unconfirmed", "outbound SMS claimed over 5 minutes ago with no result",
                Reading::unconfirmed);
    }

    private void gauge(MeterRegistry registry, String name, String description,
            java.util.function.ToDoubleFunction<Reading> value) {
        Gauge.builder(name, this, g -> {
            try {
                return value.applyAsDouble(g.reading.get("now"));
            } catch (RuntimeException databaseAway) {
                return Double.NaN;
            }
        }).description(description).strongReference(true).register(registry);
    }

    private static Reading read(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM sms_inbound) AS inbound,
                       (SELECT count(*) FROM sms_inbound WHERE processed_at IS NULL) AS waiting,
                       (SELECT count(*) FROM sms_outbox WHERE state = 'queued') AS queued,
                       (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM sms_outbox
                         WHERE state = 'queued') AS oldest,
                       (SELECT count(*) FROM sms_outbox WHERE state = 'sent') AS sent,
                       (SELECT count(*) FROM sms_outbox WHERE state = 'failed') AS failed,
                       (SELECT count(*) FROM sms_outbox WHERE state = 'sending'
                         AND updated_at < now() - interval '5 minutes') AS unconfirmed""")
                .map((rs, ctx) -> new Reading(rs.getDouble("inbound"), rs.getDouble("waiting"), rs.getDouble("queued"),
                        rs.getDouble("oldest"), rs.getDouble("sent"), rs.getDouble("failed"),
                        rs.getDouble("unconfirmed"))).one());
    }
}
