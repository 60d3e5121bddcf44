package rw.ijwi.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * /metrics on an address of its own (IJWI_METRICS_BIND, loopback unless told otherwise), never on the public
 * port: it shows live activity (report sessions ending, failed logins, use of /setup). Needs no database, so
 * Prometheus still sees the spool fill during an outage.
 */
public final class MetricsServer implements AutoCloseable {

    private final HttpServer server;

    public MetricsServer(Metrics metrics, String bind, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /metrics on " + bind + ":" + port + " (IJWI_METRICS_BIND, "
                    + "IJWI_METRICS_PORT; a second instance on this host needs another port)", e);
        }
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                boolean get = "GET".equals(exchange.getRequestMethod());
                byte[] body = (get ? metrics.scrape() : "GET only\n").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", get
                        ? "text/plain; version=0.0.4; charset=utf-8" : "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(get ? 200 : 405, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "ijwi-metrics");
            thread.setDaemon(true);
            return thread;
        }));
    }

    public MetricsServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
