package rw.ijwi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import rw.ijwi.db.Database;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, a template database migrated once by the
 * production migrations, and a fresh copy of it for each caller.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String name;
    private final String url;
    private Jdbi jdbi;

    private TestDatabase(String name) {
        this(name, "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name);
    }

    private TestDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** A database at this URL (user postgres, trust), already migrated by the caller: for outage tests. */
    public static TestDatabase at(String url) {
        return new TestDatabase(url.substring(url.lastIndexOf('/') + 1), url);
    }

    /** A new database, migrated, owned by the caller. */
    public static synchronized TestDatabase fresh() {
        ensureServer();
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = admin()) {
            // FILE_COPY: a copy of the template's files, not their replay through the WAL (PostgreSQL 15's
            // default, WAL_LOG), which took two to three times as long for a 9 MB template.
            c.createStatement().execute("CREATE DATABASE " + name + " TEMPLATE ijwi_template STRATEGY FILE_COPY");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase(name);
    }

    private static void ensureServer() {
        if (server != null) {
            return;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off");
            Path inMemory = inMemoryDataDirectory();
            if (inMemory != null) {
                builder.setDataDirectory(inMemory).setCleanDataDirectory(true);
            }
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL for tests", e);
        }
        try (Connection c = admin()) {
            c.createStatement().execute("CREATE DATABASE ijwi_template");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGSimpleDataSource template = new PGSimpleDataSource();
        template.setUrl("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/ijwi_template");
        template.setUser("postgres");
        Database.migrate(template);
    }

    /**
     * A data directory in /dev/shm when it has room for the few hundred 9 MB databases a test JVM creates, else
     * null (the system's temporary directory). On a disk, CREATE DATABASE took 40 to 400 ms here, waiting on
     * the kernel's write-back of the copies, against about 20 ms in memory; deleting them all at the end took
     * 20 s instead of a few. Durability is off for the tests anyway (fsync off).
     */
    private static Path inMemoryDataDirectory() {
        Path shm = Path.of("/dev/shm");
        try {
            removeLeftOvers(shm);
            if (Files.isDirectory(shm) && Files.isWritable(shm)
                    && Files.getFileStore(shm).getUsableSpace() > 8L * 1024 * 1024 * 1024) {
                return shm.resolve("ijwi-test-pg-" + ProcessHandle.current().pid());
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The data directories of test JVMs that were killed before they could delete them (they hold memory). */
    private static void removeLeftOvers(Path shm) throws IOException {
        try (var dirs = Files.list(shm)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("ijwi-test-pg-\\d+")).toList()) {
                long pid = Long.parseLong(dir.getFileName().toString().substring("ijwi-test-pg-".length()));
                if (ProcessHandle.of(pid).isEmpty()) {
                    Folders.delete(dir);
                }
            }
        }
    }

    /** Drops a database fresh() created, once nothing uses it any more (TestApp's own, when it closes). */
    public void drop() {
        try (Connection c = admin()) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres", "postgres", "");
    }

    public String url() {
        return url;
    }

    public String user() {
        return "postgres";
    }

    public String name() {
        return name;
    }

    /** One Jdbi per database, made on first use (each opens a connection per call; there is no pool). */
    public synchronized Jdbi jdbi() {
        if (jdbi == null) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            ds.setUser("postgres");
            jdbi = Jdbi.create(ds).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        }
        return jdbi;
    }

    /** The single value of a query, for assertions. */
    public Object value(String sql) {
        return jdbi().withHandle(h -> h.createQuery(sql).map((rs, ctx) -> rs.getObject(1)).one());
    }

    public long count(String sql) {
        return ((Number) value(sql)).longValue();
    }
}
