package rw.ijwi.broadcast;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.config.SafeErrors;

/**
 * Fills a confirmed broadcast's outbox rows, ENQUEUE_BATCH per transaction, with its progress on the broadcast row
 * (V33), so the coordinator's request returns as soon as the broadcast itself is committed. A broadcast of one
 * batch or less is filled before the request returns, as before; a bigger one in the background. A broadcast left
 * unfinished by a restart is resumed (housekeeping) with the district's audience of then, minus those already
 * queued. Knows nothing of HTTP.
 */
public final class BroadcastQueue {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastQueue.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;
    private final Runnable outboxFilled;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ijwi-broadcast-queue");
        thread.setDaemon(true);
        return thread;
    });

    public BroadcastQueue(Jdbi jdbi, Clock clock, Runnable outboxFilled) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.outboxFilled = outboxFilled;
    }

    /** Queues the recipients the confirmed preview counted: now if they fit one batch, else in the background. */
    void fill(long broadcastId, List<BroadcastDao.Recipient> recipients) {
        if (!running.add(broadcastId)) {
            return;
        }
        if (recipients.size() <= BroadcastDao.ENQUEUE_BATCH) {
            run(broadcastId, recipients);
        } else {
            background.execute(() -> run(broadcastId, recipients));
        }
    }

    /** Resumes every broadcast whose outbox rows were not all written (a restart in the middle); returns how many. */
    public int resumeUnfinished() {
        List<Long> unfinished = jdbi.withHandle(h -> h.createQuery(
                "SELECT id FROM broadcast WHERE enqueued_at IS NULL ORDER BY id").mapTo(Long.class).list());
        for (long id : unfinished) {
            if (running.add(id)) {
                background.execute(() -> run(id, null));
            }
        }
        return unfinished.size();
    }

    private void run(long id, List<BroadcastDao.Recipient> given) {
        try {
            BroadcastDao dao = jdbi.onDemand(BroadcastDao.class);
            BroadcastDao.Sent sent = dao.find(id).orElseThrow();
            Map<String, String> texts = sent.texts() == null ? Map.of() : JSON.readValue(sent.texts(),
                    new TypeReference<HashMap<String, String>>() { });
            Function<BroadcastDao.Recipient, String> textOf = r -> texts.getOrDefault(r.language(), sent.text());
            List<BroadcastDao.Recipient> recipients = given != null ? given : remaining(dao, id);
            var now = clock.instant().atOffset(ZoneOffset.UTC);
            for (int from = 0; from < recipients.size(); from += BroadcastDao.ENQUEUE_BATCH) {
                List<BroadcastDao.Recipient> batch = recipients.subList(from,
                        Math.min(from + BroadcastDao.ENQUEUE_BATCH, recipients.size()));
                jdbi.useTransaction(h -> {
                    h.attach(BroadcastDao.class).enqueueBatch(batch, batch.stream().map(textOf).toList(), id, now);
                    h.createUpdate("UPDATE broadcast SET enqueued = enqueued + :n WHERE id = :id")
                            .bind("n", batch.size()).bind("id", id).execute();
                });
                outboxFilled.run();
            }
            jdbi.useHandle(h -> h.createUpdate("UPDATE broadcast SET enqueued_at = :now WHERE id = :id")
                    .bind("now", clock.instant().atOffset(ZoneOffset.UTC)).bind("id", id).execute());
        } catch (Exception e) {
            LOG.error("broadcast {}: filling the outbox stopped ({}); the next housekeeping run resumes it", id,
                    SafeErrors.describe(e));
        } finally {
            running.remove(id);
        }
    }

    /** After a restart: the district's audience now, minus the numbers this broadcast already queued. */
    private List<BroadcastDao.Recipient> remaining(BroadcastDao dao, long id) {
        int district = jdbi.withHandle(h -> h.createQuery("SELECT district_id FROM broadcast WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).one());
        Set<String> queued = ConcurrentHashMap.newKeySet();
        jdbi.useHandle(h -> h.createQuery("SELECT phone_hash FROM sms_outbox WHERE broadcast_id = :id")
                .bind("id", id).mapTo(byte[].class).forEach(b -> queued.add(HexFormat.of().formatHex(b))));
        return dao.audience(district).stream()
                .filter(r -> !queued.contains(HexFormat.of().formatHex(r.phoneHash()))).toList();
    }
}
