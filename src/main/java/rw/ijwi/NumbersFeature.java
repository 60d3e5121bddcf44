package rw.ijwi;

import java.time.Clock;
import java.util.function.IntSupplier;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.config.Config;
import rw.ijwi.dashboard.BriefPage;
import rw.ijwi.dashboard.DropoffPage;
import rw.ijwi.dashboard.Exports;
import rw.ijwi.dashboard.OverviewPage;
import rw.ijwi.dashboard.StatsApi;
import rw.ijwi.dashboard.SummaryApi;
import rw.ijwi.disclosure.Publisher;
import rw.ijwi.disclosure.ReleaseDao;
import rw.ijwi.disclosure.Releases;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.RollupFolder;
import rw.ijwi.geo.Geography;
import rw.ijwi.sms.pages.FiguresDao;
import rw.ijwi.web.Templates;

/**
 * The numbers: aggregates folded from reports, monthly releases (docs/disclosure.md) and every page, export and API
 * that shows them. Anything a non-exact reader sees goes through the Publisher, which suppresses small counts.
 */
record NumbersFeature(Releases releases, RollupFolder rollups, OverviewPage overview, BriefPage brief,
        Exports exports, DropoffPage dropoff, SummaryApi summary, StatsApi stats) {

    static NumbersFeature assemble(Config config, Clock clock, AggregateDao aggregateDao, ReleaseDao releaseDao,
            CommitmentDao commitments, FiguresDao smsFigures, IntSupplier spooled, Geography geography,
            AuditLog audit, Templates templates) {
        Aggregates aggregates = new Aggregates(aggregateDao, geography);
        Releases releases = new Releases(aggregates, releaseDao, config.suppressBelow(), clock);
        Publisher publisher = new Publisher(aggregates, releases);
        return new NumbersFeature(releases,
                new RollupFolder(aggregateDao, config.tuning().rollupEvery()),
                new OverviewPage(publisher, templates, clock),
                new BriefPage(publisher, aggregateDao, commitments, audit, templates, clock),
                new Exports(publisher, aggregateDao, audit, clock),
                new DropoffPage(aggregateDao, templates, clock),
                new SummaryApi(publisher, clock),
                new StatsApi(aggregateDao, smsFigures, spooled));
    }
}
