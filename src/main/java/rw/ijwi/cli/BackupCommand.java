package rw.ijwi.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.backup.Backup;
import rw.ijwi.backup.BackupError;
import rw.ijwi.backup.BackupKey;
import rw.ijwi.backup.Manifest;
import rw.ijwi.db.Database;
import rw.ijwi.security.Secrets;

/** `backup FILE`: a consistent, encrypted online backup of the embedded or external database (see Backup). */
@CommandLine.Command(name = "backup", description = "Write an encrypted, consistent backup of the database to FILE "
        + "(mode 600), while the server keeps running.")
public final class BackupCommand implements Runnable {

    private final Supplier<Config> config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "FILE")
    Path file;

    @CommandLine.Mixin
    BackupKeyOption backupKey;

    public BackupCommand(Supplier<Config> config) {
        this.config = config;
    }

    @Override
    public void run() {
        Config settings = config.get();
        long started = System.nanoTime();
        try {
            Secrets secrets = Secrets.load(settings);
            BackupKey key = backupKey.read(settings.dataDir(), secrets.secretKey());
            Manifest manifest;
            try (Database database = Database.open(settings, 2)) {
                manifest = Backup.write(database.dataSource(), secrets.secretKey(), secrets.webhookToken(), key,
                        file, Clock.systemUTC());
            }
            spec.commandLine().getOut().printf("backup written to %s: %d tables, %,d rows, schema version %s, "
                    + "taken at %s, in %.1f s%n", file, manifest.tables().size(), manifest.rows(),
                    manifest.schemaVersion(), manifest.takenAt(), (System.nanoTime() - started) / 1e9);
        } catch (BackupError e) {
            throw new CliError("backup: " + e.getMessage());
        }
    }
}
