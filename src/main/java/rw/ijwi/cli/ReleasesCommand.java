package rw.ijwi.cli;

import java.time.Clock;
import java.time.YearMonth;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.db.Database;
import rw.ijwi.disclosure.ReleaseDao;
import rw.ijwi.disclosure.Releases;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Aggregates;
import rw.ijwi.geo.Geography;

/**
 * `releases`: issues every closed month (a day after it ended) that has no release yet (what the server's hourly job does), then
 * lists each month's release with what its audit did. Releases are never recomputed: this only adds missing ones.
 */
@CommandLine.Command(name = "releases",
        description = "Issue the monthly releases that are due, then list every release and its audit.")
public final class ReleasesCommand implements Runnable {

    private final Supplier<Config> config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ReleasesCommand(Supplier<Config> config) {
        this.config = config;
    }

    @Override
    public void run() {
        Config settings = config.get();
        try (Database database = Database.openMigrated(settings)) {
            Aggregates aggregates = new Aggregates(database.jdbi().onDemand(AggregateDao.class),
                    Geography.load(database.jdbi()));
            Releases releases = new Releases(aggregates, database.jdbi().onDemand(ReleaseDao.class),
                    settings.suppressBelow(), Clock.systemUTC());
            var out = spec.commandLine().getOut();
            out.println("month    new  figures  small  complements  readers  programs  ms");
            YearMonth last = rw.ijwi.disclosure.Grid.lastClosed(releases.today());
            for (YearMonth m = releases.firstMonth(); !m.isAfter(last); m = m.plusMonths(1)) {
                boolean issued = releases.issued(m).isPresent();
                Releases.Stored r = releases.month(m);
                out.printf("%s  %-3s  %7d  %5d  %11d  %7d  %8d  %d%n", m, issued ? "" : "yes", r.cells(),
                        r.primaries(), r.complements(), r.views(), r.programs(), r.millis());
            }
        }
    }
}
