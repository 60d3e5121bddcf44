import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * USSD load generator: C concurrent clients, each walking realistic report sessions (5-9 hops, unique session
 * ids, random districts, sectors, services, gaps and comments) as fast as answers come, for S seconds.
 * Prints requests per second, p50/p99/max latency and errors, as one line of key=value.
 * Run: java bench/UssdLoad.java http://127.0.0.1:7070 TOKEN 32 30 [label]
 */
public class UssdLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String label = args.length > 4 ? args[4] : "ussd";
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(Math.min(5, seconds / 4)).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong sessionsDone = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        String run = Long.toHexString(System.nanoTime());
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[4_000_000 / clients];
            perClient.add(latencies);
            int client = c;
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Random random = new Random(client);
                int n = 0;
                int session = 0;
                try {
                    while (System.nanoTime() < end) {
                        String id = "b" + run + "-" + client + "-" + session++;
                        String phone = "+25078" + (1000000 + random.nextInt(8999999));
                        List<String> inputs = sessionInputs(random);
                        String text = "";
                        for (int hop = 0; hop <= inputs.size() && System.nanoTime() < end; hop++) {
                            if (hop > 0) {
                                text = text.isEmpty() ? inputs.get(hop - 1) : text + "*" + inputs.get(hop - 1);
                            }
                            long start = System.nanoTime();
                            boolean ok = hop(http, base, token, id, phone, text);
                            long took = System.nanoTime() - start;
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (start > warmupEnd && n < latencies.length) {
                                latencies[n++] = took;
                            }
                        }
                        sessionsDone.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    latencies[latencies.length - 1] = n; // count kept in the last slot
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        long total = 0;
        for (long[] l : perClient) {
            total += l[l.length - 1];
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] l : perClient) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        double rps = total / (double) seconds;
        System.out.printf("label=%s clients=%d seconds=%d requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d sessions=%d%n",
                label, clients, seconds, total, rps, at(all, 0.50), at(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get(), sessionsDone.get());
    }

    /** A realistic report: consent, district, sector, service, gap, comment or skip, quote consent, send. */
    static List<String> sessionInputs(Random random) {
        List<String> inputs = new ArrayList<>(List.of("1", "1", String.valueOf(1 + random.nextInt(30)), "1",
                String.valueOf(1 + random.nextInt(6)), String.valueOf(1 + random.nextInt(6))));
        inputs.add(random.nextBoolean() ? "1" : "Comment " + random.nextInt(100000) + " about the service");
        inputs.add(String.valueOf(1 + random.nextInt(2)));
        inputs.add("1");
        int length = 5 + random.nextInt(5); // 5 to 9 hops: some abandon early
        return inputs.subList(0, Math.min(inputs.size(), length));
    }

    static boolean hop(HttpClient http, String base, String token, String session, String phone, String text)
            throws Exception {
        String form = "sessionId=" + enc(session) + "&phoneNumber=" + enc(phone) + "&serviceCode=" + enc("*384*7#")
                + "&networkCode=63510&text=" + enc(text);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/at/ussd?token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && (response.body().startsWith("CON ") || response.body().startsWith("END "));
    }

    static double at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
