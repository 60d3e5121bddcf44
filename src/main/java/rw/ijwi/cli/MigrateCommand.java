package rw.ijwi.cli;

import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.db.Database;

/** Applies the database migrations and exits. */
@CommandLine.Command(name = "migrate", description = "Apply database migrations, then exit.")
public final class MigrateCommand implements Runnable {

    private final Supplier<Config> config;

    public MigrateCommand(Supplier<Config> config) {
        this.config = config;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Database.openMigrated(config.get()).close();
        spec.commandLine().getOut().println("migrations applied");
    }
}
