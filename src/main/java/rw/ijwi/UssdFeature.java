package rw.ijwi;

import io.micrometer.core.instrument.MeterRegistry;

import rw.ijwi.africastalking.AtUssdWebhook;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.config.Config;
import rw.ijwi.config.MenuSource;
import rw.ijwi.feedback.ReportDao;
import rw.ijwi.geo.Geography;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.ussd.Engine;
import rw.ijwi.ussd.FilingCheck;
import rw.ijwi.ussd.Menus;
import rw.ijwi.ussd.Renderer;
import rw.ijwi.ussd.UssdActions;
import rw.ijwi.ussd.UssdDao;
import rw.ijwi.ussd.UssdService;

/** USSD: the menus (checked at start-up), the pure engine, the session service and AT's webhook in front of it. */
record UssdFeature(AtUssdWebhook webhook, UssdDao dao) {

    static UssdFeature assemble(Config config, Geography geography, CommitmentDao commitments, ReportDao reports,
            UssdDao dao, FilingCheck filing, PhoneHasher hasher, MeterRegistry registry) {
        Menus.Loaded menus = Menus.load(MenuSource.of(config), geography, commitments::inDistrict,
                config.ussdMaxChars());
        Renderer renderer = new Renderer(menus.menu(), menus.lists(), config.ussdMaxChars());
        Engine engine = new Engine(menus.menu(), menus.lists(), renderer);
        UssdService service = new UssdService(engine, renderer, dao, new UssdActions(reports, geography, filing),
                hasher, registry);
        return new UssdFeature(new AtUssdWebhook(service), dao);
    }
}
