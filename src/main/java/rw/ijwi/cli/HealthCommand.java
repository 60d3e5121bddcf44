package rw.ijwi.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;

/** `health`: asks a running Ijwi for /health and exits 0 if it is healthy (for container health checks). */
@CommandLine.Command(name = "health", description = "Exit 0 if the local server answers /health with 200.")
public final class HealthCommand implements java.util.concurrent.Callable<Integer> {

    private final Supplier<Config> config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public HealthCommand(Supplier<Config> config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        String bind = config.get().bind();
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]"
                : bind;
        String url = "http://" + host + ":" + config.get().port() + "/health";
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.ofString());
            spec.commandLine().getOut().println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (java.io.IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("ijwi: " + url + " did not answer: " + e.getClass().getSimpleName());
            return 1;
        }
    }
}
