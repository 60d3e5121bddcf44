import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inbound SMS load: C concurrent callers post AT-style incoming messages (radio votes and comments from many
 * numbers, 10 % of them repeats of an earlier id, as AT retries) for S seconds. A 200 means committed.
 * Prints acknowledged messages per second, latency and errors as one key=value line.
 * Run: java bench/SmsLoad.java http://127.0.0.1:7070 TOKEN 32 20 KEYWORD
 */
public class SmsLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String keyword = args.length > 4 ? args[4] : "RADIO";
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong repeats = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        String run = Long.toHexString(System.nanoTime());
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[2_000_000 / clients];
            new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Random random = new Random(client);
                int sent = 0;
                try {
                    while (System.nanoTime() < end) {
                        boolean repeat = sent > 0 && random.nextInt(10) == 0;
                        int n = repeat ? random.nextInt(sent) : sent;
                        if (repeat) {
                            repeats.incrementAndGet();
                        } else {
                            sent++;
                        }
                        String id = "ATXid_" + run + "_" + client + "_" + n;
                        String from = "+25078" + (1_000_000 + (client * 100_003 + n) % 8_999_999);
                        String text = random.nextInt(4) == 0 ? keyword + " A the police came fast this time"
                                : keyword + " " + (random.nextBoolean() ? "A" : "B");
                        String form = "id=" + enc(id) + "&from=" + enc(from) + "&to=8080&text=" + enc(text)
                                + "&date=" + enc("2026-12-01 17:05:00") + "&networkCode=63510";
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/at/sms?token=" + token)).header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (start > warmupEnd && counts[client] < latencies[client].length) {
                            latencies[client][counts[client]++] = took;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("label=sms clients=%d seconds=%d acknowledged=%d per_second=%.0f p50_ms=%.2f p99_ms=%.2f "
                + "max_ms=%.2f errors=%d repeats_sent=%d%n", clients, seconds, total, total / (double) seconds,
                at(all, 0.5), at(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get(), repeats.get());
    }

    static double at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
