package rw.ijwi.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.InflaterInputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Reads a backup written by {@link Backup}: first its header (schema version, secrets, tables), so the caller can
 * refuse before touching anything, then loads every table into an empty, freshly migrated database in ONE
 * transaction, sets the sequences and checks each table's row count against the backup's. A damaged or
 * cut-short file, or a count that differs, rolls everything back.
 */
public final class Restore implements AutoCloseable {

    private final Path file;
    private final DataInputStream in;
    private final Backup.Header header;

    private Restore(Path file, DataInputStream in, Backup.Header header) {
        this.file = file;
        this.in = in;
        this.header = header;
    }

    /** Opens the backup and reads its header; a wrong key or a file that is not a backup is refused here. */
    public static Restore open(Path file, BackupKey key) {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
        } catch (NoSuchFileException e) {
            throw new BackupError(file + ": no such file");
        } catch (IOException e) {
            throw new BackupError(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        try {
            DataInputStream in = new DataInputStream(new InflaterInputStream(Sealed.open(raw, key.bytes()),
                    new java.util.zip.Inflater(), 1 << 16));
            int format = in.readInt();
            if (format != Backup.FORMAT) {
                throw new BackupError(file + ": backup format " + format + ", this Ijwi reads format " + Backup.FORMAT);
            }
            return new Restore(file, in, Backup.JSON.readValue(readJson(in), Backup.Header.class));
        } catch (Sealed.Unreadable e) {
            close(raw);
            throw new BackupError(file + ": " + e.getMessage()
                    + (e.getMessage().contains("key") ? " (check " + BackupKey.SETTING + ")" : ""));
        } catch (IOException e) {
            close(raw);
            throw new BackupError(file + ": cannot read its header (" + e.getClass().getSimpleName() + ")");
        }
    }

    public String schemaVersion() {
        return header.schemaVersion();
    }

    public String takenAt() {
        return header.takenAt();
    }

    public byte[] secretKey() {
        return java.util.Base64.getDecoder().decode(header.secretKey());
    }

    public String webhookToken() {
        return header.webhookToken();
    }

    /**
     * Loads every table into the database, which must hold the schema at the backup's version and nothing else
     * the backup does not replace: the migrations' own rows (geography) are truncated first.
     */
    public Manifest loadInto(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Manifest manifest = load(c);
                c.commit();
                return manifest;
            } catch (RuntimeException | IOException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (Sealed.Unreadable e) {
            throw new BackupError(file + ": " + e.getMessage() + "; nothing was restored");
        } catch (IOException e) {
            throw new BackupError(file + ": cannot read it (" + e.getClass().getSimpleName() + "); nothing was restored");
        } catch (SQLException e) {
            throw new BackupError("the database refused the restore: " + rw.ijwi.config.SafeErrors.describe(e)
                    + "; nothing was restored");
        }
    }

    private Manifest load(Connection c) throws IOException, SQLException {
        List<Snapshot.Table> tables = header.tables();
        var statement = c.createStatement();
        List<String> names = tables.stream().map(t -> Snapshot.quote(t.name())).toList();
        // Triggers (the report roll-up's) would count the loaded rows a second time: their tables are restored too.
        for (String name : names) {
            statement.execute("ALTER TABLE " + name + " DISABLE TRIGGER USER");
        }
        statement.execute("TRUNCATE " + String.join(", ", names));
        PGConnection pg = c.unwrap(PGConnection.class);
        List<Manifest.TableCount> counts = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        for (Snapshot.Table table : tables) {
            MessageDigest digest = Backup.sha256();
            CopyIn copy = pg.getCopyAPI().copyIn("COPY " + table.copyTarget() + " FROM STDIN (FORMAT binary)");
            try {
                int length;
                while ((length = in.readInt()) > 0) {
                    if (length > buffer.length) {
                        buffer = new byte[Math.max(length, buffer.length * 2)];
                    }
                    in.readFully(buffer, 0, length);
                    digest.update(buffer, 0, length);
                    copy.writeToCopy(buffer, 0, length);
                }
                long loaded = copy.endCopy();
                long rows = in.readLong();
                byte[] sum = new byte[32];
                in.readFully(sum);
                if (!MessageDigest.isEqual(sum, digest.digest())) {
                    throw new BackupError(file + ": table " + table.name() + " is damaged; nothing was restored");
                }
                if (loaded != rows || count(c, table.name()) != rows) {
                    throw new BackupError("table " + table.name() + ": " + loaded + " rows loaded, the backup holds "
                            + rows + "; nothing was restored");
                }
                counts.add(new Manifest.TableCount(table.name(), rows, HexFormat.of().formatHex(sum)));
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
        int sequences = in.readInt();
        for (int i = 0; i < sequences; i++) {
            String name = in.readUTF();
            long value = in.readLong();
            boolean called = in.readBoolean();
            try (var set = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                set.setString(1, Snapshot.quote(name));
                set.setLong(2, value);
                set.setBoolean(3, called);
                set.execute();
            }
        }
        Manifest written = Backup.JSON.readValue(readJson(in), Manifest.class);
        if (in.read() >= 0) {
            throw new BackupError(file + ": has data after its manifest; nothing was restored");
        }
        Manifest loaded = new Manifest(header.schemaVersion(), header.takenAt(), counts);
        if (!written.equals(loaded)) {
            throw new BackupError(file + ": its manifest does not match its tables; nothing was restored");
        }
        for (String name : names) {
            statement.execute("ALTER TABLE " + name + " ENABLE TRIGGER USER");
        }
        return loaded;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + Snapshot.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] readJson(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 16 << 20) {
            throw new EOFException("implausible header length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    @Override
    public void close() {
        close(in);
    }
}
