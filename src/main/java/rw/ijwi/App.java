package rw.ijwi;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;

import rw.ijwi.africastalking.AtUssdWebhook;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.db.Database;
import rw.ijwi.feedback.ReportDao;
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
import rw.ijwi.web.WebhookToken;

/** Builds Ijwi from its configuration with plain constructor calls, in order; the server it returns is not started. */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Secrets secrets;
    private final Database database;
    private final Javalin server;

    private App(Config config, Secrets secrets, Database database, Javalin server) {
        this.config = config;
        this.secrets = secrets;
        this.database = database;
        this.server = server;
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

                // Operations.
                cfg.routes.get("/health", ctx -> {
                    boolean up = database.isUp();
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "degraded",
                            "database", up ? "up" : "down"));
                });
            });
            return new App(config, secrets, database, server);
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

    /** The callback URLs to paste into Africa's Talking, with the token. */
    public String callbackUrls() {
        String base = config.publicUrl().map(Object::toString).orElse("http://localhost:" + port());
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
