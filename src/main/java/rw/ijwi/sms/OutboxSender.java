package rw.ijwi.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rw.ijwi.SafeErrors;
import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;

/**
 * Sends the outbox: claims due rows (committed as 'sending' before any request, so no row is sent twice),
 * drops rows whose number opted out, sends each text to up to PER_REQUEST numbers at once, and records each
 * recipient's result. Retries back off exponentially with jitter; permanent failures are never retried.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    static final int CLAIM = 500;
    static final int PER_REQUEST = 100;
    static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    static final Duration PAUSE = Duration.ofMinutes(15);
    private static final Duration WAITING_CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration WAITING_LOG_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Optional<SmsGateway> gateway;
    private final PhoneCipher cipher;
    private final Clock clock;
    private final Random random;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Instant lastWaitingCheck = Instant.MIN;
    private volatile Instant lastWaitingLog = Instant.MIN;
    private volatile long lastWaitingCount = -1;

    public OutboxSender(Jdbi jdbi, Optional<SmsGateway> gateway, PhoneCipher cipher, Clock clock, Random random) {
        this.jdbi = jdbi;
        this.gateway = gateway;
        this.cipher = cipher;
        this.clock = clock;
        this.random = random;
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
                .claim(CLAIM, InboundProcessor.utc(now)));
        Map<String, List<OutboxDao.Claimed>> byText = new LinkedHashMap<>();
        List<OutboxDao.Claimed> unreadable = new ArrayList<>();
        for (OutboxDao.Claimed row : claimed) {
            if (!row.state().equals("sending")) {
                continue;
            }
            if (readable(row)) {
                byText.computeIfAbsent(row.text(), t -> new ArrayList<>()).add(row);
            } else {
                unreadable.add(row);
            }
        }
        if (!unreadable.isEmpty()) {
            LOG.error("{} outbound SMS have a number that does not open with the secret key; marked failed",
                    unreadable.size());
            record(unreadable, new SmsGateway.FailAll("number_unreadable"));
        }
        for (Map.Entry<String, List<OutboxDao.Claimed>> group : byText.entrySet()) {
            for (List<OutboxDao.Claimed> request : requests(group.getValue())) {
                if (paused()) {
                    record(request, new SmsGateway.Pause("paused", null));
                } else {
                    send(group.getKey(), request);
                }
            }
        }
        return claimed.size();
    }

    /** Splits rows into requests of at most PER_REQUEST, each number at most once per request. */
    private List<List<OutboxDao.Claimed>> requests(List<OutboxDao.Claimed> rows) {
        List<List<OutboxDao.Claimed>> requests = new ArrayList<>();
        List<Map<String, OutboxDao.Claimed>> open = new ArrayList<>();
        for (OutboxDao.Claimed row : rows) {
            String number = number(row);
            Map<String, OutboxDao.Claimed> target = null;
            for (Map<String, OutboxDao.Claimed> request : open) {
                if (request.size() < PER_REQUEST && !request.containsKey(number)) {
                    target = request;
                    break;
                }
            }
            if (target == null) {
                target = new LinkedHashMap<>();
                open.add(target);
            }
            target.put(number, row);
        }
        open.forEach(r -> requests.add(new ArrayList<>(r.values())));
        return requests;
    }

    private void send(String text, List<OutboxDao.Claimed> rows) {
        List<String> numbers = rows.stream().map(this::number).toList();
        SmsGateway.Result result;
        try {
            result = gateway.orElseThrow().send(text, numbers);
        } catch (RuntimeException e) {
            LOG.error("SMS request failed, will retry: {}", SafeErrors.describe(e));
            result = new SmsGateway.RetryAll("client_error");
        }
        record(rows, result);
    }

    private void record(List<OutboxDao.Claimed> rows, SmsGateway.Result result) {
        Instant now = clock.instant();
        var at = InboundProcessor.utc(now);
        if (result instanceof SmsGateway.Pause pause && pause.setting() != null) {
            pausedUntil = now.plus(PAUSE);
            LOG.error("Outbound SMS paused for {} minutes: the provider refused the account ({}); check {}. "
                    + "{} message(s) put back in the outbox.", PAUSE.toMinutes(), pause.reason(), pause.setting(),
                    rows.size());
        }
        jdbi.useTransaction(h -> {
            OutboxDao outbox = h.attach(OutboxDao.class);
            Map<String, SmsGateway.Recipient> byNumber = new LinkedHashMap<>();
            if (result instanceof SmsGateway.PerRecipient per) {
                per.recipients().forEach(r -> byNumber.put(PhoneHasher.canonical(r.number()), r));
            }
            for (OutboxDao.Claimed row : rows) {
                if (result instanceof SmsGateway.Pause pause) {
                    outbox.putBack(row.id(), pause.reason(), at);
                } else if (result instanceof SmsGateway.RetryAll retry) {
                    retryOrGiveUp(outbox, row, retry.reason(), now);
                } else if (result instanceof SmsGateway.FailAll fail) {
                    outbox.failed(row.id(), fail.reason(), at);
                } else {
                    SmsGateway.Recipient recipient = byNumber.get(number(row));
                    if (recipient == null) {
                        outbox.failed(row.id(), "no_recipient_status", at);
                    } else if (recipient.verdict() == SmsGateway.Verdict.ACCEPTED) {
                        outbox.sent(row.id(), recipient.messageId(), recipient.cost(), at);
                    } else if (recipient.verdict() == SmsGateway.Verdict.RETRY) {
                        retryOrGiveUp(outbox, row, recipient.reason(), now);
                    } else {
                        outbox.failed(row.id(), recipient.reason(), at);
                    }
                }
            }
        });
    }

    private void retryOrGiveUp(OutboxDao outbox, OutboxDao.Claimed row, String reason, Instant now) {
        if (row.attempts() >= MAX_ATTEMPTS) {
            outbox.failed(row.id(), reason + " (gave up after " + row.attempts() + " attempts)",
                    InboundProcessor.utc(now));
        } else {
            outbox.retryLater(row.id(), InboundProcessor.utc(now.plus(backoff(row.attempts(), random))), reason,
                    InboundProcessor.utc(now));
        }
    }

    /** Exponential back-off with "equal jitter": half the delay fixed, half random, capped. */
    static Duration backoff(int attempts, Random random) {
        long base = FIRST_RETRY.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, LONGEST_RETRY.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.nextDouble() * (capped / 2)));
    }

    /** False when the stored number cannot be opened (the secret key changed, or the data is damaged). */
    private boolean readable(OutboxDao.Claimed row) {
        try {
            number(row);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String number(OutboxDao.Claimed row) {
        return cipher.decrypt(row.phoneEncrypted());
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
}
