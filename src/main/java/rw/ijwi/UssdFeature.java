package rw.ijwi;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import rw.ijwi.africastalking.AtUssdWebhook;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.config.Config;
import rw.ijwi.config.MenuSource;
import rw.ijwi.feedback.ReportCommits;
import rw.ijwi.feedback.ReportDao;
import rw.ijwi.geo.Geography;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.ussd.Engine;
import rw.ijwi.ussd.FilingCheck;
import rw.ijwi.ussd.Languages;
import rw.ijwi.ussd.Menus;
import rw.ijwi.ussd.Renderer;
import rw.ijwi.ussd.UssdActions;
import rw.ijwi.ussd.FreeTextSpans;
import rw.ijwi.ussd.UssdDao;
import rw.ijwi.ussd.UssdService;

/**
 * USSD: the menus (checked at start-up), the pure engine, the session service and AT's webhook in front of it.
 * Reports filed at one moment share a commit (commits): one fsync for the END hops waiting together.
 */
record UssdFeature(AtUssdWebhook webhook, UssdDao dao, ReportCommits commits, FreeTextSpans spans) {

    /** database: the plain-JDBC pool the two hot statements (language, the reports' group commit) use. */
    static UssdFeature assemble(Config config, Geography geography, CommitmentDao commitments, ReportDao reports,
            UssdDao dao, DataSource database, FilingCheck filing, PhoneHasher hasher, MeterRegistry registry) {
        Menus.Loaded menus = Menus.load(MenuSource.of(config), geography, commitments::inDistrict,
                config.ussdMaxChars());
        Renderer renderer = new Renderer(menus.menu(), menus.lists(), config.ussdMaxChars());
        Engine engine = new Engine(menus.menu(), menus.lists(), renderer);
        ReportCommits commits = new ReportCommits(database, reports, 200, registry);
        FreeTextSpans spans = new FreeTextSpans(database, registry);
        UssdService service = new UssdService(engine, dao, spans, new Languages(database, 200_000),
                new UssdActions(reports, geography, filing, commits::file), hasher, registry);
        return new UssdFeature(new AtUssdWebhook(service), dao, commits, spans);
    }
}
