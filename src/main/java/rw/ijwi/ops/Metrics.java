package rw.ijwi.ops;

import java.time.Duration;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Ijwi's meters, in Prometheus text format for MetricsServer's /metrics; names say what is counted, never who. */
public final class Metrics {

    private static final String STARTED = "ijwi.metrics.started";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Timers by route, method and status, found once: building one per request showed in the profile. */
    private final java.util.concurrent.ConcurrentMap<Key, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private record Key(String route, String method, int status) {
    }

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Counts something that happened, e.g. counter("ijwi.ussd.hops", "reply", "CON"). */
    public Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }

    /** Before every request: note when it started. */
    public void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    /** After every matched request: time it under its route (not its concrete path) and status. */
    public void stop(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String route = "unmatched";
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            if (endpoint != null) {
                route = endpoint.path;
            }
        } catch (RuntimeException noEndpoint) {
            // a 404: no route matched
        }
        // A key of three fields, not a string built per request (issue 15: metrics that cost nanoseconds).
        timers.computeIfAbsent(new Key(route, ctx.method().name(), ctx.statusCode()), k -> Timer.builder("ijwi.http.requests")
                        .description("HTTP requests by route, method and status")
                        .tags("route", k.route(), "method", k.method(), "status", String.valueOf(k.status()))
                        .register(registry))
                .record(Duration.ofNanos(System.nanoTime() - started));
    }

    /** The meters in Prometheus text format (served by MetricsServer). */
    public String scrape() {
        return registry.scrape();
    }
}
