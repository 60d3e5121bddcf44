package rw.ijwi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Ijwi in a separate JVM (`serve`, the same classes and dependencies as the tests), so a test can kill it
 * with SIGKILL as a power cut would, and start another on the same database.
 */
public final class ChildServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;

    private ChildServer(Process process, int port, Path log, Path dataDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
    }

    public static ChildServer start(TestDatabase database, Map<String, String> extraEnv) {
        try {
            int port = freePort();
            Path log = Files.createTempFile("ijwi-child", ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), "rw.ijwi.Main", "serve");
            Map<String, String> env = builder.environment();
            env.put("IJWI_PORT", String.valueOf(port));
            env.put("IJWI_METRICS_PORT", "0");
            env.put("IJWI_DATABASE_URL", database.url());
            env.put("IJWI_DATABASE_USER", database.user());
            Path dataDir = Files.createTempDirectory("ijwi-child");
            env.put("IJWI_DATA_DIR", dataDir.toString());
            env.put("IJWI_MENUS_DIR", Path.of("menus").toAbsolutePath().toString());
            env.put("IJWI_SECRET_KEY", TestApp.SECRET);
            env.put("IJWI_WEBHOOK_TOKEN", TestApp.TOKEN);
            env.putAll(extraEnv);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            ChildServer child = new ChildServer(builder.start(), port, log, dataDir);
            try {
                child.awaitHealthy();
            } catch (RuntimeException | AssertionError e) {
                child.close();
                throw e;
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, nothing graceful. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the child server was still running 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: the shutdown hook runs; returns the exit code. */
    public int terminate(Duration within) {
        process.destroy();
        try {
            if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not stop within " + within);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited at start-up:\n" + log());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/health"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the server was not healthy within 60 s:\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the server if it still runs, then deletes its data directory and its log. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        Folders.delete(dataDir);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
