package rw.ijwi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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
            c.createStatement().execute("CREATE DATABASE " + name + " TEMPLATE ijwi_template");
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
            server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").start();
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

    public Jdbi jdbi() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        return Jdbi.create(ds).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    /** The single value of a query, for assertions. */
    public Object value(String sql) {
        return jdbi().withHandle(h -> h.createQuery(sql).map((rs, ctx) -> rs.getObject(1)).one());
    }

    public long count(String sql) {
        return ((Number) value(sql)).longValue();
    }
}
