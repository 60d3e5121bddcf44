package rw.ijwi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import rw.ijwi.App;
import rw.ijwi.config.Config;

/** Ijwi as the tests run it: built by App.build on a fresh database, on a random port, restartable. */
public final class TestApp implements AutoCloseable {

    public static final String TOKEN = "test-webhook-token-0123456789";
    public static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final TestDatabase database;
    private final Config config;
    private final HttpClient http = HttpClient.newHttpClient();
    private final java.time.Clock clock;
    private final boolean workers;
    private final Path dataDir;
    private App app;
    private String apiToken;
    private boolean ownsDatabase;

    /** On a fresh database of its own, dropped when the app closes. */
    public TestApp() {
        this(TestDatabase.fresh(), Map.of());
        ownsDatabase = true;
    }

    public TestApp(TestDatabase database, Map<String, String> extraEnv) {
        this(database, extraEnv, java.time.Clock.systemUTC(), true);
    }

    /**
     * With the clock given and, when workers is false, without the SMS workers: the test then runs the inbound
     * and outbox steps itself (app().sms()), so what happens and when is decided by the test alone.
     */
    public TestApp(TestDatabase database, Map<String, String> extraEnv, java.time.Clock clock, boolean workers) {
        this.database = database;
        this.clock = clock;
        this.workers = workers;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IJWI_PORT", "0");
        env.put("IJWI_METRICS_PORT", "0");
        env.put("IJWI_DATABASE_URL", database.url());
        env.put("IJWI_DATABASE_USER", database.user());
        this.dataDir = tempDir();
        env.put("IJWI_DATA_DIR", dataDir.toString());
        env.put("IJWI_MENUS_DIR", Path.of("menus").toAbsolutePath().toString());
        env.put("IJWI_SECRET_KEY", SECRET);
        env.put("IJWI_WEBHOOK_TOKEN", TOKEN);
        // Four connections, not ten: the pool opens them all at once, each a new PostgreSQL backend on a new
        // database, for hundreds of apps a run. A test of concurrency asks for more in extraEnv.
        env.put("IJWI_DATABASE_POOL", "4");
        env.putAll(extraEnv);
        this.config = Config.from(env);
        try {
            this.app = build();
        } catch (RuntimeException e) {
            Folders.delete(dataDir); // a start-up the test expected to fail leaves nothing behind
            throw e;
        }
    }

    private App build() {
        App built = App.build(config, clock, HttpClient.newHttpClient());
        return workers ? built.start() : built.startServer();
    }

    public App app() {
        return app;
    }

    public Config config() {
        return config;
    }

    public TestDatabase database() {
        return database;
    }

    public int port() {
        return app.port();
    }

    /** Stops the server and starts a new one on the same database: nothing in memory survives. */
    public void restart() {
        app.close();
        app = build();
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, encode(form), "application/x-www-form-urlencoded");
    }

    public HttpResponse<String> post(String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** GET /metrics from its own (loopback) address, as Prometheus on the same host would. */
    public HttpResponse<String> metrics() {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.metricsPort() + "/metrics")).GET()
                .build());
    }

    /**
     * The value of one counter or gauge on /metrics by its Prometheus name, summed over its labels; fails when
     * no such metric is there, so a renamed metric cannot make an assertion of zero pass.
     */
    public double metric(String name) {
        double[] samples = metrics().body().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .toArray();
        if (samples.length == 0) {
            throw new AssertionError("no metric " + name + " on /metrics");
        }
        return java.util.Arrays.stream(samples).sum();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).GET().build());
    }

    /** A GET by a coordinator-level API client (Bearer token of an admin created on first use). */
    public HttpResponse<String> apiGet(String path) {
        return apiGet(apiToken(), path);
    }

    /** A GET with this API token (any role's), or with none when token is null. */
    public HttpResponse<String> apiGet(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** A POST by the same API client. */
    public HttpResponse<String> apiPost(String path, String body, String contentType) {
        return apiPost(apiToken(), path, body, contentType);
    }

    /** A POST with this API token (any role's), or with none when token is null. */
    public HttpResponse<String> apiPost(String token, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** The address of a path on this server. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The admin API token the api* methods use, made on first use. */
    public synchronized String apiToken() {
        if (apiToken == null) {
            apiToken = Staff.apiToken(this, rw.ijwi.auth.Role.ADMIN);
        }
        return apiToken;
    }

    /** One USSD hop as Africa's Talking sends it; returns the body ("CON ..." or "END ..."). */
    public String ussd(String sessionId, String phone, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sessionId", sessionId);
        form.put("serviceCode", "*384*7#");
        form.put("phoneNumber", phone);
        form.put("networkCode", "63510");
        form.put("text", text);
        HttpResponse<String> response = post("/at/ussd?token=" + TOKEN, form);
        if (response.statusCode() != 200) {
            throw new AssertionError("USSD hop answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Sends any request (to this server or another), for what the helpers above do not cover. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("ijwi-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server, deletes its data directory and, when the app made its database, drops it. */
    @Override
    public void close() {
        app.close();
        Folders.delete(dataDir);
        if (ownsDatabase) {
            database.drop();
        }
    }
}
