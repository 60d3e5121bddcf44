package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import rw.ijwi.testing.ChildServer;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Wait;

/** SIGTERM under load: the server stops within its bound and no request gets a server error on the way out. */
@Tag("slow")
@Tag("load")
class ShutdownTest {

    @Test
    void sigterm_during_traffic_stops_within_its_bound_without_server_errors() throws Exception {
        ChildServer server = ChildServer.start(TestDatabase.fresh(), Map.of());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        Thread load = new Thread(() -> {
            int n = 0;
            while (running.get()) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.base()
                            + "/at/ussd?token=" + TestApp.TOKEN)).header("Content-Type", "application/x-www-form-urlencoded")
                            .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(
                                    "sessionId=stop-" + n++ + "&phoneNumber=%2B250788000000&text=1*1*28*1*1*3*1*2*1")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() >= 500) {
                        serverErrors.incrementAndGet();
                    } else {
                        answered.incrementAndGet();
                    }
                } catch (IOException refusedWhileStopping) {
                    // a refused or closed connection is what a client of a stopped server sees; AT retries it
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        load.start();
        Wait.until("50 hops answered before SIGTERM", Duration.ofSeconds(120), () -> answered.get() >= 50);
        long start = System.nanoTime();
        server.terminate(Duration.ofSeconds(15));
        long stoppedMillis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        load.join(10_000);
        assertThat(load.isAlive()).as("the load thread ended after the server stopped").isFalse();
        System.out.printf("shutdown: stopped %d ms after SIGTERM, %d requests answered, %d server errors%n",
                stoppedMillis, answered.get(), serverErrors.get());
        assertThat(serverErrors.get()).isZero();
        assertThat(server.log()).doesNotContain("788000000");
        server.close();
    }
}
