package rw.ijwi.sms.keywords;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rw.ijwi.callers.PreferenceDao;
import rw.ijwi.config.SafeErrors;
import rw.ijwi.gsm.Gsm7;
import rw.ijwi.sms.AudienceDao;
import rw.ijwi.sms.SmsTexts;
import rw.ijwi.sms.inbound.InboundDao;
import rw.ijwi.sms.outbox.OutboxDao;

/**
 * Routes stored inbound SMS, after they were acknowledged: claims a batch with FOR UPDATE SKIP LOCKED (so any
 * number of instances can run this), runs the keyword or campaign, queues the reply in the same transaction,
 * and marks each message processed. A message that fails is marked 'error' and never blocks the others.
 */
public final class InboundProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);
    public static final int BATCH = 100;
    static final String DEFAULT_LANGUAGE = "rw";

    private final Jdbi jdbi;
    private final KeywordRouter router;
    private final Polls polls;
    private final SmsTexts texts;
    private final Clock clock;
    private final Runnable outboxFilled;

    public InboundProcessor(Jdbi jdbi, KeywordRouter router, Polls polls, SmsTexts texts, Clock clock,
            Runnable outboxFilled) {
        this.jdbi = jdbi;
        this.router = router;
        this.polls = polls;
        this.texts = texts;
        this.clock = clock;
        this.outboxFilled = outboxFilled;
    }

    /** Processes everything waiting now; returns how many messages were processed. */
    public int processAvailable() {
        int total = 0;
        int done;
        while ((done = processBatch()) > 0) {
            total += done;
        }
        return total;
    }

    /** One batch in one transaction; on failure, the same messages one transaction each. */
    public int processBatch() {
        Instant now = clock.instant();
        int[] replies = {0};
        int processed;
        try {
            processed = jdbi.inTransaction(h -> {
                List<InboundDao.Waiting> batch = h.attach(InboundDao.class).claim(BATCH);
                if (batch.isEmpty()) {
                    return 0;
                }
                Polls.Open open = polls.open(h, now);
                // Set-based: the numbers read once for the batch, the replies and outcomes written once after it.
                BatchEffects effects = BatchEffects.load(h, batch);
                Daos daos = new Daos(h);
                for (InboundDao.Waiting message : batch) {
                    process(daos, open, message, now, effects);
                }
                open.finish();
                replies[0] = effects.write(utc(now));
                return batch.size();
            });
        } catch (RuntimeException e) {
            LOG.error("inbound SMS batch failed, processing its messages one by one: {}", SafeErrors.describe(e));
            replies[0] = 0;
            processed = oneByOne(now, replies);
        }
        if (replies[0] > 0) {
            outboxFilled.run();
        }
        return processed;
    }

    private int oneByOne(Instant now, int[] replies) {
        List<Long> ids = jdbi.onDemand(InboundDao.class).waitingIds(BATCH);
        int processed = 0;
        for (long id : ids) {
            try {
                processed += jdbi.inTransaction(h -> h.attach(InboundDao.class).claimOne(id).map(message -> {
                    Polls.Open open = polls.open(h, now);
                    replies[0] += process(new Daos(h), open, message, now, null) ? 1 : 0;
                    open.finish();
                    return 1;
                }).orElse(0));
            } catch (RuntimeException e) {
                LOG.error("inbound SMS {} could not be processed, marked as error: {}", id, SafeErrors.describe(e));
                processed += jdbi.inTransaction(h -> h.attach(InboundDao.class).claimOne(id).map(message -> {
                    h.attach(InboundDao.class).processed(id, "error", null, utc(now));
                    return 1;
                }).orElse(0));
            }
        }
        return processed;
    }

    /**
     * Returns true when a reply was queued. With batch effects (a claimed batch) the reply and the outcome are
     * only noted, and written with the batch's; without (one by one), they are written now.
     */
    private boolean process(Daos daos, Polls.Open open, InboundDao.Waiting message, Instant now, BatchEffects batch) {
        String preferred = (batch != null ? batch.language(message.phoneHash())
                : daos.get(PreferenceDao.class).language(message.phoneHash())).orElse(DEFAULT_LANGUAGE);
        SmsContext context = new SmsContext(message.id(), message.phoneHash(), message.replyTo(), preferred, "", daos,
                now);
        KeywordRouter.Route route = router.route(message.text(), open.keywords());
        Outcome outcome;
        if (route instanceof KeywordRouter.ToKeyword k) {
            outcome = k.keyword().handle(new SmsContext(message.id(), message.phoneHash(), message.replyTo(),
                    k.language(), k.rest(), daos, now));
            if (batch != null) {
                batch.touched(message.phoneHash());
            }
        } else if (route instanceof KeywordRouter.ToCampaign c) {
            outcome = open.keyword(c.keyword(), c.rest(), context);
        } else if (route instanceof KeywordRouter.BareWord b) {
            outcome = open.bareWord(b.word(), context).orElseGet(() -> inbox(context));
        } else {
            outcome = inbox(context);
        }
        if (batch != null) {
            outcome.reply().ifPresent(text -> batch.reply(message, text));
            batch.processed(message, outcome.outcome(), outcome.campaignId());
            return false;
        }
        boolean replied = outcome.reply().isPresent() && reply(daos.handle(), message, outcome.reply().get(), now);
        daos.get(InboundDao.class).processed(message.id(), outcome.outcome(), outcome.campaignId(), utc(now));
        return replied;
    }

    private Outcome inbox(SmsContext context) {
        return Outcome.of("inbox", texts.text("received", context.language(), java.util.Map.of()));
    }

    /** Queues a reply unless the number opted out or already had one in the last minute. */
    private boolean reply(Handle h, InboundDao.Waiting message, String text, Instant now) {
        if (message.replyTo() == null || h.attach(AudienceDao.class).optedOut(message.phoneHash())) {
            return false;
        }
        OutboxDao outbox = h.attach(OutboxDao.class);
        if (outbox.takeReplySlot(message.phoneHash(), utc(now), utc(now.minusSeconds(60))).isEmpty()) {
            return false;
        }
        outbox.enqueue(message.phoneHash(), message.replyTo(), Gsm7.normalise(text), "reply", message.id(), utc(now));
        return true;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
