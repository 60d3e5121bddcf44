package rw.ijwi;

import static rw.ijwi.auth.Role.ADMIN;
import static rw.ijwi.auth.Role.COORDINATOR;
import static rw.ijwi.auth.Role.VIEWER;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.config.Config;
import rw.ijwi.config.SafeErrors;
import rw.ijwi.db.Database;
import rw.ijwi.disclosure.ReleaseDao;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Provenance;
import rw.ijwi.feedback.ReportDao;
import rw.ijwi.geo.Geography;
import rw.ijwi.ops.Metrics;
import rw.ijwi.ops.Ports;
import rw.ijwi.ops.RequestIds;
import rw.ijwi.review.ReviewDao;
import rw.ijwi.review.ReviewPage;
import rw.ijwi.security.KeyCheck;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.security.Secrets;
import rw.ijwi.simulator.TestReportDao;
import rw.ijwi.ussd.UssdDao;
import rw.ijwi.web.ClientAddress;
import rw.ijwi.web.HttpThreads;
import rw.ijwi.web.Messages;
import rw.ijwi.web.Templates;
import rw.ijwi.web.WebhookToken;

/**
 * Builds Ijwi from its configuration: the shared ground, one assembly per feature (in dependency order), then the
 * route table. Plain constructor calls; the server it returns is not started.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Secrets secrets;
    private final Database database;
    private final Javalin server;
    private final UssdFeature ussd;
    private final SmsFeature sms;
    private final RadioFeature radio;
    private final NumbersFeature numbers;
    private final Operations ops;
    private final Optional<String> setupToken;

    private App(Config config, Secrets secrets, Database database, Javalin server, UssdFeature ussd, SmsFeature sms,
            RadioFeature radio, NumbersFeature numbers, Operations ops, Optional<String> setupToken) {
        this.config = config;
        this.secrets = secrets;
        this.database = database;
        this.server = server;
        this.ussd = ussd;
        this.sms = sms;
        this.radio = radio;
        this.numbers = numbers;
        this.ops = ops;
        this.setupToken = setupToken;
    }

    public static App build(Config config) {
        return build(config, Clock.systemUTC(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** As build(config), with the clock and the HTTP client for Africa's Talking given (tests control both). */
    public static App build(Config config, Clock clock, HttpClient http) {
        Ports.refuseBusy(config); // before the embedded database spends seconds starting
        Secrets secrets = Secrets.load(config);
        Metrics metrics = new Metrics();
        Database database = Database.open(config, config.tuning().databasePool(), metrics.registry());
        try {
            database.migrate();
            KeyCheck.verify(database.jdbi(), secrets.secretKey(), config);
            Jdbi jdbi = database.jdbi();
            Geography geography = Geography.load(jdbi);
            Templates templates = new Templates(Messages.load());
            AuditLog audit = jdbi.onDemand(AuditLog.class);
            PhoneHasher hasher = new PhoneHasher(secrets.secretKey());

            var staff = StaffFeature.assemble(config, jdbi, audit, geography, templates);
            var simulator = SimulatorFeature.assemble(secrets.webhookToken(), jdbi.onDemand(TestReportDao.class),
                    geography, templates);
            var commitments = CommitmentsFeature.assemble(jdbi.onDemand(CommitmentDao.class), geography, audit,
                    templates);
            var ussd = UssdFeature.assemble(config, geography, commitments.dao(), jdbi.onDemand(ReportDao.class),
                    jdbi.onDemand(UssdDao.class), database.dataSource(), simulator.sessions(), hasher,
                    metrics.registry());
            var sms = SmsFeature.assemble(config, secrets, clock, http, jdbi, geography, audit, templates, hasher,
                    metrics.registry());
            var radio = RadioFeature.assemble(clock, jdbi, sms::reserved, audit, templates);
            var broadcast = BroadcastFeature.assemble(config, clock, jdbi, commitments.dao(), geography, templates,
                    sms::wakeOutbox, sms.canSend());
            var numbers = NumbersFeature.assemble(config, clock, jdbi.onDemand(AggregateDao.class),
                    jdbi.onDemand(ReleaseDao.class), commitments.dao(), sms.figuresDao(), sms.receiver()::spooled,
                    geography, audit, templates);
            var review = new ReviewPage(jdbi.onDemand(ReviewDao.class), jdbi.onDemand(Provenance.class), geography,
                    audit, templates, clock);
            var ops = Operations.assemble(config, database, metrics, staff.accounts().dao()::endStaleSessions,
                    ussd.dao()::forgetOldFreeText, numbers.releases()::closeDue,
                    broadcast.broadcasts().queue()::resumeUnfinished);

            Javalin server = Javalin.create(cfg -> {
                serverSettings(cfg, config, staff);

                // Public, provider-facing webhooks: token first, nothing parsed without it.
                cfg.routes.before("/at/*", new WebhookToken(secrets.webhookToken()));
                cfg.routes.post("/at/ussd", ussd.webhook()::session);
                cfg.routes.post("/at/ussd/events", ussd.webhook()::event);
                cfg.routes.post("/at/sms", sms.webhook()::incoming);
                cfg.routes.post("/at/sms/delivery", sms.webhook()::delivery);
                cfg.routes.post("/at/sms/optout", sms.webhook()::optOut);

                // Staff: every route names the roles that may use it; the gate enforces them (and CSRF).
                cfg.routes.before(RequestIds::begin);
                cfg.routes.before(metrics::start);
                cfg.routes.afterMatched(metrics::stop);
                cfg.routes.after(RequestIds::end);
                cfg.routes.before(staff.headers());
                cfg.routes.beforeMatched(staff.gate());
                cfg.routes.get("/login", staff.login()::form);
                cfg.routes.post("/login", staff.login()::submit);
                cfg.routes.get("/setup", staff.login()::setupForm);
                cfg.routes.post("/setup", staff.login()::setupSubmit);
                cfg.routes.post("/logout", staff.login()::logout, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/", numbers.overview()::show, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/commitments", commitments.page()::list, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/commitments/new", commitments.page()::newForm, ADMIN, COORDINATOR);
                cfg.routes.post("/commitments", commitments.page()::create, ADMIN, COORDINATOR);
                cfg.routes.get("/commitments/{id}", commitments.page()::show, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.post("/commitments/{id}", commitments.page()::update, ADMIN, COORDINATOR);
                cfg.routes.post("/commitments/{id}/notes", commitments.page()::addNote, ADMIN, COORDINATOR);
                cfg.routes.get("/api/v1/commitments", commitments.api()::list, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.post("/api/v1/commitments", commitments.api()::create, ADMIN, COORDINATOR);
                cfg.routes.get("/review", review::list, ADMIN, COORDINATOR);
                cfg.routes.post("/review", review::reviewMany, ADMIN, COORDINATOR);
                cfg.routes.post("/review/{id}", review::review, ADMIN, COORDINATOR);
                cfg.routes.post("/review/{id}/redact", review::redact, ADMIN, COORDINATOR);
                cfg.routes.after("/review/{id}/redact", ops::afterRedaction);
                cfg.routes.get("/simulator", simulator.page()::show, ADMIN, COORDINATOR);
                cfg.routes.post("/simulator/ussd", simulator.page()::hop, ADMIN, COORDINATOR);
                cfg.routes.post("/simulator/ussd/end", simulator.page()::end, ADMIN, COORDINATOR);
                cfg.routes.get("/simulator/reports", simulator.page()::reports, ADMIN, COORDINATOR);
                cfg.routes.get("/admin", staff.admin()::show, ADMIN);
                cfg.routes.post("/admin/users", staff.admin()::addUser, ADMIN);
                cfg.routes.post("/admin/users/{username}/disable", staff.admin()::disable, ADMIN);

                // Radio campaigns and the studio screen (a viewer account is enough to show the tally).
                cfg.routes.post("/api/v1/campaigns", radio.api()::create, ADMIN, COORDINATOR);
                cfg.routes.get("/api/v1/campaigns/{id}", radio.api()::get, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/api/v1/campaigns/{id}/tally", radio.api()::tally, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/radio/{id}/live", radio.live()::page, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.sse("/radio/{id}/events", radio.live()::events, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/campaigns", radio.page()::list, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/campaigns/new", radio.page()::newForm, ADMIN, COORDINATOR);
                cfg.routes.post("/campaigns", radio.page()::create, ADMIN, COORDINATOR);
                cfg.routes.get("/campaigns/{id}", radio.page()::show, ADMIN, COORDINATOR, VIEWER);

                // SMS pages: the inbox (free text, audited), broadcasts to subscribers, figures (never numbers).
                cfg.routes.get("/sms/inbox", sms.inbox()::list, ADMIN, COORDINATOR);
                cfg.routes.post("/sms/inbox/{id}", sms.inbox()::handle, ADMIN, COORDINATOR);
                cfg.routes.get("/sms/subscribers", sms.figures()::subscribers, ADMIN, COORDINATOR);
                // National operational counts with no district: for admins (docs/disclosure.md).
                cfg.routes.get("/sms/delivery", sms.figures()::delivery, ADMIN);
                cfg.routes.get("/broadcasts", broadcast.page()::list, ADMIN, COORDINATOR);
                cfg.routes.post("/broadcasts/preview", broadcast.page()::preview, ADMIN, COORDINATOR);
                cfg.routes.post("/broadcasts", broadcast.page()::confirm, ADMIN, COORDINATOR);
                cfg.routes.get("/broadcasts/{id}", broadcast.page()::show, ADMIN, COORDINATOR);
                cfg.routes.get("/broadcasts/{id}/progress", broadcast.page()::progressJson, ADMIN, COORDINATOR);

                // Numbers: every aggregate that leaves the system goes through feedback/Suppression.
                cfg.routes.get("/api/v1/summary", numbers.summary()::summary, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/api/v1/stats", numbers.stats()::stats, ADMIN);
                cfg.routes.get("/brief", numbers.brief()::show, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/export/summary.csv", numbers.exports()::summary, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/export/reports.csv", numbers.exports()::reports, ADMIN, COORDINATOR);
                cfg.routes.get("/dropoff", numbers.dropoff()::show, ADMIN);

                // Operations.
                cfg.routes.get("/health", ops::health);
            });
            Optional<String> setupToken = staff.accounts().setupTokenIfNoUsers();
            return new App(config, secrets, database, server, ussd, sms, radio, numbers, ops, setupToken);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** How the server itself behaves: JSON, limits, client addresses, static files, error pages. */
    private static void serverSettings(JavalinConfig cfg, Config config, StaffFeature staff) {
        cfg.startup.showJavalinBanner = false;
        cfg.jsonMapper(new JavalinJackson(new ObjectMapper().findAndRegisterModules(), false));
        cfg.http.maxRequestSize = 64 * 1024;
        // Behind a reverse proxy the peer is the proxy: X-Forwarded-For only from IJWI_TRUSTED_PROXIES.
        cfg.contextResolver.ip = new ClientAddress(config.trustedProxies())::of;
        // A client that stalls mid-request is dropped after 10 s (AT itself gives up on us after 10 s).
        cfg.jetty.modifyHttpConfiguration(httpConfig -> httpConfig.setIdleTimeout(10_000));
        // Fewer request threads than connections: on a small machine forty threads only take turns.
        cfg.jetty.threadPool = HttpThreads.pool(config.tuning().httpThreads());
        cfg.staticFiles.add(staticFiles -> {
            staticFiles.hostedPath = "/static";
            staticFiles.directory = "/static";
            staticFiles.location = Location.CLASSPATH;
        });
        // Pages answer in the layout and the reader's language; the API and webhooks in plain text.
        cfg.routes.exception(HttpResponseException.class, staff.errors()::refused);
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), SafeErrors.describe(e));
            staff.errors().failed(ctx);
        });
    }

    public App start() {
        startServer();
        sms.startWorkers();
        radio.live().start();
        return this;
    }

    /** Serves HTTP without the SMS workers; tests that drive the inbound and outbox steps by hand use this. */
    public App startServer() {
        server.start(config.bind(), config.port());
        ops.metrics().start();
        sms.startIntake();
        ussd.commits().start();
        ussd.spans().start();
        ops.housekeeping().start();
        numbers.rollups().start();
        LOG.info("Ijwi is serving on port {} of {}", server.port(), config.bind());
        return this;
    }

    /** The port /metrics is served on (IJWI_METRICS_PORT; 0 picks a free one, for tests). */
    public int metricsPort() {
        return ops.metrics().port();
    }

    public SmsFeature sms() {
        return sms;
    }

    public RadioFeature radio() {
        return radio;
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
        sms.stopWorkers();
        radio.live().close();
        ops.housekeeping().close();
        numbers.rollups().close();
        server.stop();
        ops.scrubber().close();
        ops.metrics().close();
        sms.closeIntake(); // after the server: callbacks still in flight are committed and answered
        ussd.commits().close();
        ussd.spans().close();
        database.close();
    }
}
