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

import static rw.ijwi.auth.Role.ADMIN;
import static rw.ijwi.auth.Role.COORDINATOR;
import static rw.ijwi.auth.Role.VIEWER;

import rw.ijwi.admin.AdminPage;
import rw.ijwi.africastalking.AtSmsClient;
import rw.ijwi.africastalking.AtSmsWebhook;
import rw.ijwi.africastalking.AtUssdClient;
import rw.ijwi.africastalking.AtUssdWebhook;
import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.Accounts;
import rw.ijwi.auth.LoginThrottle;
import rw.ijwi.broadcast.BroadcastPage;
import rw.ijwi.broadcast.Broadcasts;
import rw.ijwi.dashboard.BriefPage;
import rw.ijwi.dashboard.DropoffPage;
import rw.ijwi.dashboard.Exports;
import rw.ijwi.dashboard.LoginPage;
import rw.ijwi.dashboard.OverviewPage;
import rw.ijwi.dashboard.StatsApi;
import rw.ijwi.dashboard.SummaryApi;
import rw.ijwi.disclosure.Publisher;
import rw.ijwi.disclosure.ReleaseDao;
import rw.ijwi.disclosure.Releases;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.commitments.CommitmentRegister;
import rw.ijwi.commitments.CommitmentsApi;
import rw.ijwi.commitments.CommitmentsPage;
import rw.ijwi.db.Database;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Provenance;
import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.RollupFolder;
import rw.ijwi.feedback.ReportCommits;
import rw.ijwi.feedback.ReportDao;
import rw.ijwi.geo.Geography;
import rw.ijwi.ops.Housekeeping;
import rw.ijwi.ops.Metrics;
import rw.ijwi.ops.MetricsServer;
import rw.ijwi.ops.RequestIds;
import rw.ijwi.ops.SmsGauges;
import rw.ijwi.privacy.Scrubber;
import rw.ijwi.radio.CampaignApi;
import rw.ijwi.radio.CampaignPage;
import rw.ijwi.radio.CampaignVotes;
import rw.ijwi.radio.LiveTally;
import rw.ijwi.review.ReviewDao;
import rw.ijwi.review.ReviewPage;
import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.security.Secrets;
import rw.ijwi.simulator.SimulatorPage;
import rw.ijwi.simulator.SimulatorSessions;
import rw.ijwi.simulator.TestReportDao;
import rw.ijwi.sms.AudienceDao;
import rw.ijwi.sms.DurableReceiver;
import rw.ijwi.sms.FiguresDao;
import rw.ijwi.sms.FiguresPage;
import rw.ijwi.sms.GroupCommit;
import rw.ijwi.sms.HelpKeyword;
import rw.ijwi.sms.InboundProcessor;
import rw.ijwi.sms.InboxDao;
import rw.ijwi.sms.InboxPage;
import rw.ijwi.sms.JoinKeyword;
import rw.ijwi.sms.KeywordRouter;
import rw.ijwi.sms.MeteredGateway;
import rw.ijwi.sms.OutboxSender;
import rw.ijwi.sms.SmsGateway;
import rw.ijwi.sms.SmsReceiver;
import rw.ijwi.sms.SmsTexts;
import rw.ijwi.sms.Spool;
import rw.ijwi.sms.StopKeyword;
import rw.ijwi.sms.Worker;
import rw.ijwi.ussd.Engine;
import rw.ijwi.ussd.Languages;
import rw.ijwi.ussd.MenuSource;
import rw.ijwi.ussd.Menus;
import rw.ijwi.ussd.Renderer;
import rw.ijwi.ussd.UssdActions;
import rw.ijwi.ussd.UssdDao;
import rw.ijwi.ussd.UssdService;
import rw.ijwi.web.ClientAddress;
import rw.ijwi.web.ErrorPages;
import rw.ijwi.web.Gate;
import rw.ijwi.web.Messages;
import rw.ijwi.web.SecurityHeaders;
import rw.ijwi.web.Templates;
import rw.ijwi.web.WebhookToken;

