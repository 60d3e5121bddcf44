package rw.ijwi.config;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of Ijwi, with its default and environment override in one place; knows nothing of what uses them. */
public record Config(
        int port,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Path dataDir,
        Optional<Path> menusDir,
        Optional<String> secretKey,
        Optional<String> webhookToken,
        int ussdMaxChars,
        int suppressBelow,
        Optional<URI> publicUrl,
        AtAccount at,
        int retentionDays,
        Path spoolDir,
        int spoolMaxMb,
        BigDecimal smsPrice,
        int smsInFlight,
        String bind,
        List<String> trustedProxies,
        String metricsBind,
        int metricsPort,
        Tuning tuning) {

    public static final int USSD_PROTOCOL_LIMIT = 182;
    /** What one SMS part costs, in RWF, when IJWI_SMS_PRICE is not set; only used to estimate a broadcast's cost. */
    public static final BigDecimal DEFAULT_SMS_PRICE = new BigDecimal("15");

    /** Thrown when a setting has a value Ijwi cannot use; the message names the setting and the value. */
    public static final class BadSetting extends RuntimeException {
        public BadSetting(String name, String value, String why) {
            super(name + "=" + value + ": " + why);
        }
    }

    /**
     * The Africa's Talking account for outbound SMS. Without username and key, outbound SMS stay
     * queued. baseUrl is scheme and host only; the client adds the API path. premiumKeyword is set for a premium
     * on-demand shortcode: replies then quote the inbound message's linkId and go to premiumBaseUrl.
     */
    public record AtAccount(Optional<String> username, Optional<String> apiKey, Optional<String> senderId,
            URI baseUrl, Optional<String> premiumKeyword, URI premiumBaseUrl) {

        public static final URI LIVE = URI.create("https://api.africastalking.com");
        public static final URI SANDBOX = URI.create("https://api.sandbox.africastalking.com");
        /** AT's host for premium SMS; the sandbox serves both from one host. */
        public static final URI LIVE_PREMIUM = URI.create("https://content.africastalking.com");

        public boolean configured() {
            return username.isPresent() && apiKey.isPresent();
        }

        static AtAccount from(Map<String, String> env) {
            // The SDKs compare "sandbox" ignoring case; the sandbox knows the account only as "sandbox".
            Optional<String> username = text(env, "IJWI_AT_USERNAME")
                    .map(v -> v.equalsIgnoreCase("sandbox") ? "sandbox" : v);
            Optional<String> apiKey = text(env, "IJWI_AT_API_KEY");
            Optional<String> senderId = text(env, "IJWI_AT_SENDER_ID");
            username.ifPresent(v -> {
                if (!v.matches("[A-Za-z0-9_.-]{1,64}")) {
                    throw new BadSetting("IJWI_AT_USERNAME", v, "expected an Africa's Talking username");
                }
            });
            if (username.isPresent() != apiKey.isPresent()) {
                String missing = username.isPresent() ? "IJWI_AT_API_KEY" : "IJWI_AT_USERNAME";
                throw new BadSetting(missing, "(unset)", "IJWI_AT_USERNAME and IJWI_AT_API_KEY go together");
            }
            apiKey.ifPresent(v -> {
                if (!v.matches("[\\x21-\\x7e]{8,200}")) {
                    throw new BadSetting("IJWI_AT_API_KEY", "(hidden)", "expected the API key from the AT dashboard");
                }
            });
            senderId.ifPresent(v -> {
                if (!v.matches("[0-9]{3,8}|[A-Za-z0-9 ]{1,11}")) {
                    throw new BadSetting("IJWI_AT_SENDER_ID", v,
                            "expected a shortcode (digits) or an alphanumeric sender ID of at most 11 characters");
                }
            });
            Optional<String> premiumKeyword = text(env, "IJWI_AT_PREMIUM_KEYWORD");
            premiumKeyword.ifPresent(v -> {
                if (!v.matches("[A-Za-z0-9 _-]{1,32}")) {
                    throw new BadSetting("IJWI_AT_PREMIUM_KEYWORD", v, "expected the premium keyword AT gave the "
                            + "shortcode (letters, digits, at most 32)");
                }
                if (senderId.filter(s -> s.matches("[0-9]{3,8}")).isEmpty()) {
                    throw new BadSetting("IJWI_AT_PREMIUM_KEYWORD", v,
                            "needs IJWI_AT_SENDER_ID set to the premium shortcode (digits)");
                }
            });
            boolean sandbox = username.filter("sandbox"::equals).isPresent();
            URI fallback = sandbox ? SANDBOX : LIVE;
            Optional<String> override = text(env, "IJWI_AT_BASE_URL");
            URI base = override.map(v -> {
                URI uri = url("IJWI_AT_BASE_URL", v);
                if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
                    throw new BadSetting("IJWI_AT_BASE_URL", v,
                            "expected scheme and host only, such as https://api.africastalking.com");
                }
                return uri;
            }).orElse(fallback);
            URI premiumBase = override.isPresent() || sandbox ? base : LIVE_PREMIUM;
            return new AtAccount(username, apiKey, senderId, base, premiumKeyword, premiumBase);
        }
    }

    /**
     * Sizes and intervals of the machinery, which an operator rarely changes: the database pool, how often the
     * background workers look for work when nobody wakes them, and how many callbacks one commit may carry.
     * inboundGather (IJWI_SMS_INBOUND_GATHER_MS) is how long the inbound router lets messages gather after a batch
     * smaller than a full one, so that during a burst it routes fewer, fuller batches (a batch's own statements
     * cost as much as its messages' when it holds a few): the delay a reply or a tally may take, at most.
     * httpThreads (IJWI_HTTP_THREADS) is the most threads Jetty serves requests with (see defaultHttpThreads).
     */
    public record Tuning(int databasePool, Duration inboundPoll, Duration inboundGather, Duration outboxPoll,
            Duration spoolReplay, int inboundGroupMax, Duration rollupEvery, Duration housekeepingEvery,
            int httpThreads) {

        static Tuning from(Map<String, String> env) {
            return new Tuning(
                    integer(env, "IJWI_DATABASE_POOL", 10, 2, 200),
                    Duration.ofMillis(integer(env, "IJWI_SMS_INBOUND_POLL_MS", 500, 50, 60_000)),
                    Duration.ofMillis(integer(env, "IJWI_SMS_INBOUND_GATHER_MS", 100, 0, 1_000)),
                    Duration.ofMillis(integer(env, "IJWI_SMS_OUTBOX_POLL_MS", 1_000, 50, 60_000)),
                    Duration.ofMillis(integer(env, "IJWI_SMS_SPOOL_REPLAY_MS", 1_000, 50, 60_000)),
                    integer(env, "IJWI_SMS_GROUP_MAX", 500, 1, 10_000),
                    Duration.ofMillis(integer(env, "IJWI_ROLLUP_EVERY_MS", 2_000, 100, 600_000)),
                    Duration.ofMinutes(integer(env, "IJWI_HOUSEKEEPING_MINUTES", 60, 1, 1_440)),
                    integer(env, "IJWI_HTTP_THREADS", defaultHttpThreads(), 8, 1000));
        }

        /**
         * 64, or 8 per core plus 8 where that is more. A webhook waiting for its group commit holds its thread, so
         * fewer threads than the connections AT keeps open leave callers queueing behind waits: pinned to one core
         * with 32 connections, 16 threads answered 4,452-6,787 report hops a second, 32 threads 6,460-7,538, 64
         * threads 7,125 and Jetty's 250 6,572 (BENCHMARKS.md, issue 15, 7 December).
         */
        static int defaultHttpThreads() {
            return Math.max(64, 8 + 8 * Runtime.getRuntime().availableProcessors());
        }
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        Optional<Path> menusDir = text(env, "IJWI_MENUS_DIR").map(Path::of);
        if (menusDir.isEmpty() && Path.of("menus").toFile().isDirectory()) {
            menusDir = Optional.of(Path.of("menus"));
        }
        Path dataDir = text(env, "IJWI_DATA_DIR").map(Path::of).orElse(Path.of("data"));
        Config config = new Config(
                integer(env, "IJWI_PORT", 7070, 0, 65535),
                text(env, "IJWI_DATABASE_URL"),
                text(env, "IJWI_DATABASE_USER"),
                databasePassword(env),
                dataDir,
                menusDir,
                text(env, "IJWI_SECRET_KEY"),
                text(env, "IJWI_WEBHOOK_TOKEN"),
                integer(env, "IJWI_USSD_MAX_CHARS", 160, 40, USSD_PROTOCOL_LIMIT),
                integer(env, "IJWI_SUPPRESS_BELOW", 5, 1, 1000),
                text(env, "IJWI_PUBLIC_URL").map(v -> url("IJWI_PUBLIC_URL", v)),
                AtAccount.from(env),
                integer(env, "IJWI_RETENTION_DAYS", 365, 7, 3650),
                text(env, "IJWI_SPOOL_DIR").map(Path::of).orElse(dataDir.resolve("spool")),
                integer(env, "IJWI_SPOOL_MAX_MB", 64, 1, 10_240),
                price(env, "IJWI_SMS_PRICE", DEFAULT_SMS_PRICE),
                integer(env, "IJWI_SMS_IN_FLIGHT", 2, 1, 8),
                // The README puts a reverse proxy in front: listen where only it can reach, unless told otherwise.
                text(env, "IJWI_BIND").orElse("127.0.0.1"),
                text(env, "IJWI_TRUSTED_PROXIES").map(v -> Arrays.stream(v.split(",")).map(String::trim)
                        .filter(p -> !p.isEmpty()).toList()).orElse(List.of()),
                // /metrics shows live activity: its own address, loopback unless told otherwise.
                text(env, "IJWI_METRICS_BIND").orElse("127.0.0.1"),
                integer(env, "IJWI_METRICS_PORT", 9464, 0, 65535),
                Tuning.from(env));
        config.databaseUrl().ifPresent(v -> {
            if (!v.startsWith("jdbc:postgresql:")) {
                throw new BadSetting("IJWI_DATABASE_URL", v, "expected a JDBC URL starting with jdbc:postgresql:");
            }
        });
        config.webhookToken().ifPresent(v -> {
            if (v.length() < 16 || !v.matches("[A-Za-z0-9_-]+")) {
                throw new BadSetting("IJWI_WEBHOOK_TOKEN", "(hidden)", "expected at least 16 characters of A-Z a-z 0-9 _ -");
            }
        });
        if (!literalAddress(config.metricsBind())) {
            throw new BadSetting("IJWI_METRICS_BIND", config.metricsBind(),
                    "expected an IP address to serve /metrics on, such as 127.0.0.1 or 10.0.0.5");
        }
        if (!literalAddress(config.bind())) {
            throw new BadSetting("IJWI_BIND", config.bind(),
                    "expected an IP address to listen on, such as 127.0.0.1, 0.0.0.0 or ::1");
        }
        for (String proxy : config.trustedProxies()) {
            String[] parts = proxy.split("/", -1);
            int bits = parts.length == 2 && parts[1].matches("[0-9]{1,3}") ? Integer.parseInt(parts[1]) : -1;
            int max = parts[0].contains(":") ? 128 : 32;
            if (parts.length > 2 || !literalAddress(parts[0]) || parts.length == 2 && (bits < 0 || bits > max)) {
                throw new BadSetting("IJWI_TRUSTED_PROXIES", proxy,
                        "expected addresses or CIDR ranges separated by commas, such as 127.0.0.1,10.0.0.0/8");
            }
        }
        return config;
    }

    /**
     * IJWI_DATABASE_PASSWORD, or the first line of the file IJWI_DATABASE_PASSWORD_FILE names (a compose or
     * systemd secret), so the password need not sit in the process environment.
     */
    private static Optional<String> databasePassword(Map<String, String> env) {
        Optional<String> file = text(env, "IJWI_DATABASE_PASSWORD_FILE");
        if (file.isEmpty()) {
            return text(env, "IJWI_DATABASE_PASSWORD");
        }
        if (text(env, "IJWI_DATABASE_PASSWORD").isPresent()) {
            throw new BadSetting("IJWI_DATABASE_PASSWORD_FILE", file.get(),
                    "set this or IJWI_DATABASE_PASSWORD, not both");
        }
        try {
            String password = java.nio.file.Files.readString(Path.of(file.get())).lines().findFirst().orElse("").strip();
            if (password.isEmpty()) {
                throw new BadSetting("IJWI_DATABASE_PASSWORD_FILE", file.get(), "the file is empty");
            }
            return Optional.of(password);
        } catch (java.io.IOException e) {
            throw new BadSetting("IJWI_DATABASE_PASSWORD_FILE", file.get(), "cannot read it ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName()) + ")");
        }
    }

    /** An IPv4 or IPv6 address written as numbers (never a name, which would need a DNS look-up). */
    public static boolean literalAddress(String value) {
        if (value.matches("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])")) {
            return true;
        }
        if (!value.matches("[0-9A-Fa-f:.]+") || !value.contains(":")) {
            return false;
        }
        try {
            java.net.InetAddress.getByName(value);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public Config withPort(int newPort) {
        return new Config(newPort, databaseUrl, databaseUser, databasePassword, dataDir, menusDir, secretKey,
                webhookToken, ussdMaxChars, suppressBelow, publicUrl, at, retentionDays, spoolDir, spoolMaxMb, smsPrice,
                smsInFlight, bind, trustedProxies, metricsBind,
                metricsPort, tuning);
    }

    public Config withDatabase(String url, String user, String password) {
        return new Config(port, Optional.of(url), Optional.ofNullable(user), Optional.ofNullable(password), dataDir,
                menusDir, secretKey, webhookToken, ussdMaxChars, suppressBelow, publicUrl, at, retentionDays, spoolDir,
                spoolMaxMb, smsPrice, smsInFlight, bind, trustedProxies, metricsBind,
                metricsPort, tuning);
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> value = text(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new BadSetting(name, value.get(), "expected a whole number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadSetting(name, value.get(), "expected a whole number from " + min + " to " + max);
        }
    }

    /** A price per SMS part in RWF: 0 to 10000, at most 4 decimals. */
    private static BigDecimal price(Map<String, String> env, String name, BigDecimal fallback) {
        Optional<String> value = text(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        String why = "expected the price of one SMS part in RWF, a number from 0 to 10000 such as 15 or 12.5";
        if (!value.get().matches("[0-9]{1,5}(\\.[0-9]{1,4})?")) {
            throw new BadSetting(name, value.get(), why);
        }
        BigDecimal price = new BigDecimal(value.get());
        if (price.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new BadSetting(name, value.get(), why);
        }
        return price;
    }

    private static URI url(String name, String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new BadSetting(name, value, "expected an absolute URL such as https://ijwi.example.org");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadSetting(name, value, "expected an absolute URL such as https://ijwi.example.org");
        }
    }
}
