package rw.ijwi.sms.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rw.ijwi.config.SafeErrors;
import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;

/**
 * Sends the outbox: claims up to CLAIM due rows (committed as 'sending' before any request, so no row is sent
 * twice), drops rows whose number opted out, opens each number once, sends each text to up to PER_REQUEST numbers
 * at once with up to inFlight requests open, and records every recipient's result of the claim in one statement.
 * Retries back off exponentially with jitter; permanent failures are never retried.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    static final int CLAIM = 1_000;
    /** AT takes a comma-separated list in "to"; 100 per request is what Ijwi has always sent. */
    static final int PER_REQUEST = 100;
    static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    static final Duration PAUSE = Duration.ofMinutes(15);
    private static final Duration WAITING_CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration WAITING_LOG_EVERY = Duration.ofMinutes(1);
    /** Verdicts about the account rather than the recipient, with the notice each raises. */
    private static final Map<SmsGateway.Verdict, String> ACCOUNT = Map.of(
            SmsGateway.Verdict.NO_CREDIT, "no_credit", SmsGateway.Verdict.HELD, "held");

    /** A claimed row with its number opened. */
    private record Addressed(OutboxDao.Claimed row, String number) {
    }

    private final Jdbi jdbi;
    private final Optional<SmsGateway> gateway;
    private final PhoneCipher cipher;
    private final Clock clock;
    private final Random random;
    private final Executor requests;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Instant lastWaitingCheck = Instant.MIN;
    private volatile Instant lastWaitingLog = Instant.MIN;
    private volatile long lastWaitingCount = -1;
    /** Requests the provider asked us to slow down since the last accepted one: the back-off grows with them. */
    private final AtomicInteger throttles = new AtomicInteger();
    /** True until a send after start-up cleared the account notice, and again whenever one is raised. */
    private volatile boolean noticeMaybeUp = true;

    public OutboxSender(Jdbi jdbi, Optional<SmsGateway> gateway, PhoneCipher cipher, Clock clock, Random random) {
        this(jdbi, gateway, cipher, clock, random, 1);
    }

    /** inFlight: how many provider requests may be open at once (1 sends them one after another, in order). */
    public OutboxSender(Jdbi jdbi, Optional<SmsGateway> gateway, PhoneCipher cipher, Clock clock, Random random,
            int inFlight) {
        this.jdbi = jdbi;
        this.gateway = gateway;
        this.cipher = cipher;
        this.clock = clock;
        this.random = random;
        this.requests = inFlight == 1 ? Runnable::run : requestThreads(inFlight);
    }

    /** Sends everything due now; returns how many rows were handled (sent, failed, put back or skipped). */
    public int sendDue() {
        int total = 0;
        int done;
        while ((done = sendBatch()) > 0) {
            total += done;
        }
        return total;
    }

    public boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }

    /** One claim of due rows, sent; returns how many rows it handled. */
    public int sendBatch() {
        if (gateway.isEmpty()) {
            logWaiting();
            return 0;
        }
        if (paused()) {
            return 0;
        }
        Instant now = clock.instant();
        List<OutboxDao.Claimed> claimed = jdbi.inTransaction(h -> h.attach(OutboxDao.class)
                .claim(CLAIM, utc(now)));
        Results results = new Results(claimed.size());
        Map<String, List<Addressed>> byText = new LinkedHashMap<>();
        List<Addressed> linked = new ArrayList<>();
        List<OutboxDao.Claimed> unreadable = new ArrayList<>();
        boolean quoteLinks = gateway.orElseThrow().repliesQuoteTheLink();
        for (OutboxDao.Claimed row : claimed) {
            if (!row.state().equals("sending")) {
                continue;
            }
            String number = open(row);
            if (number != null && quoteLinks && row.link() != null) {
                linked.add(new Addressed(row, number)); // each reply quotes its own link: one request each
            } else if (number != null) {
                byText.computeIfAbsent(row.text(), t -> new ArrayList<>()).add(new Addressed(row, number));
            } else {
                unreadable.add(row);
            }
        }
        if (!unreadable.isEmpty()) {
            LOG.error("{} outbound SMS have a number that does not open with the secret key; marked failed",
                    unreadable.size());
            unreadable.forEach(row -> results.failed(row, "number_unreadable"));
        }
        List<CompletableFuture<Runnable>> sent = new ArrayList<>();
        Set<String> notices = new TreeSet<>();
        for (Addressed reply : linked) {
            List<Addressed> request = List.of(reply);
            sent.add(CompletableFuture.supplyAsync(() -> send(reply.row().text(), request), requests)
                    .thenApply(result -> () -> record(results, request, result, notices)));
        }
        for (Map.Entry<String, List<Addressed>> group : byText.entrySet()) {
            for (List<Addressed> request : requests(group.getValue())) {
                sent.add(CompletableFuture.supplyAsync(() -> send(group.getKey(), request), requests)
                        .thenApply(result -> () -> record(results, request, result, notices)));
            }
        }
        sent.forEach(f -> f.join().run()); // results are gathered on this thread, in request order
        results.write(jdbi, utc(clock.instant()));
        updateNotice(notices, results.anySent());
        return claimed.size();
    }

    /**
     * Raises the dashboard notice when the account could not send (no credit, a hold), and takes it down when a
     * later send is accepted: the only outbox state staff need to act on.
     */
    private void updateNotice(Set<String> notices, boolean anySent) {
        OutboxDao outbox = jdbi.onDemand(OutboxDao.class);
        OffsetDateTime now = utc(clock.instant());
        if (!notices.isEmpty()) {
            notices.forEach(kind -> outbox.raiseNotice(kind, now));
            noticeMaybeUp = true;
        } else if (anySent && noticeMaybeUp) {
            outbox.clearNotices();
            noticeMaybeUp = false;
        }
    }

    /** Splits rows into requests of at most PER_REQUEST, each number at most once per request. */
    private static List<List<Addressed>> requests(List<Addressed> rows) {
        List<List<Addressed>> requests = new ArrayList<>();
        List<Map<String, Addressed>> open = new ArrayList<>();
        for (Addressed row : rows) {
            Map<String, Addressed> target = null;
            for (Map<String, Addressed> request : open) {
                if (request.size() < PER_REQUEST && !request.containsKey(row.number())) {
                    target = request;
                    break;
                }
            }
            if (target == null) {
                target = new LinkedHashMap<>();
                open.add(target);
            }
            target.put(row.number(), row);
        }
        open.forEach(r -> requests.add(new ArrayList<>(r.values())));
        return requests;
    }

    /** One request to the provider; runs on a request thread and touches nothing shared but the pause. */
    private SmsGateway.Result send(String text, List<Addressed> rows) {
        if (paused()) {
            return new SmsGateway.Pause("paused", null);
        }
        SmsGateway.Result result;
        try {
            SmsGateway provider = gateway.orElseThrow();
            String link = rows.size() == 1 ? rows.get(0).row().link() : null;
            result = link != null && provider.repliesQuoteTheLink()
                    ? provider.reply(text, rows.get(0).number(), link)
                    : provider.send(text, rows.stream().map(Addressed::number).toList());
        } catch (RuntimeException e) {
            LOG.error("SMS request failed, will retry: {}", SafeErrors.describe(e));
            result = new SmsGateway.RetryAll("client_error");
        }
        if (result instanceof SmsGateway.Pause pause && pause.setting() != null) {
            pausedUntil = clock.instant().plus(PAUSE);
        }
        if (result instanceof SmsGateway.Throttled throttled) {
            return slowDown(throttled);
        }
        if (result instanceof SmsGateway.PerRecipient per) {
            throttles.set(0);
            per.recipients().stream().filter(r -> ACCOUNT.containsKey(r.verdict())).findFirst()
                    .ifPresent(r -> pauseForAccount(r.reason()));
        }
        return result;
    }

    /**
     * Holds every request until the time the provider asked for (at most LONGEST_RETRY), or for a back-off that
     * grows while the provider keeps asking; the answer carries the delay so its rows wait as long.
     */
    private synchronized SmsGateway.Throttled slowDown(SmsGateway.Throttled throttled) {
        int times = throttles.incrementAndGet();
        Duration wait = throttled.after() != null ? min(throttled.after(), LONGEST_RETRY) : backoff(times, random);
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        return new SmsGateway.Throttled(throttled.reason(), wait);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The account cannot send (no credit, a hold): pauses, saying so once in the log (never who or what). */
    private synchronized void pauseForAccount(String reason) {
        if (!paused()) {
            pausedUntil = clock.instant().plus(PAUSE);
            LOG.error("Outbound SMS paused for {} minutes: the provider will not send for the account ({}); top up "
                    + "the SMS account or ask the provider to lift the hold. The messages stay queued.",
                    PAUSE.toMinutes(), reason);
        }
    }

    private void record(Results results, List<Addressed> rows, SmsGateway.Result result, Set<String> notices) {
        Instant now = clock.instant();
        if (result instanceof SmsGateway.Pause pause && pause.setting() != null) {
            LOG.error("Outbound SMS paused for {} minutes: the provider refused the account ({}); check {}. "
                    + "{} message(s) put back in the outbox.", PAUSE.toMinutes(), pause.reason(), pause.setting(),
                    rows.size());
        }
        Map<String, SmsGateway.Recipient> byNumber = new HashMap<>();
        List<SmsGateway.Recipient> answered = List.of();
        if (result instanceof SmsGateway.PerRecipient per) {
            answered = per.recipients();
            per.recipients().stream().filter(r -> !r.number().isBlank())
                    .forEach(r -> byNumber.put(PhoneHasher.canonical(r.number()), r));
        }
        for (Addressed addressed : rows) {
            OutboxDao.Claimed row = addressed.row();
            if (result instanceof SmsGateway.Pause pause) {
                results.putBack(row, pause.reason());
            } else if (result instanceof SmsGateway.Throttled throttled) {
                results.deferred(row, throttled.reason(), utc(now.plus(throttled.after())));
            } else if (result instanceof SmsGateway.RetryAll retry) {
                retryOrGiveUp(results, row, retry.reason(), now);
            } else if (result instanceof SmsGateway.FailAll fail) {
                results.failed(row, fail.reason());
            } else {
                SmsGateway.Recipient recipient = byNumber.get(addressed.number());
                if (recipient == null && rows.size() == 1 && answered.size() == 1) {
                    recipient = answered.get(0); // one asked, one answered: the answer is about it
                }
                if (recipient == null) {
                    results.failed(row, "no_recipient_status");
                } else if (recipient.verdict() == SmsGateway.Verdict.ACCEPTED) {
                    results.sent(row, recipient.messageId(), recipient.cost());
                } else if (recipient.verdict() == SmsGateway.Verdict.RETRY) {
                    retryOrGiveUp(results, row, recipient.reason(), now);
                } else if (ACCOUNT.containsKey(recipient.verdict())) {
                    results.putBack(row, recipient.reason());
                    notices.add(ACCOUNT.get(recipient.verdict()));
                } else {
                    results.failed(row, recipient.reason());
                }
            }
        }
    }

    private void retryOrGiveUp(Results results, OutboxDao.Claimed row, String reason, Instant now) {
        if (row.attempts() >= MAX_ATTEMPTS) {
            results.failed(row, reason + " (gave up after " + row.attempts() + " attempts)");
        } else {
            results.retryAt(row, reason, utc(now.plus(backoff(row.attempts(), random))));
        }
    }

    /** Exponential back-off with "equal jitter": half the delay fixed, half random, capped. */
    static Duration backoff(int attempts, Random random) {
        long base = FIRST_RETRY.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, LONGEST_RETRY.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.nextDouble() * (capped / 2)));
    }

    /** The number, or null when it cannot be opened (the secret key changed, or the data is damaged). */
    private String open(OutboxDao.Claimed row) {
        try {
            return cipher.decrypt(row.phoneEncrypted());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Daemon threads for provider requests that end when idle, so an App that is never stopped leaks none. */
    private static Executor requestThreads(int inFlight) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(inFlight, inFlight, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "ijwi-sms-request-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Without an account: says how many SMS wait (never who or what), when it changes, at most once a minute. */
    private void logWaiting() {
        Instant now = clock.instant();
        if (now.isBefore(lastWaitingCheck.plus(WAITING_CHECK_EVERY))) {
            return;
        }
        lastWaitingCheck = now;
        long queued = jdbi.onDemand(OutboxDao.class).queued();
        if (queued > 0 && queued != lastWaitingCount && !now.isBefore(lastWaitingLog.plus(WAITING_LOG_EVERY))) {
            LOG.warn("{} outbound SMS waiting in the outbox: Africa's Talking is not configured "
                    + "(set IJWI_AT_USERNAME and IJWI_AT_API_KEY)", queued);
            lastWaitingCount = queued;
            lastWaitingLog = now;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
