package rw.ijwi.cli;

import java.time.LocalDate;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.db.Database;
import rw.ijwi.geo.Rwanda;
import rw.ijwi.privacy.ProcessingRecord;
import rw.ijwi.privacy.KeyRotation;
import rw.ijwi.privacy.RetentionDao;
import rw.ijwi.privacy.Scrubber;
import rw.ijwi.security.Secrets;
import rw.ijwi.sms.inbound.Spool;

/** Data-protection duties: the record of processing, and the retention purge on demand. */
@CommandLine.Command(name = "privacy", description = "Data protection: record of processing, retention purge.",
        subcommands = {PrivacyCommand.Record.class, PrivacyCommand.Purge.class, PrivacyCommand.RotateKey.class})
public final class PrivacyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: privacy record | purge | rotate-key");
    }

    @CommandLine.Command(name = "record", description = "Print the record of processing activities (Markdown).")
    public static final class Record implements Runnable {
        private final Supplier<Config> config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        public Record(Supplier<Config> config) {
            this.config = config;
        }

        @Override
        public void run() {
            Config settings = config.get();
            try (Database database = Database.openMigrated(settings)) {
                spec.commandLine().getOut().print(new ProcessingRecord(database.jdbi(), settings)
                        .markdown(LocalDate.now(Rwanda.ZONE)));
            }
        }
    }

    @CommandLine.Command(name = "purge", description = "Purge free text and encrypted numbers past IJWI_RETENTION_DAYS now.")
    public static final class Purge implements Runnable {
        private final Supplier<Config> config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        public Purge(Supplier<Config> config) {
            this.config = config;
        }

        @Override
        public void run() {
            Config settings = config.get();
            try (Database database = Database.openMigrated(settings)) {
                RetentionDao.Purged purged;
                try (Scrubber scrubber = new Scrubber(database.jdbi())) {
                    purged = scrubber.purge(settings.retentionDays());
                }
                spec.commandLine().getOut().println("purged past " + settings.retentionDays() + " days: " + purged);
            }
        }
    }

    @CommandLine.Command(name = "rotate-key", description = "Move stored numbers and hashes to a new secret key "
            + "(base64, read from standard input). Stop every Ijwi server first.")
    public static final class RotateKey implements Runnable {
        private final Supplier<Config> config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        public RotateKey(Supplier<Config> config) {
            this.config = config;
        }

        @Override
        public void run() {
            Config settings = config.get();
            String line = readLine();
            if (line == null || line.isBlank()) {
                throw new CliError("privacy rotate-key: give the new key on standard input, e.g. "
                        + "head -c 32 /dev/urandom | base64 | java -jar ijwi.jar privacy rotate-key");
            }
            byte[] newKey;
            try {
                newKey = Secrets.decodeKey(line.strip());
            } catch (Config.BadSetting e) {
                throw new CliError("privacy rotate-key: the new key on standard input: "
                        + e.getMessage().replace("IJWI_SECRET_KEY=(hidden): ", ""));
            }
            Secrets current = Secrets.load(settings);
            if (java.util.Arrays.equals(current.secretKey(), newKey)) {
                throw new CliError("privacy rotate-key: the new key is the current key");
            }
            Spool spool = Spool.open(settings.spoolDir(), Long.MAX_VALUE, current.secretKey());
            if (spool.size() > 0) {
                throw new CliError("privacy rotate-key: " + spool.size() + " SMS callbacks still wait in the "
                        + "spool; start Ijwi with the database reachable so it replays them, then rotate");
            }
            KeyRotation.Result result;
            try (Database database = Database.openMigrated(settings)) {
                result = new KeyRotation(database.jdbi()).rotate(current.secretKey(), newKey);
            }
            var out = spec.commandLine().getOut();
            out.println("re-encrypted " + result.numbersReencrypted() + " numbers, recomputed "
                    + result.hashesRecomputed() + " hashes; " + result.hashesLeftUnlinkable()
                    + " hashes had no stored number and now match no phone");
            if (settings.secretKey().isPresent()) {
                out.println("now set IJWI_SECRET_KEY to the new key on every instance before starting Ijwi");
            } else {
                Secrets.replaceKeyFile(settings, newKey);
                out.println("the new key replaced " + settings.dataDir().resolve("secret.key") + "; back it up");
            }
        }

        private static String readLine() {
            try {
                return new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8)).readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
