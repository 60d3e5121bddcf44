package rw.ijwi.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL that Ijwi runs itself when no external one is configured, with its data kept in the data dir.
 * If a server already runs on that data dir (another Ijwi, or a CLI command beside a running server), Ijwi
 * connects to it instead of starting a second one.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    static final String DATABASE = "ijwi";
    static final String USER = "postgres";

    private final int port;
    private final EmbeddedPostgres owned;

    private EmbeddedServer(int port, EmbeddedPostgres owned) {
        this.port = port;
        this.owned = owned;
    }

    public static EmbeddedServer startOrJoin(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        Optional<Integer> running = runningPort(pgData);
        if (running.isPresent()) {
            LOG.info("Using the embedded PostgreSQL already running on port {} for {}", running.get(), pgData);
            return ensureDatabase(new EmbeddedServer(running.get(), null));
        }
        try {
            Files.createDirectories(pgData);
            boolean first = !Files.exists(pgData.resolve("postgresql.conf"));
            if (first) {
                LOG.info("Initialising embedded PostgreSQL in {} (first start only)", pgData.toAbsolutePath());
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // The library starts PostgreSQL for tests: fsync off (-F) and synchronous_commit off. Ijwi
                    // answers a callback only after its commit, so a commit must survive a power cut: both on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            return ensureDatabase(new EmbeddedServer(pg.getPort(), pg));
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

    public int port() {
        return port;
    }

    /** The port of a live server on this data dir, read from postmaster.pid (line 4), if one answers. */
    static Optional<Integer> runningPort(Path pgData) {
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
                    "jdbc:postgresql://127.0.0.1:" + candidate + "/postgres", USER, "")) {
                return Optional.of(candidate);
            }
        } catch (IOException | NumberFormatException | SQLException e) {
            return Optional.empty();
        }
    }

    private static EmbeddedServer ensureDatabase(EmbeddedServer server) {
        String url = "jdbc:postgresql://127.0.0.1:" + server.port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, USER, "")) {
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
            throw new IllegalStateException("embedded PostgreSQL on port " + server.port + " refused: " + e.getMessage(), e);
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
