import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A simple USSD hop-latency loop (issue 2): full report sessions, one hop after another, over loopback.
 * Run by hand against a running Ijwi:  java bench/HopLatency.java http://localhost:7070 TOKEN 300
 * Prints p50/p99/max per hop for the cached path (hop continues a session this server answered) and
 * for the replay path (a hop this server has never seen, replayed from AT's text).
 */
public class HopLatency {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(7);
        List<Long> cached = new ArrayList<>();
        List<Long> replayed = new ArrayList<>();
        long run = System.currentTimeMillis();
        for (int s = 0; s < sessions; s++) {
            String district = String.valueOf(1 + random.nextInt(30));
            String[] inputs = {"1", "1", district, "1", String.valueOf(1 + random.nextInt(6)),
                String.valueOf(1 + random.nextInt(6)), "comment " + s, String.valueOf(1 + random.nextInt(2)), "1"};
            String text = "";
            hop(http, base, token, "lat-" + run + "-" + s, text, cached);
            for (String input : inputs) {
                text = text.isEmpty() ? input : text + "*" + input;
                hop(http, base, token, "lat-" + run + "-" + s, text, cached);
            }
            // The same last-but-one hop on a session id this server has never seen: a full replay.
            hop(http, base, token, "replay-" + run + "-" + s, text.substring(0, text.lastIndexOf('*')), replayed);
        }
        report("cached path", cached.subList(Math.min(cached.size(), 200), cached.size()));
        report("replay path", replayed.subList(Math.min(replayed.size(), 20), replayed.size()));
    }

    static void hop(HttpClient http, String base, String token, String session, String text, List<Long> into)
            throws Exception {
        String form = "sessionId=" + enc(session) + "&phoneNumber=" + enc("+250788" + Math.abs(session.hashCode() % 1000000))
                + "&serviceCode=" + enc("*384*7#") + "&text=" + enc(text);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/at/ussd?token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1000;
        if (response.statusCode() != 200 || !(response.body().startsWith("CON ") || response.body().startsWith("END "))) {
            throw new IllegalStateException("bad reply " + response.statusCode() + ": " + response.body());
        }
        into.add(micros);
    }

    static void report(String label, List<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s: %d hops, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", label, sorted.length,
                at(sorted, 0.50) / 1000.0, at(sorted, 0.99) / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }

    static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
