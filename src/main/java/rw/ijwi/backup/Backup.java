package rw.ijwi.backup;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * An online backup with nothing but the JDK and the driver: every table copied out (binary COPY) inside one
 * REPEATABLE READ READ ONLY transaction, so the file is one consistent moment while the server keeps taking
 * reports; compressed, sealed with the operator's backup key, written to FILE.tmp (mode 600), fsynced and only
 * then renamed to FILE. Streams: memory does not grow with the number of rows.
 *
 * <pre>
 * plain = format (int) | header JSON | per table: (length (int) | COPY bytes)* | 0 | rows (long) | SHA-256 (32)
 *         | sequences: count (int) | (name (UTF) | last value (long) | is_called (boolean))* | manifest JSON
 * </pre>
 * where JSON is length (int) | UTF-8 bytes.
 */
public final class Backup {

    static final int FORMAT = 1;
    static final ObjectMapper JSON = new ObjectMapper();

    /** The first part of a backup: what restore needs before it loads a row. */
    record Header(String schemaVersion, String takenAt, String secretKey, String webhookToken,
            List<Snapshot.Table> tables) {
    }

    private Backup() {
    }

    /** Writes a consistent backup of the database to the file and returns its manifest. */
    public static Manifest write(DataSource dataSource, byte[] secretKey, String webhookToken, BackupKey key,
            Path file, Clock clock) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Manifest manifest;
            try (FileChannel channel = FileChannel.open(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")))) {
                OutputStream synced = new FilterOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel),
                        1 << 20)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                        channel.force(true);
                    }
                };
                Deflater deflater = new Deflater(Deflater.BEST_SPEED);
                try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(
                        Sealed.seal(synced, key.bytes()), deflater, 1 << 16))) {
                    manifest = copy(dataSource, secretKey, webhookToken, out, clock);
                } finally {
                    deflater.end();
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Path dir = file.toAbsolutePath().getParent();
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
            return manifest;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static Manifest copy(DataSource dataSource, byte[] secretKey, String webhookToken, DataOutputStream out,
            Clock clock) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                // The first query takes the snapshot: every table below is read as of this moment.
                String version = Snapshot.schemaVersion(c).orElseThrow(() -> new BackupError(
                        "the database has no Ijwi schema (no " + Snapshot.HISTORY + "): nothing to back up"));
                List<Snapshot.Table> tables = Snapshot.tables(c);
                String takenAt = clock.instant().toString();
                out.writeInt(FORMAT);
                writeJson(out, new Header(version, takenAt,
                        java.util.Base64.getEncoder().encodeToString(secretKey), webhookToken, tables));
                PGConnection pg = c.unwrap(PGConnection.class);
                List<Manifest.TableCount> counts = new ArrayList<>();
                for (Snapshot.Table table : tables) {
                    MessageDigest digest = sha256();
                    CopyOut copy = pg.getCopyAPI().copyOut("COPY " + table.copyTarget()
                            + " TO STDOUT (FORMAT binary)");
                    byte[] chunk;
                    while ((chunk = copy.readFromCopy()) != null) {
                        digest.update(chunk);
                        out.writeInt(chunk.length);
                        out.write(chunk);
                    }
                    out.writeInt(0);
                    long rows = copy.getHandledRowCount();
                    byte[] sum = digest.digest();
                    out.writeLong(rows);
                    out.write(sum);
                    counts.add(new Manifest.TableCount(table.name(), rows, HexFormat.of().formatHex(sum)));
                }
                Map<String, long[]> sequences = Snapshot.sequences(c);
                out.writeInt(sequences.size());
                for (Map.Entry<String, long[]> sequence : sequences.entrySet()) {
                    out.writeUTF(sequence.getKey());
                    out.writeLong(sequence.getValue()[0]);
                    out.writeBoolean(sequence.getValue()[1] == 1);
                }
                Manifest manifest = new Manifest(version, takenAt, counts);
                writeJson(out, manifest);
                return manifest;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new BackupError("the database refused the backup: " + rw.ijwi.config.SafeErrors.describe(e));
        }
    }

    static void writeJson(DataOutputStream out, Object value) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(value);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the error being reported matters more
        }
    }
}
