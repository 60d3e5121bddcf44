package rw.ijwi.cli;

import java.time.OffsetDateTime;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.db.Database;
import rw.ijwi.feedback.ReportSeeder;
import rw.ijwi.geo.Geography;
import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;
import rw.ijwi.security.Secrets;
import rw.ijwi.sms.SubscriberSeeder;

/**
 * `seed reports --count N [--seed S]` and `seed subscribers --district D --count N [--from F]`: made-up data
 * for demos and measurements. Never on real data.
 */
@CommandLine.Command(name = "seed", description = "Insert made-up data for demos and measurements.",
        subcommands = {SeedCommand.Reports.class, SeedCommand.Subscribers.class})
public final class SeedCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to seed: seed reports, seed subscribers");
    }

    @CommandLine.Command(name = "reports", description = "Insert N realistic made-up reports over the last 52 weeks.")
    public static final class Reports implements Runnable {

        private final Supplier<Config> config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--count", required = true, paramLabel = "N")
        int count;

        @CommandLine.Option(names = "--seed", paramLabel = "S", description = "Random seed (default 1).")
        long seed = 1;

        public Reports(Supplier<Config> config) {
            this.config = config;
        }

        @Override
        public void run() {
            if (count < 1 || count > 5_000_000) {
                throw new CliError("seed reports: --count " + count + " must be from 1 to 5000000");
            }
            try (Database database = Database.openMigrated(config.get())) {
                long started = System.nanoTime();
                long stored = new ReportSeeder(database.jdbi(), Geography.load(database.jdbi()))
                        .seed(count, seed, OffsetDateTime.now());
                double seconds = (System.nanoTime() - started) / 1e9;
                spec.commandLine().getOut().printf("seeded %d reports in %.1f s (%.0f per second)%n", stored, seconds,
                        stored / seconds);
            }
        }
    }

    @CommandLine.Command(name = "subscribers",
            description = "Insert N made-up JOIN subscribers of one district (numbers +25078FFFFFFF upwards).")
    public static final class Subscribers implements Runnable {

        private final Supplier<Config> config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--district", required = true, paramLabel = "D")
        String district;

        @CommandLine.Option(names = "--count", required = true, paramLabel = "N")
        int count;

        @CommandLine.Option(names = "--from", paramLabel = "F", description = "First of the seven final digits "
                + "(default 0); seed again from another F to add different numbers.")
        int from;

        public Subscribers(Supplier<Config> config) {
            this.config = config;
        }

        @Override
        public void run() {
            if (count < 1 || count > 5_000_000) {
                throw new CliError("seed subscribers: --count " + count + " must be from 1 to 5000000");
            }
            if (from < 0 || (long) from + count > 10_000_000) {
                throw new CliError("seed subscribers: --from " + from + " plus --count " + count
                        + " must stay within 10000000");
            }
            Config settings = config.get();
            try (Database database = Database.openMigrated(settings)) {
                Geography.District found = Geography.load(database.jdbi()).district(district)
                        .orElseThrow(() -> new CliError("seed subscribers: no district named " + district));
                byte[] key = Secrets.load(settings).secretKey();
                long started = System.nanoTime();
                long stored = new SubscriberSeeder(database.jdbi(), new PhoneHasher(key), new PhoneCipher(key))
                        .seed(found.id(), count, from, OffsetDateTime.now());
                double seconds = (System.nanoTime() - started) / 1e9;
                spec.commandLine().getOut().printf("seeded %d subscribers of %s in %.1f s (%.0f per second)%n",
                        stored, found.name(), seconds, stored / seconds);
            }
        }
    }
}
