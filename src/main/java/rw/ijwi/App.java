package rw.ijwi;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;

import static rw.ijwi.auth.Role.ADMIN;
import static rw.ijwi.auth.Role.COORDINATOR;
import static rw.ijwi.auth.Role.VIEWER;

import rw.ijwi.africastalking.AtUssdWebhook;
import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.Accounts;
import rw.ijwi.auth.LoginThrottle;
import rw.ijwi.dashboard.BriefPage;
import rw.ijwi.dashboard.DropoffPage;
import rw.ijwi.dashboard.Exports;
import rw.ijwi.dashboard.LoginPage;
import rw.ijwi.dashboard.OverviewPage;
import rw.ijwi.dashboard.StatsApi;
import rw.ijwi.dashboard.SummaryApi;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.db.Database;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.Publisher;
import rw.ijwi.feedback.ReportDao;
import rw.ijwi.feedback.Suppression;
import rw.ijwi.geo.Geography;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.security.Secrets;
import rw.ijwi.ussd.Engine;
import rw.ijwi.ussd.MenuSource;
import rw.ijwi.ussd.Menus;
import rw.ijwi.ussd.Renderer;
import rw.ijwi.ussd.UssdActions;
import rw.ijwi.ussd.UssdDao;
import rw.ijwi.ussd.UssdService;
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

    private final Optional<String> setupToken;

    private App(Config config, Secrets secrets, Database database, Javalin server, Optional<String> setupToken) {
        this.config = config;
        this.secrets = secrets;
        this.database = database;
        this.server = server;
        this.setupToken = setupToken;
    }

    public static App build(Config config) {
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
            UssdService ussd = new UssdService(engine, renderer, jdbi.onDemand(UssdDao.class),
                    new UssdActions(reports, geography), new PhoneHasher(secrets.secretKey()));
            AtUssdWebhook atUssd = new AtUssdWebhook(ussd);
            WebhookToken token = new WebhookToken(secrets.webhookToken());

            Accounts accounts = new Accounts(jdbi);
            AuditLog audit = jdbi.onDemand(AuditLog.class);
            Templates templates = new Templates(Messages.load());
            boolean secureCookies = config.publicUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
            LoginPage login = new LoginPage(accounts, new LoginThrottle(), audit, templates, secureCookies);
            Clock clock = Clock.systemUTC();
            AggregateDao aggregateDao = jdbi.onDemand(AggregateDao.class);
            Aggregates aggregates = new Aggregates(aggregateDao, geography);
            Suppression suppression = new Suppression(config.suppressBelow());
            Publisher publisher = new Publisher(aggregates, suppression);
            SummaryApi summaryApi = new SummaryApi(publisher, clock);
            StatsApi statsApi = new StatsApi(aggregateDao);
            OverviewPage overview = new OverviewPage(publisher, templates, clock);
            BriefPage brief = new BriefPage(publisher, aggregateDao, commitments, audit, templates, clock);
            Exports exports = new Exports(publisher, aggregateDao, audit, clock);
            DropoffPage dropoff = new DropoffPage(aggregateDao, templates, clock);
            Gate gate = new Gate(accounts);

            Javalin server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jsonMapper(new io.javalin.json.JavalinJackson(new com.fasterxml.jackson.databind.ObjectMapper()
                        .findAndRegisterModules(), false));
                cfg.http.maxRequestSize = 64 * 1024;
                cfg.staticFiles.add(staticFiles -> {
                    staticFiles.hostedPath = "/static";
                    staticFiles.directory = "/static";
                    staticFiles.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                });
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

                // Staff: every route names the roles that may use it; the gate enforces them (and CSRF).
                cfg.routes.before(new SecurityHeaders());
                cfg.routes.beforeMatched(gate);
                cfg.routes.get("/login", login::form);
                cfg.routes.post("/login", login::submit);
                cfg.routes.get("/setup", login::setupForm);
                cfg.routes.post("/setup", login::setupSubmit);
                cfg.routes.post("/logout", login::logout, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/", overview::show, ADMIN, COORDINATOR, VIEWER);

                // Numbers: every aggregate that leaves the system goes through feedback/Suppression.
                cfg.routes.get("/api/v1/summary", summaryApi::summary, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/api/v1/stats", statsApi::stats, ADMIN);
                cfg.routes.get("/brief", brief::show, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/export/summary.csv", exports::summary, ADMIN, COORDINATOR, VIEWER);
                cfg.routes.get("/export/reports.csv", exports::reports, ADMIN, COORDINATOR);
                cfg.routes.get("/dropoff", dropoff::show, ADMIN, COORDINATOR);

                // Operations.
                cfg.routes.get("/health", ctx -> {
                    boolean up = database.isUp();
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "degraded",
                            "database", up ? "up" : "down"));
                });
            });
            Optional<String> setupToken = accounts.setupTokenIfNoUsers();
            return new App(config, secrets, database, server, setupToken);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static MenuSource menuSource(Config config) {
        return config.menusDir().map(MenuSource::directory).orElseGet(MenuSource::classpath);
    }

    public App start() {
        server.start(config.port());
        LOG.info("Ijwi is serving on port {}", server.port());
        return this;
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
        String base = baseUrl();
        String query = "?token=" + secrets.webhookToken();
        return String.join("\n",
                "  USSD session callback:        " + base + "/at/ussd" + query,
                "  USSD end-of-session events:   " + base + "/at/ussd/events" + query);
    }

    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
