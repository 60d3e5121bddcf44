package rw.ijwi.cli;

import picocli.CommandLine;

import rw.ijwi.Config;
import rw.ijwi.db.Database;

/** Applies the database migrations and exits. */
@CommandLine.Command(name = "migrate", description = "Apply database migrations, then exit.")
public final class MigrateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        try (Database database = Database.open(Config.fromEnvironment(), 2)) {
            database.migrate();
        }
        spec.commandLine().getOut().println("migrations applied");
    }
}
