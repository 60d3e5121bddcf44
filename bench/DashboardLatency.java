import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A simple latency loop for the numbers (issue 3): the overview, the district brief and the summary API,
 * one request after another over loopback, as each role. Run by hand against a running Ijwi with seeded data:
 *   java bench/DashboardLatency.java http://localhost:7070 ROUNDS ROLE=TOKEN [ROLE=TOKEN ...]
 * PATHS (environment, comma-separated) limits the run to some of the paths, e.g. PATHS=/api/v1/summary?groupBy=district,service.
 * "cold" requests start the period one more day earlier each time (before the seeded data, so the same
 * reports are counted, but never the same period twice in a run), so the
 * suppression decided for an earlier request cannot be reused; "warm" requests repeat the same period (suppression reused, counts re-read).
 */
public class DashboardLatency {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newHttpClient();
        String[] paths = System.getenv().getOrDefault("PATHS",
                "/,/?district=Rusizi,/brief?district=Rusizi,/api/v1/summary?groupBy=district,service").split(",(?=/)");
        LocalDate today = LocalDate.now();
        int shift = 0;
        System.out.println("| role | page | path | requests | p50 | p95 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int a = 2; a < args.length; a++) {
            String role = args[a].substring(0, args[a].indexOf('='));
            String token = args[a].substring(args[a].indexOf('=') + 1);
            for (String path : paths) {
                for (boolean cold : new boolean[] {true, false}) {
                    List<Long> times = new ArrayList<>();
                    for (int i = -3; i < rounds; i++) {
                        LocalDate from = today.minusDays(363 + (cold ? ++shift : 0));
                        String sep = path.contains("?") ? "&" : "?";
                        URI uri = URI.create(base + path + sep + "from=" + from + "&to=" + today);
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - start) / 1000;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(uri + " answered " + response.statusCode());
                        }
                        if (i >= 0) {
                            times.add(micros);
                        }
                    }
                    times.sort(null);
                    System.out.printf("| %s | %s | %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", role, path,
                            cold ? "cold" : "warm", times.size(), times.get(times.size() / 2) / 1000.0,
                            percentile(times, 0.95) / 1000.0, percentile(times, 0.99) / 1000.0,
                            times.get(times.size() - 1) / 1000.0);
                }
            }
        }
    }

    /** The nearest-rank percentile of sorted times. */
    static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p) - 1));
    }
}
