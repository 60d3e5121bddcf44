package rw.ijwi.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL that Ijwi runs itself when no external one is configured, with its data kept in the data dir.
 * If a server already runs on that data dir (another Ijwi, or a CLI command beside a running server), Ijwi
 * connects to it instead of starting a second one. Every connection, local ones included, needs the password
 * generated into DATA_DIR/postgres.password (mode 600): other users of the machine cannot read the tables.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    static final String DATABASE = "ijwi";
    static final String USER = "postgres";
    static final String PASSWORD_FILE = "postgres.password";
    /** The first line of the pg_hba.conf Ijwi writes; without it the file is initdb's (trust) and is replaced. */
    static final String HBA_MARK = "# Written by Ijwi: every connection needs the password (scram-sha-256).";
    private static final Object PGPASS = new Object();

    private final int port;
    private final String password;
    private final EmbeddedPostgres owned;

    private EmbeddedServer(int port, String password, EmbeddedPostgres owned) {
        this.port = port;
        this.password = password;
        this.owned = owned;
    }

    public static EmbeddedServer startOrJoin(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        String password = password(dataDir);
        Optional<Integer> running = runningPort(pgData, password);
        if (running.isPresent()) {
            LOG.info("Using the embedded PostgreSQL already running on port {} for {}", running.get(), pgData);
            return ensureDatabase(new EmbeddedServer(running.get(), password, null));
        }
        try {
            Files.createDirectories(pgData);
            boolean first = !Files.exists(pgData.resolve("postgresql.conf"));
            if (first) {
                LOG.info("Initialising embedded PostgreSQL in {} (first start only)", pgData.toAbsolutePath());
            }
            boolean locked = isLocked(pgData);
            EmbeddedPostgres pg = start(pgData, dataDir, password, locked, EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // The library starts PostgreSQL for tests: fsync off (-F) and synchronous_commit off. Ijwi
                    // answers a callback only after its commit, so a commit must survive a power cut: both on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // A finished write-ahead log segment is deleted, not renamed for reuse with its old content
                    // (a redacted comment) still inside, readable to anyone who can read the data dir.
                    .setServerConfig("wal_recycle", "off")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60)));
            if (!locked) {
                lock(pg, pgData, password);
            }
            return ensureDatabase(new EmbeddedServer(pg.getPort(), password, pg));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + pgData.toAbsolutePath(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** The driver settings of every connection: the password, and no row values (a comment) in error messages. */
    static Properties connectionProperties(String password) {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        properties.setProperty("logServerErrorDetail", "false");
        return properties;
    }

    /** The generated password of the embedded server, made once (mode 600) beside its data. */
    static String password(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] random = new byte[24];
                new java.security.SecureRandom().nextBytes(random);
                Path draft = Files.createTempFile(dataDir, PASSWORD_FILE, ".new",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(draft, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n",
                        StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
                try {
                    Files.createLink(file, draft); // atomic: of two processes starting at once, one password wins
                } catch (FileAlreadyExistsException raced) {
                    // the other process's password stands
                } finally {
                    Files.delete(draft);
                }
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (password.isEmpty()) {
                throw new IllegalStateException(file.toAbsolutePath() + " is empty: delete it only if PostgreSQL's "
                        + "data dir is new, or write the embedded server's password back into it");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file.toAbsolutePath(), e);
        }
    }

    /** True once Ijwi has replaced initdb's trust rules in pg_hba.conf with its password rule. */
    static boolean isLocked(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARK);
    }

    /**
     * Starts the server. When pg_hba.conf already asks for the password, the library's own readiness check
     * (which gives no password) finds it in a pgpass file made for this start, then deleted.
     */
    private static EmbeddedPostgres start(Path pgData, Path dataDir, String password, boolean locked,
            EmbeddedPostgres.Builder builder) throws IOException {
        if (!locked) {
            return builder.start();
        }
        synchronized (PGPASS) {
            Path pgpass = Files.createTempFile(dataDir, "pgpass", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            String previous = System.getProperty("org.postgresql.pgpassfile");
            try {
                Files.writeString(pgpass, "*:*:*:" + USER + ":" + password + "\n", StandardCharsets.US_ASCII);
                System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
                return builder.start();
            } finally {
                if (previous == null) {
                    System.clearProperty("org.postgresql.pgpassfile");
                } else {
                    System.setProperty("org.postgresql.pgpassfile", previous);
                }
                Files.deleteIfExists(pgpass);
            }
        }
    }

    /**
     * First start on a data dir (or the first since this rule came in): sets the password and replaces
     * initdb's `trust` rules with scram-sha-256 for every connection, local socket included, then reloads.
     */
    private static void lock(EmbeddedPostgres pg, Path pgData, String password) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres",
                connectionProperties(password))) {
            c.unwrap(org.postgresql.PGConnection.class).alterUserPassword(USER, password.toCharArray(),
                    "scram-sha-256");
            Files.writeString(pgData.resolve("pg_hba.conf"), String.join("\n",
                    HBA_MARK,
                    "# TYPE  DATABASE  USER  ADDRESS       METHOD",
                    "local   all       all                 scram-sha-256",
                    "host    all       all   127.0.0.1/32  scram-sha-256",
                    "host    all       all   ::1/128       scram-sha-256",
                    ""), StandardCharsets.US_ASCII);
            try (var statement = c.createStatement()) {
                statement.execute("SELECT pg_reload_conf()");
            }
            LOG.info("embedded PostgreSQL now asks every connection for the password in {}", PASSWORD_FILE);
        } catch (SQLException e) {
            pg.close();
            throw new IllegalStateException("cannot set the embedded PostgreSQL's password: "
                    + rw.ijwi.config.SafeErrors.describe(e), e);
        }
    }

    public int port() {
        return port;
    }

    /** The port of a live server on this data dir, read from postmaster.pid (line 4), if one answers. */
    static Optional<Integer> runningPort(Path pgData, String password) {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            int candidate = Integer.parseInt(lines.get(3).trim());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", candidate), 500);
            }
            try (Connection ignored = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + candidate + "/postgres", connectionProperties(password))) {
                return Optional.of(candidate);
            }
        } catch (IOException | NumberFormatException | SQLException e) {
            return Optional.empty();
        }
    }

    private static EmbeddedServer ensureDatabase(EmbeddedServer server) {
        String url = "jdbc:postgresql://127.0.0.1:" + server.port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, connectionProperties(server.password))) {
            var rs = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                try {
                    c.createStatement().execute("CREATE DATABASE " + DATABASE);
                } catch (SQLException raced) {
                    if (!"42P04".equals(raced.getSQLState())) {
                        throw raced;
                    }
                }
            }
            return server;
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL on port " + server.port + " refused: "
                    + rw.ijwi.config.SafeErrors.describe(e), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
