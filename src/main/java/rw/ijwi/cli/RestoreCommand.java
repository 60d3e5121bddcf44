package rw.ijwi.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.backup.BackupError;
import rw.ijwi.backup.Manifest;
import rw.ijwi.backup.Restore;
import rw.ijwi.db.Database;
import rw.ijwi.security.Secrets;

/**
 * `restore FILE`: into a new data dir (embedded) or an empty database (IJWI_DATABASE_URL), never over data. The
 * schema is migrated to the backup's version, every table loaded in one transaction, and the backup's secret key
 * and webhook token written into the data dir, so stored hashes keep matching and AT's callback URLs keep working.
 */
@CommandLine.Command(name = "restore", description = "Restore a backup into a new data dir or an empty database.")
public final class RestoreCommand implements Runnable {

    private final Supplier<Config> config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "FILE")
    Path file;

    @CommandLine.Mixin
    BackupKeyOption backupKey;

    public RestoreCommand(Supplier<Config> config) {
        this.config = config;
    }

    @Override
    public void run() {
        Config settings = config.get();
        long started = System.nanoTime();
        try (Restore restore = Restore.open(file, backupKey.read(settings.dataDir(), null))) {
            MigrationVersion known = Database.latestMigration();
            if (MigrationVersion.fromVersion(restore.schemaVersion()).compareTo(known) > 0) {
                throw new CliError("restore: " + file + " was made by a newer Ijwi (schema version "
                        + restore.schemaVersion() + "; this one knows up to " + known.getVersion()
                        + "): restore it with that version or a later one");
            }
            byte[] key = restore.secretKey();
            settings.secretKey().ifPresent(set -> {
                if (!MessageDigest.isEqual(Secrets.decodeKey(set), key)) {
                    throw new CliError("restore: IJWI_SECRET_KEY differs from the key " + file + " was made with; "
                            + "unset it (the backup's key is written to the data dir) or set it to that key");
                }
            });
            Path keyFileInDir = settings.dataDir().resolve("secret.key");
            Optional<String> kept = read(keyFileInDir);
            if (kept.isPresent() && !MessageDigest.isEqual(Secrets.decodeKey(kept.get()), key)) {
                throw new CliError("restore: " + keyFileInDir + " holds another key than the one " + file
                        + " was made with; restore into a new data dir");
            }
            if (settings.databaseUrl().isEmpty() && nonEmpty(settings.dataDir())) {
                throw new CliError("restore: IJWI_DATA_DIR=" + settings.dataDir() + ": not empty; restore needs a new, "
                        + "empty data dir");
            }
            Manifest manifest;
            try (Database database = Database.open(settings, 2)) {
                settings.databaseUrl().ifPresent(url -> refuseNonEmpty(database, url));
                database.migrateTo(restore.schemaVersion());
                manifest = restore.loadInto(database.dataSource());
            }
            if (settings.secretKey().isEmpty() && kept.isEmpty()) {
                write(keyFileInDir, Base64.getEncoder().encodeToString(key));
            }
            Path tokenFile = settings.dataDir().resolve("webhook.token");
            if (settings.webhookToken().isEmpty() && restore.webhookToken() != null && !Files.exists(tokenFile)) {
                write(tokenFile, restore.webhookToken());
            }
            spec.commandLine().getOut().printf("restored %s (taken at %s): %d tables, %,d rows, schema version %s, "
                    + "in %.1f s%n", file, manifest.takenAt(), manifest.tables().size(), manifest.rows(),
                    manifest.schemaVersion(), (System.nanoTime() - started) / 1e9);
        } catch (BackupError e) {
            throw new CliError("restore: " + e.getMessage());
        }
    }

    private static void refuseNonEmpty(Database database, String url) {
        try (var c = database.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                ORDER BY c.relname = 'flyway_schema_history', c.relname LIMIT 1""")) {
            if (rs.next()) {
                throw new CliError("restore: IJWI_DATABASE_URL=" + url.replaceAll("\\?.*", "") + ": the database is "
                        + "not empty (it has " + rs.getString(1) + "); restore needs an empty database");
            }
        } catch (SQLException e) {
            throw new CliError("restore: IJWI_DATABASE_URL=" + url.replaceAll("\\?.*", "") + ": "
                    + rw.ijwi.config.SafeErrors.describe(e));
        }
    }

    private static boolean nonEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim())
                    .filter(v -> !v.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String value) {
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, value + "\n", StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
