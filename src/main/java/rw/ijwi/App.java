package rw.ijwi;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;

import rw.ijwi.africastalking.AtSmsClient;
import rw.ijwi.africastalking.AtSmsWebhook;
import rw.ijwi.africastalking.AtUssdWebhook;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.db.Database;
import rw.ijwi.feedback.ReportDao;
import rw.ijwi.geo.Geography;
import rw.ijwi.radio.CampaignApi;
import rw.ijwi.radio.CampaignVotes;
import rw.ijwi.radio.LiveTally;
import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.security.Secrets;
import rw.ijwi.sms.HelpKeyword;
import rw.ijwi.sms.InboundProcessor;
import rw.ijwi.sms.JoinKeyword;
import rw.ijwi.sms.KeywordRouter;
import rw.ijwi.sms.OutboxSender;
import rw.ijwi.sms.SmsGateway;
import rw.ijwi.sms.SmsReceiver;
import rw.ijwi.sms.SmsTexts;
import rw.ijwi.sms.StopKeyword;
import rw.ijwi.sms.Worker;
import rw.ijwi.ussd.Engine;
import rw.ijwi.ussd.MenuSource;
import rw.ijwi.ussd.Menus;
import rw.ijwi.ussd.Renderer;
import rw.ijwi.ussd.UssdActions;
import rw.ijwi.ussd.UssdDao;
import rw.ijwi.ussd.UssdService;
import rw.ijwi.web.WebhookToken;