/** Builds Ijwi from its configuration with plain constructor calls, in order; the server it returns is not started. */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Secrets secrets;
    private final Database database;
    private final Javalin server;
    private final SmsWork sms;
    private final GroupCommit inboundCommits;
    private final ReportCommits reportCommits;

    private final Housekeeping housekeeping;
    private final RollupFolder rollups;
    private final Scrubber scrubber;
    private final MetricsServer metricsServer;
    private final Optional<String> setupToken;

    /** SMS work that runs beside the server (issue 4): inbound routing, the outbox sender, the studio tally. */
    public record SmsWork(InboundProcessor inbound, OutboxSender outbox, Worker inboundWorker, Worker outboxWorker,
            Worker spoolWorker, DurableReceiver receiver, LiveTally live) {

        void start() {
            spoolWorker.start();
            inboundWorker.start();
            outboxWorker.start();
            live.start();
        }

        void stop() {
            spoolWorker.stop();
            inboundWorker.stop();
            outboxWorker.stop();
            live.close();
        }
    }

    private App(Config config, Secrets secrets, Database database, Javalin server, SmsWork sms,
            GroupCommit inboundCommits, ReportCommits reportCommits, Housekeeping housekeeping, RollupFolder rollups, Scrubber scrubber,
            MetricsServer metricsServer, Optional<String> setupToken) {
        this.config = config;
        this.secrets = secrets;
        this.database = database;
        this.server = server;
        this.sms = sms;
        this.inboundCommits = inboundCommits;
        this.reportCommits = reportCommits;
        this.housekeeping = housekeeping;
        this.rollups = rollups;
        this.scrubber = scrubber;
        this.metricsServer = metricsServer;
        this.setupToken = setupToken;
    }

    public static App build(Config config) {
        return build(config, Clock.systemUTC(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** As build(config), with the clock and the HTTP client for Africa's Talking given (tests control both). */
    public static App build(Config config, Clock clock, HttpClient http) {
        Secrets secrets = Secrets.load(config);
        Metrics metrics = new Metrics();
        Database database = Database.open(config, 10, metrics.registry());
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
            UssdDao ussdDao = jdbi.onDemand(UssdDao.class);
            PhoneHasher hasher = new PhoneHasher(secrets.secretKey());
            SimulatorSessions simulated = new SimulatorSessions();
            // Reports filed at one moment share a commit (issue 15): one fsync for the END hops waiting together.
            ReportCommits reportCommits = new ReportCommits(database.dataSource(), reports, 200, metrics.registry());
            UssdService ussd = new UssdService(engine, ussdDao, new Languages(database.dataSource(), 200_000),
                    new UssdActions(reports, geography, simulated, reportCommits::file), hasher, metrics.registry());
            AtUssdWebhook atUssd = new AtUssdWebhook(ussd);
            WebhookToken token = new WebhookToken(secrets.webhookToken());

            Accounts accounts = new Accounts(jdbi);
            AuditLog audit = jdbi.onDemand(AuditLog.class);
            Templates templates = new Templates(Messages.load());
            boolean secureCookies = config.publicUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
            LoginPage login = new LoginPage(accounts, new LoginThrottle(), audit, templates, secureCookies);
            AggregateDao aggregateDao = jdbi.onDemand(AggregateDao.class);
            Aggregates aggregates = new Aggregates(aggregateDao, geography);
            Releases releases = new Releases(aggregates, jdbi.onDemand(ReleaseDao.class), config.suppressBelow(), clock);
            Publisher publisher = new Publisher(aggregates, releases);
            SummaryApi summaryApi = new SummaryApi(publisher, clock);
            FiguresDao smsFigures = jdbi.onDemand(FiguresDao.class);
            OverviewPage overview = new OverviewPage(publisher, templates, clock);
            BriefPage brief = new BriefPage(publisher, aggregateDao, commitments, audit, templates, clock);
            Exports exports = new Exports(publisher, aggregateDao, audit, clock);
            DropoffPage dropoff = new DropoffPage(aggregateDao, templates, clock);
            Gate gate = new Gate(accounts);
            ErrorPages errorPages = new ErrorPages(templates, gate);
            CommitmentRegister register = new CommitmentRegister(commitments, geography, audit);
            CommitmentsPage commitmentsPage = new CommitmentsPage(register, templates);
            CommitmentsApi commitmentsApi = new CommitmentsApi(register);
            ReviewPage review = new ReviewPage(jdbi.onDemand(ReviewDao.class), jdbi.onDemand(Provenance.class), geography,
                    audit, templates, clock);
            AdminPage admin = new AdminPage(accounts, audit, geography, templates);
            SimulatorPage simulator = new SimulatorPage(new AtUssdClient(java.net.http.HttpClient.newBuilder()
                    .connectTimeout(java.time.Duration.ofSeconds(2)).build(), secrets.webhookToken(),
                    SimulatorPage.SERVICE_CODE, "99999"), simulated, jdbi.onDemand(TestReportDao.class), geography,
                    templates);

            // SMS and radio (issue 4): the keyword list is explicit; the outbox is the only way out.
            SmsTexts smsTexts = SmsTexts.load(menuSource(config));
            PhoneCipher cipher = new PhoneCipher(secrets.secretKey());
            KeywordRouter router = new KeywordRouter(List.of(
                    new StopKeyword(),
                    new JoinKeyword(geography, smsTexts),
                    new HelpKeyword(smsTexts)));
            Optional<SmsGateway> gateway = config.at().configured()
                    ? Optional.of(new MeteredGateway(new AtSmsClient(http, config.at().baseUrl(),
                            config.at().username().orElseThrow(), config.at().apiKey().orElseThrow(),
                            config.at().senderId(), AtSmsClient.TIMEOUT), metrics.registry()))
                    : Optional.empty();
            OutboxSender sender = new OutboxSender(jdbi, gateway, cipher, clock, new Random(), config.smsInFlight());
            Worker outboxWorker = new Worker("ijwi-sms-outbox", sender::sendBatch, 1_000);
            InboundProcessor inbound = new InboundProcessor(jdbi, router, new CampaignVotes(smsTexts), smsTexts, clock,
                    outboxWorker::wake);
            Worker inboundWorker = new Worker("ijwi-sms-inbound", inbound::processBatch, 500);
            Spool spool = Spool.open(config.spoolDir(), config.spoolMaxMb() * 1024L * 1024L, secrets.secretKey());
            DurableReceiver receiver = new DurableReceiver(new SmsReceiver(jdbi, hasher, cipher, clock,
                    inboundWorker::wake), spool);
            Worker spoolWorker = new Worker("ijwi-sms-spool", receiver::replay, 1_000);
            StatsApi statsApi = new StatsApi(aggregateDao, smsFigures, receiver::spooled);
            metrics.registry().gauge("ijwi.sms.spool.entries", receiver, DurableReceiver::spooled);
            new SmsGauges(jdbi).bindTo(metrics.registry());
            // Inbound messages are committed in groups: one fsync for all that arrive together (issue 6).
            GroupCommit inboundCommits = new GroupCommit(receiver, 500, metrics.registry());
            AtSmsWebhook atSms = new AtSmsWebhook(inboundCommits, receiver);
            CampaignApi campaigns = new CampaignApi(jdbi, router::reserved, clock);
            LiveTally live = new LiveTally(jdbi);
            CampaignPage campaignPage = new CampaignPage(campaigns, jdbi, audit, templates, clock);
            InboxPage inbox = new InboxPage(jdbi.onDemand(InboxDao.class), audit, templates, clock);
            FiguresPage smsPages = new FiguresPage(smsFigures, jdbi.onDemand(AudienceDao.class), geography, templates,
                    clock);
            Broadcasts broadcasts = new Broadcasts(jdbi, geography, templates.messages(), config.smsPrice(), clock,
                    outboxWorker::wake);
            BroadcastPage broadcastPage = new BroadcastPage(broadcasts, jdbi, geography, templates, gateway.isPresent());
            SmsWork sms = new SmsWork(inbound, sender, inboundWorker, outboxWorker, spoolWorker, receiver, live);
            // Redacted and purged text must leave the table files, not only the rows (issue 12).
            Scrubber scrubber = new Scrubber(jdbi);

            Javalin server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jsonMapper(new io.javalin.json.JavalinJackson(new com.fasterxml.jackson.databind.ObjectMapper()
                        .findAndRegisterModules(), false));
                cfg.http.maxRequestSize = 64 * 1024;
                // Behind a reverse proxy the peer is the proxy: X-Forwarded-For only from IJWI_TRUSTED_PROXIES.
                ClientAddress clientAddress = new ClientAddress(config.trustedProxies());
                cfg.contextResolver.ip = clientAddress::of;
                // A client that stalls mid-request is dropped after 10 s (AT itself gives up on us after 10 s).
                cfg.jetty.modifyHttpConfiguration(httpConfig -> httpConfig.setIdleTimeout(10_000));
                cfg.jetty.threadPool = rw.ijwi.web.HttpThreads.pool(Config.httpThreads(System.getenv()));
                cfg.staticFiles.add(staticFiles -> {
                    staticFiles.hostedPath = "/static";
                    staticFiles.directory = "/static";
                    staticFiles.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                });
                // Pages answer in the layout and the reader's language; the API and webhooks in plain text.
                cfg.routes.exception(HttpResponseException.class, errorPages::refused);
                cfg.routes.exception(Exception.class, (e, ctx) -> {
                    LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), SafeErrors.describe(e));
                    errorPages.failed(ctx);
                });

                // Public, provider-facing webhooks: token first, nothing parsed without it.
                cfg.routes.before("/at/*", token);
                cfg.routes.post("/at/ussd", atUssd::session);
                cfg.routes.post("/at/ussd/events", atUssd::event);
                cfg.routes.post("/at/sms", atSms::incoming);
                cfg.routes.post("/at/sms/delivery", atSms::delivery);
                cfg.routes.post("/at/sms/optout", atSms::optOut);

                // Staff: every route names the roles that may use it; the gate enforces them (and CSRF).
                cfg.routes.before(RequestIds::begin);
                cfg.routes.before(metrics::start);
                cfg.routes.afterMatched(metrics::stop);
                cfg.routes.after(RequestIds::end);
                cfg.routes.before(new SecurityHeaders(secureCookies));
                cfg.routes.beforeMatched(gate);
                cfg.routes.get("/login", login::form);
                cfg.routes.post("/login", login::submit);
                cfg.routes.get("/setup", login::setupForm);
                cfg.routes.post("/setup", login::setupSubmit);
                cfg.routes.post("/logout", login::logout, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/", overview::show, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/commitments", commitmentsPage::list, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/commitments/new", commitmentsPage::newForm, ADMIN, COORDINATOR);
                cfg.routes.post("/commitments", commitmentsPage::create, ADMIN, COORDINATOR);
                cfg.routes.get("/commitments/{id}", commitmentsPage::show, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.post("/commitments/{id}", commitmentsPage::update, ADMIN, COORDINATOR);
                cfg.routes.post("/commitments/{id}/notes", commitmentsPage::addNote, ADMIN, COORDINATOR);
                cfg.routes.get("/api/v1/commitments", commitmentsApi::list, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.post("/api/v1/commitments", commitmentsApi::create, ADMIN, COORDINATOR);
                cfg.routes.get("/review", review::list, ADMIN, COORDINATOR);
                cfg.routes.post("/review", review::reviewMany, ADMIN, COORDINATOR);
                cfg.routes.post("/review/{id}", review::review, ADMIN, COORDINATOR);
                cfg.routes.post("/review/{id}/redact", review::redact, ADMIN, COORDINATOR);
                cfg.routes.after("/review/{id}/redact", ctx -> {
                    if (ctx.statusCode() == 303) {
                        scrubber.vacuumSoon("report");
                    }
                });
                cfg.routes.get("/simulator", simulator::show, ADMIN, COORDINATOR);
                cfg.routes.post("/simulator/ussd", simulator::hop, ADMIN, COORDINATOR);
                cfg.routes.post("/simulator/ussd/end", simulator::end, ADMIN, COORDINATOR);
                cfg.routes.get("/simulator/reports", simulator::reports, ADMIN, COORDINATOR);
                cfg.routes.get("/admin", admin::show, ADMIN);
                cfg.routes.post("/admin/users", admin::addUser, ADMIN);
                cfg.routes.post("/admin/users/{username}/disable", admin::disable, ADMIN);

                // Radio campaigns and the studio screen (a viewer account is enough to show the tally).
                cfg.routes.post("/api/v1/campaigns", campaigns::create, ADMIN, COORDINATOR);
                cfg.routes.get("/api/v1/campaigns/{id}", campaigns::get, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/api/v1/campaigns/{id}/tally", campaigns::tally, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/radio/{id}/live", live::page, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.sse("/radio/{id}/events", live::events, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/campaigns", campaignPage::list, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/campaigns/new", campaignPage::newForm, ADMIN, COORDINATOR);
                cfg.routes.post("/campaigns", campaignPage::create, ADMIN, COORDINATOR);
                cfg.routes.get("/campaigns/{id}", campaignPage::show, ADMIN, COORDINATOR, VIEWER);

                // SMS pages: the inbox (free text, audited), broadcasts to subscribers, figures (never numbers).
                cfg.routes.get("/sms/inbox", inbox::list, ADMIN, COORDINATOR);
                cfg.routes.post("/sms/inbox/{id}", inbox::handle, ADMIN, COORDINATOR);
                cfg.routes.get("/sms/subscribers", smsPages::subscribers, ADMIN, COORDINATOR);
                // National operational counts with no district: for admins (docs/disclosure.md).
                cfg.routes.get("/sms/delivery", smsPages::delivery, ADMIN);
                cfg.routes.get("/broadcasts", broadcastPage::list, ADMIN, COORDINATOR);
                cfg.routes.post("/broadcasts/preview", broadcastPage::preview, ADMIN, COORDINATOR);
                cfg.routes.post("/broadcasts", broadcastPage::confirm, ADMIN, COORDINATOR);
                cfg.routes.get("/broadcasts/{id}", broadcastPage::show, ADMIN, COORDINATOR);
                cfg.routes.get("/broadcasts/{id}/progress", broadcastPage::progressJson, ADMIN, COORDINATOR);

                // Numbers: every aggregate that leaves the system goes through feedback/Suppression.
                cfg.routes.get("/api/v1/summary", summaryApi::summary, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/api/v1/stats", statsApi::stats, ADMIN);
                cfg.routes.get("/brief", brief::show, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/export/summary.csv", exports::summary, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/export/reports.csv", exports::reports, ADMIN, COORDINATOR);
                cfg.routes.get("/dropoff", dropoff::show, ADMIN);

                // Operations.
                cfg.routes.get("/health", ctx -> {
                    boolean up = database.isUp();
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "degraded",
                            "database", up ? "up" : "down"));
                });
            });
            Housekeeping housekeeping = new Housekeeping(List.of(
                    new Housekeeping.Chore("expired dashboard sessions", accounts.dao()::endStaleSessions),
                    new Housekeeping.Chore("old USSD free-text spans", ussdDao::forgetOldFreeText),
                    new Housekeeping.Chore("retention purge", () -> scrubber.purge(config.retentionDays()).total()),
                    new Housekeeping.Chore("vacuum of deleted reports and subscriptions", () -> {
                        scrubber.vacuumRemoved("report", "sms_subscriber");
                        return 0;
                    }),
                    // Months are released in the background once they end, so no reader waits for the audit.
                    new Housekeeping.Chore("monthly releases", releases::closeDue)),
                    Duration.ofHours(1));
            Optional<String> setupToken = accounts.setupTokenIfNoUsers();
            return new App(config, secrets, database, server, sms, inboundCommits, reportCommits, housekeeping,
                    new RollupFolder(aggregateDao, Duration.ofSeconds(2)), scrubber,
                    new MetricsServer(metrics, config.metricsBind(), config.metricsPort()), setupToken);
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
        server.start(config.bind(), config.port());
        metricsServer.start();
        inboundCommits.start();
        reportCommits.start();
        housekeeping.start();
        rollups.start();
        LOG.info("Ijwi is serving on port {} of {}", server.port(), config.bind());
        return this;
    }

    /** The port /metrics is served on (IJWI_METRICS_PORT; 0 picks a free one, for tests). */
    public int metricsPort() {
        return metricsServer.port();
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

    /** When there are no users yet: the one-time link to create the first admin (valid 24 hours). */
    public Optional<String> setupLink() {
        return setupToken.map(token -> baseUrl() + "/setup?token=" + token);
    }

    private String baseUrl() {
        return config.publicUrl().map(Object::toString).orElse("http://localhost:" + port());
    }

    /** The callback URLs to paste into Africa's Talking, with the token. */
    public String callbackUrls() {
        return callbackUrls(true);
    }

    /** The callback URLs; without the token (for a log, which outlives the screen) they name where it is kept. */
    public String callbackUrls(boolean withToken) {
        String base = baseUrl();
        String query = "?token=" + (withToken ? secrets.webhookToken()
                : "TOKEN (IJWI_WEBHOOK_TOKEN, or " + config.dataDir().resolve("webhook.token") + ")");
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
        housekeeping.close();
        rollups.close();
        server.stop();
        scrubber.close();
        metricsServer.close();
        inboundCommits.close(); // after the server: callbacks still in flight are committed and answered
        reportCommits.close();
        database.close();
    }
}
