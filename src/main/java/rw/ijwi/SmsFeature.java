package rw.ijwi;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.jdbi.v3.core.Jdbi;

import io.micrometer.core.instrument.MeterRegistry;

import rw.ijwi.africastalking.AtSmsClient;
import rw.ijwi.africastalking.AtSmsWebhook;
import rw.ijwi.audit.AuditLog;
import rw.ijwi.config.Config;
import rw.ijwi.config.MenuSource;
import rw.ijwi.geo.Geography;
import rw.ijwi.ops.SmsGauges;
import rw.ijwi.radio.CampaignVotes;
import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.security.Secrets;
import rw.ijwi.sms.AudienceDao;
import rw.ijwi.sms.SmsTexts;
import rw.ijwi.sms.Worker;
import rw.ijwi.sms.inbound.DurableReceiver;
import rw.ijwi.sms.inbound.GroupCommit;
import rw.ijwi.sms.inbound.SmsReceiver;
import rw.ijwi.sms.inbound.Spool;
import rw.ijwi.sms.keywords.HelpKeyword;
import rw.ijwi.sms.keywords.InboundProcessor;
import rw.ijwi.sms.keywords.JoinKeyword;
import rw.ijwi.sms.keywords.KeywordRouter;
import rw.ijwi.sms.keywords.StopKeyword;
import rw.ijwi.sms.outbox.MeteredGateway;
import rw.ijwi.sms.outbox.OutboxSender;
import rw.ijwi.sms.outbox.SmsGateway;
import rw.ijwi.sms.pages.FiguresDao;
import rw.ijwi.sms.pages.FiguresPage;
import rw.ijwi.sms.pages.InboxDao;
import rw.ijwi.sms.pages.InboxPage;
import rw.ijwi.web.Templates;

/**
 * SMS through its rooms (see the sms package note): AT's webhook, intake in groups with the spool behind it, the
 * keyword list (explicit, with radio's campaign votes), the outbox as the only way out, and the staff pages.
 * Three workers run beside the server; tests that drive the steps by hand use inbound(), outbox(), receiver().
 */
public final class SmsFeature {

    private final KeywordRouter router;
    private final InboundProcessor inbound;
    private final OutboxSender outbox;
    private final DurableReceiver receiver;
    private final GroupCommit commits;
    private final Worker inboundWorker;
    private final Worker outboxWorker;
    private final Worker spoolWorker;
    private final boolean canSend;
    private final AtSmsWebhook webhook;
    private final InboxPage inbox;
    private final FiguresPage figures;
    private final FiguresDao figuresDao;

    private SmsFeature(Config config, Secrets secrets, Clock clock, HttpClient http, Jdbi jdbi, Geography geography,
            AuditLog audit, Templates templates, PhoneHasher hasher, MeterRegistry registry) {
        SmsTexts texts = SmsTexts.load(MenuSource.of(config));
        PhoneCipher cipher = new PhoneCipher(secrets.secretKey());
        router = new KeywordRouter(List.of(
                new StopKeyword(),
                new JoinKeyword(geography, texts),
                new HelpKeyword(texts)));
        Config.Tuning tuning = config.tuning();
        Optional<SmsGateway> gateway = gateway(config, http, clock, registry);
        canSend = gateway.isPresent();
        outbox = new OutboxSender(jdbi, gateway, cipher, clock, new Random(), config.smsInFlight());
        outboxWorker = new Worker("ijwi-sms-outbox", outbox::sendBatch, tuning.outboxPoll().toMillis());
        inbound = new InboundProcessor(jdbi, router, new CampaignVotes(texts), texts, clock, outboxWorker::wake);
        inboundWorker = new Worker("ijwi-sms-inbound", inbound::processBatch, tuning.inboundPoll().toMillis(),
                InboundProcessor.BATCH, tuning.inboundGather().toMillis());
        Spool spool = Spool.open(config.spoolDir(), config.spoolMaxMb() * 1024L * 1024L, secrets.secretKey());
        receiver = new DurableReceiver(new SmsReceiver(jdbi, hasher, cipher, clock, inboundWorker::wake), spool);
        spoolWorker = new Worker("ijwi-sms-spool", receiver::replay, tuning.spoolReplay().toMillis());
        registry.gauge("ijwi.sms.spool.entries", receiver, DurableReceiver::spooled);
        new SmsGauges(jdbi).bindTo(registry);
        // Inbound messages are committed in groups: one fsync for all that arrive together.
        commits = new GroupCommit(receiver, tuning.inboundGroupMax(), registry);
        webhook = new AtSmsWebhook(commits, receiver, config.at().senderId());
        inbox = new InboxPage(jdbi.onDemand(InboxDao.class), audit, templates, clock);
        figuresDao = jdbi.onDemand(FiguresDao.class);
        figures = new FiguresPage(figuresDao, jdbi.onDemand(AudienceDao.class), geography, templates, clock);
    }

    static SmsFeature assemble(Config config, Secrets secrets, Clock clock, HttpClient http, Jdbi jdbi,
            Geography geography, AuditLog audit, Templates templates, PhoneHasher hasher, MeterRegistry registry) {
        return new SmsFeature(config, secrets, clock, http, jdbi, geography, audit, templates, hasher, registry);
    }

    /** Africa's Talking when its account is configured; without it, outbound SMS wait in the outbox. */
    private static Optional<SmsGateway> gateway(Config config, HttpClient http, Clock clock,
            MeterRegistry registry) {
        Config.AtAccount at = config.at();
        if (!at.configured()) {
            return Optional.empty();
        }
        return Optional.of(new MeteredGateway(new AtSmsClient(http, at.baseUrl(), at.username().orElseThrow(),
                at.apiKey().orElseThrow(), at.senderId(), AtSmsClient.TIMEOUT, clock, at.premiumKeyword(),
                at.premiumBaseUrl()), registry));
    }

    /** Callbacks are accepted (and committed in groups) while the server serves. */
    void startIntake() {
        commits.start();
    }

    void startWorkers() {
        spoolWorker.start();
        inboundWorker.start();
        outboxWorker.start();
    }

    void stopWorkers() {
        spoolWorker.stop();
        inboundWorker.stop();
        outboxWorker.stop();
    }

    /** After the server stopped: callbacks still in flight are committed and answered. */
    void closeIntake() {
        commits.close();
    }

    /** Something was queued (a broadcast): send without waiting for the next poll. */
    void wakeOutbox() {
        outboxWorker.wake();
    }

    /** Whether a word is taken by a keyword, so no campaign may use it. */
    boolean reserved(String word) {
        return router.reserved(word);
    }

    boolean canSend() {
        return canSend;
    }

    AtSmsWebhook webhook() {
        return webhook;
    }

    InboxPage inbox() {
        return inbox;
    }

    FiguresPage figures() {
        return figures;
    }

    FiguresDao figuresDao() {
        return figuresDao;
    }

    public InboundProcessor inbound() {
        return inbound;
    }

    public OutboxSender outbox() {
        return outbox;
    }

    public DurableReceiver receiver() {
        return receiver;
    }
}
