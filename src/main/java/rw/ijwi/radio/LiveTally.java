package rw.ijwi.radio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

import rw.ijwi.config.SafeErrors;

/**
 * The studio screen: a page that shows a campaign's tally, and the server-sent events that keep it current. One
 * thread reads the tally of each watched campaign twice a second (so votes taken by any instance show up) and
 * pushes it when it changed; a comment every 15 s keeps proxies from closing the stream and finds dead clients.
 */
public final class LiveTally implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTally.class);
    static final Duration REFRESH = Duration.ofMillis(500);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private record Watcher(long campaignId, SseClient client) {
    }

    private final CampaignDao campaigns;
    private final String page;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, Set<SseClient>> watchers = new ConcurrentHashMap<>();
    private final Map<Long, String> lastSent = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Watcher> arrived = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ijwi-live-tally");
        thread.setDaemon(true);
        return thread;
    });
    private long ticks;

    public LiveTally(CampaignDao campaigns) {
        this.campaigns = campaigns;
        this.page = resource("radio/live.html");
    }

    public void start() {
        pusher.scheduleWithFixedDelay(this::tick, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** GET /radio/{id}/live */
    public void page(Context ctx) {
        long id = CampaignApi.id(ctx);
        if (campaigns.campaignRow(id).isEmpty()) {
            throw new io.javalin.http.NotFoundResponse("no campaign " + id);
        }
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    /** GET /radio/{id}/events: registers the client; the pusher thread sends it the tally at once. */
    public void events(SseClient client) {
        long id;
        try {
            id = Long.parseLong(client.ctx().pathParam("id"));
        } catch (NumberFormatException e) {
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> forget(id, client));
        watchers.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(client);
        arrived.add(new Watcher(id, client));
        pusher.execute(this::tick);
    }

    public int watching() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    private void forget(long id, SseClient client) {
        Set<SseClient> set = watchers.get(id);
        if (set != null) {
            set.remove(client);
            if (set.isEmpty()) {
                watchers.remove(id, set);
                lastSent.remove(id);
            }
        }
    }

    private synchronized void tick() {
        try {
            boolean heartbeat = ++ticks % (HEARTBEAT.toMillis() / REFRESH.toMillis()) == 0;
            Watcher fresh;
            while ((fresh = arrived.poll()) != null) {
                if (!fresh.client().terminated()) {
                    fresh.client().sendEvent("tally", snapshot(fresh.campaignId()));
                }
            }
            for (Map.Entry<Long, Set<SseClient>> entry : watchers.entrySet()) {
                String snapshot = snapshot(entry.getKey());
                boolean changed = !snapshot.equals(lastSent.put(entry.getKey(), snapshot));
                for (SseClient client : List.copyOf(entry.getValue())) {
                    try {
                        if (client.terminated()) {
                            forget(entry.getKey(), client);
                        } else if (changed) {
                            client.sendEvent("tally", snapshot);
                        } else if (heartbeat) {
                            client.sendComment("keep-alive");
                        }
                    } catch (RuntimeException gone) {
                        forget(entry.getKey(), client); // one broken screen must not stop the others
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("live tally push failed: {}", SafeErrors.describe(e));
        }
    }

    /** The campaign and its counts as one JSON object, what the page draws. */
    String snapshot(long campaignId) {
        CampaignDao dao = campaigns;
        Campaign campaign = dao.find(campaignId).orElse(null);
        Map<String, Object> view = new LinkedHashMap<>();
        if (campaign == null) {
            view.put("missing", true);
        } else {
            view.put("campaign", CampaignApi.view(campaign));
            view.put("tally", CampaignApi.tallyView(dao.tally(campaignId)));
        }
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = LiveTally.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        watchers.values().forEach(set -> set.forEach(client -> {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // the client is gone already
            }
        }));
        watchers.clear();
    }
}
