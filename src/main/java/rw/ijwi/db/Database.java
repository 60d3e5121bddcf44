package rw.ijwi.db;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import rw.ijwi.config.Config;

/** The connection pool, the migrations and Jdbi; the only place that knows how Ijwi reaches PostgreSQL. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final EmbeddedServer embedded;
    private final Jdbi jdbi;
    private final String externalUrl;

    private Database(HikariDataSource dataSource, EmbeddedServer embedded, String externalUrl) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.externalUrl = externalUrl;
        this.jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
    }

    /** Connects to the configured PostgreSQL, or starts (or joins) the embedded one in the data dir. */
    public static Database open(Config config, int poolSize) {
        return open(config, poolSize, null);
    }

    /** As {@link #open(Config, int)}, reporting pool usage to the meter registry when one is given. */
    public static Database open(Config config, int poolSize, io.micrometer.core.instrument.MeterRegistry meters) {
        EmbeddedServer embedded = null;
        HikariConfig hikari = new HikariConfig();
        if (config.databaseUrl().isPresent()) {
            hikari.setJdbcUrl(config.databaseUrl().get());
            config.databaseUser().ifPresent(hikari::setUsername);
            config.databasePassword().ifPresent(hikari::setPassword);
        } else {
            embedded = EmbeddedServer.startOrJoin(config.dataDir());
            hikari.setJdbcUrl(embedded.jdbcUrl());
            hikari.setUsername(embedded.user());
            hikari.setPassword(embedded.password());
        }
        // A refused write must not put the row's values (a message, a number's hash) into an exception
        // message, which a library may log: the driver leaves out the server's detail and the batch's values.
        hikari.addDataSourceProperty("logServerErrorDetail", "false");
        hikari.setPoolName("ijwi");
        hikari.setMaximumPoolSize(poolSize);
        hikari.setConnectionTimeout(3_000);
        hikari.setValidationTimeout(1_000);
        // Start even if the database is briefly away: /health reports it and USSD falls back to an END screen.
        hikari.setInitializationFailTimeout(-1);
        if (meters != null) {
            hikari.setMetricRegistry(meters);
        }
        try {
            return new Database(new HikariDataSource(hikari), embedded, config.databaseUrl().orElse(null));
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** Opens the database for a command-line tool and brings its schema up to date: the one way tools start. */
    public static Database openMigrated(Config config) {
        Database database = open(config, 2);
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public void migrate() {
        checkReachable();
        migrate(dataSource);
    }

    /**
     * Fails with one line naming IJWI_DATABASE_URL, the host, the port and the cause (connection refused, unknown
     * database, password authentication failed) when the external database cannot be reached, instead of the
     * exception Flyway would wrap it in.
     */
    public void checkReachable() {
        if (externalUrl == null) {
            return;
        }
        try (var ignored = dataSource.getConnection()) {
            // reachable
        } catch (java.sql.SQLException e) {
            throw Unreachable.describe(externalUrl, dataSource.getUsername(), e);
        }
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Applies the migrations up to and including this version only (restore: the version the backup was made at). */
    public void migrateTo(String version) {
        checkReachable();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(org.flywaydb.core.api.MigrationVersion.fromVersion(version))
                .load()
                .migrate();
    }

    /** The highest migration version this build carries, read from the migrations packaged with it. */
    public static org.flywaydb.core.api.MigrationVersion latestMigration() {
        try {
            java.net.URL url = Database.class.getClassLoader().getResource("db/migration");
            if (url == null) {
                throw new IllegalStateException("no migrations on the classpath (db/migration)");
            }
            String whole = url.toString();
            java.nio.file.FileSystem jar = "jar".equals(url.getProtocol())
                    ? java.nio.file.FileSystems.newFileSystem(java.net.URI.create(whole.substring(0,
                            whole.indexOf("!/"))), java.util.Map.of())
                    : null;
            java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(jar != null
                    ? jar.getPath("/db/migration") : java.nio.file.Path.of(url.toURI()));
            try (jar; files) {
                return files.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("V[0-9._]+__.*\\.sql"))
                        .map(n -> org.flywaydb.core.api.MigrationVersion.fromVersion(
                                n.substring(1, n.indexOf("__")).replace('_', '.')))
                        .max(Comparable::compareTo)
                        .orElseThrow(() -> new IllegalStateException("no migrations in db/migration"));
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the migrations: " + e.getClass().getSimpleName(), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * True when a connection can run a trivial query within a second. Tried twice: after an outage the pool
     * may hand out a connection the server has closed, which fails once and is then dropped by the pool.
     */
    public boolean isUp() {
        return ping() || ping();
    }

    private boolean ping() {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            return statement.execute("SELECT 1");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