/** Builds Ijwi from its configuration with plain constructor calls, in order; the server it returns is not started. */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Secrets secrets;
    private final Database database;
    private final Javalin server;
    private final SmsWork sms;

    /** SMS work that runs beside the server (issue 4): inbound routing, the outbox sender, the studio tally. */
    public record SmsWork(InboundProcessor inbound, OutboxSender outbox, Worker inboundWorker, Worker outboxWorker,
            LiveTally live) {

        void start() {
            inboundWorker.start();
            outboxWorker.start();
            live.start();
        }

        void stop() {
            inboundWorker.stop();
            outboxWorker.stop();
            live.close();
        }
    }

    private App(Config config, Secrets secrets, Database database, Javalin server, SmsWork sms) {
        this.config = config;
        this.secrets = secrets;
        this.database = database;
        this.server = server;
        this.sms = sms;
    }

    public static App build(Config config) {
        return build(config, Clock.systemUTC(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** As build(config), with the clock and the HTTP client for Africa's Talking given (tests control both). */
    public static App build(Config config, Clock clock, HttpClient http) {
        Secrets secrets = Secrets.load(config);
        Database database = Database.open(config, 10);
        try {
            database.migrate();
            var jdbi = database.jdbi();
            Geography geography = Geography.load(jdbi);
            CommitmentDao commitments = jdbi.onDemand(CommitmentDao.class);
            Menus.Loaded menus = Menus.load(menuSource(config), geography, commitments::inDistrict,
                    config.ussdMaxChars());
            Renderer renderer = new Renderer(menus.menu(), menus.lists(), config.ussdMaxChars());
            Engine engine = new Engine(menus.menu(), menus.lists(), renderer);
            ReportDao reports = jdbi.onDemand(ReportDao.class);
            PhoneHasher hasher = new PhoneHasher(secrets.secretKey());
            UssdService ussd = new UssdService(engine, renderer, jdbi.onDemand(UssdDao.class),
                    new UssdActions(reports, geography), hasher);
            AtUssdWebhook atUssd = new AtUssdWebhook(ussd);
            WebhookToken token = new WebhookToken(secrets.webhookToken());

            // SMS and radio (issue 4): the keyword list is explicit; the outbox is the only way out.
            SmsTexts smsTexts = SmsTexts.load(menuSource(config));
            PhoneCipher cipher = new PhoneCipher(secrets.secretKey());
            KeywordRouter router = new KeywordRouter(List.of(
                    new StopKeyword(),
                    new JoinKeyword(geography, smsTexts),
                    new HelpKeyword(smsTexts)));
            Optional<SmsGateway> gateway = config.at().configured()
                    ? Optional.of(new AtSmsClient(http, config.at().baseUrl(), config.at().username().orElseThrow(),
                            config.at().apiKey().orElseThrow(), config.at().senderId(), AtSmsClient.TIMEOUT))
                    : Optional.empty();
            OutboxSender sender = new OutboxSender(jdbi, gateway, cipher, clock, new Random());
            Worker outboxWorker = new Worker("ijwi-sms-outbox", sender::sendBatch, 1_000);
            InboundProcessor inbound = new InboundProcessor(jdbi, router, new CampaignVotes(smsTexts), smsTexts, clock,
                    outboxWorker::wake);
            Worker inboundWorker = new Worker("ijwi-sms-inbound", inbound::processBatch, 500);
            AtSmsWebhook atSms = new AtSmsWebhook(new SmsReceiver(jdbi, hasher, cipher, clock, inboundWorker::wake));
            CampaignApi campaigns = new CampaignApi(jdbi, router::reserved, clock);
            LiveTally live = new LiveTally(jdbi);
            SmsWork sms = new SmsWork(inbound, sender, inboundWorker, outboxWorker, live);

            Javalin server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jsonMapper(new io.javalin.json.JavalinJackson(new com.fasterxml.jackson.databind.ObjectMapper()
                        .findAndRegisterModules(), false));
                cfg.http.maxRequestSize = 64 * 1024;
                cfg.routes.exception(HttpResponseException.class, (e, ctx) ->
                        ctx.status(e.getStatus()).contentType("text/plain; charset=utf-8").result(e.getMessage()));
                cfg.routes.exception(Exception.class, (e, ctx) -> {
                    LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), SafeErrors.describe(e));
                    ctx.status(500).contentType("text/plain; charset=utf-8").result("internal error");
                });

                // Public, provider-facing webhooks: token first, nothing parsed without it.
                cfg.routes.before("/at/*", token);
                cfg.routes.post("/at/ussd", atUssd::session);
                cfg.routes.post("/at/ussd/events", atUssd::event);
                cfg.routes.post("/at/sms", atSms::incoming);
                cfg.routes.post("/at/sms/delivery", atSms::delivery);
                cfg.routes.post("/at/sms/optout", atSms::optOut);

                // Radio campaigns and the studio screen (issue 4).
                // TODO(auth): coordinator+admin
                cfg.routes.post("/api/v1/campaigns", campaigns::create);
                cfg.routes.get("/api/v1/campaigns/{id}", campaigns::get);
                cfg.routes.get("/api/v1/campaigns/{id}/tally", campaigns::tally);
                cfg.routes.get("/radio/{id}/live", live::page);
                cfg.routes.sse("/radio/{id}/events", live::events);

                // Operations.
                cfg.routes.get("/health", ctx -> {
                    boolean up = database.isUp();
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "degraded",
                            "database", up ? "up" : "down"));
                });
            });
            return new App(config, secrets, database, server, sms);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static MenuSource menuSource(Config config) {
        return config.menusDir().map(MenuSource::directory).orElseGet(MenuSource::classpath);
    }

    public App start() {
        startServer();
        sms.start();
        return this;
    }

    /** Serves HTTP without the SMS workers; tests that drive the inbound and outbox steps by hand use this. */
    public App startServer() {
        server.start(config.port());
        LOG.info("Ijwi is serving on port {}", server.port());
        return this;
    }

    public SmsWork sms() {
        return sms;
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The callback URLs to paste into Africa's Talking, with the token. */
    public String callbackUrls() {
        String base = config.publicUrl().map(Object::toString).orElse("http://localhost:" + port());
        String query = "?token=" + secrets.webhookToken();
        return String.join("\n",
                "  USSD session callback:        " + base + "/at/ussd" + query,
                "  USSD end-of-session events:   " + base + "/at/ussd/events" + query,
                "  SMS incoming messages:        " + base + "/at/sms" + query,
                "  SMS delivery reports:         " + base + "/at/sms/delivery" + query,
                "  SMS bulk opt-out:             " + base + "/at/sms/optout" + query);
    }

    @Override
    public void close() {
        sms.stop();
        server.stop();
        database.close();
    }
}
