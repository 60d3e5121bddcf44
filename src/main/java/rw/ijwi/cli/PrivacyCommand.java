package rw.ijwi.cli;

import java.time.LocalDate;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.Config;
import rw.ijwi.db.Database;
import rw.ijwi.privacy.ProcessingRecord;
import rw.ijwi.privacy.RetentionDao;

/** Data-protection duties: the record of processing, and the retention purge on demand. */
@CommandLine.Command(name = "privacy", description = "Data protection: record of processing, retention purge.",
        subcommands = {PrivacyCommand.Record.class, PrivacyCommand.Purge.class})
public final class PrivacyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: privacy record | purge");
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
            try (Database database = Database.open(settings, 2)) {
                database.migrate();
                spec.commandLine().getOut().print(new ProcessingRecord(database.jdbi(), settings)
                        .markdown(LocalDate.now(ExportCommand.RWANDA)));
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
            try (Database database = Database.open(settings, 2)) {
                database.migrate();
                RetentionDao.Purged purged = database.jdbi().onDemand(RetentionDao.class).purge(settings.retentionDays());
                spec.commandLine().getOut().println("purged past " + settings.retentionDays() + " days: " + purged);
            }
        }
    }
}
