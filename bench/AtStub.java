import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Africa's Talking's send endpoint for benchmarks: WireMock standalone answering POST /version1/messaging like AT
 * (201, one Success/101 recipient with a fresh messageId per number in "to"), after an optional fixed delay. Counts
 * requests, recipients and recipients received more than once; GET /stats returns them with the arrival times (ms)
 * of the first and the last request as one JSON line. Run from the test classpath:
 *   java -cp "$(cat target/test-classpath.txt)" bench/AtStub.java PORT [DELAY_MS]
 */
public class AtStub {

    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    static final AtomicLong REQUESTS = new AtomicLong();
    static final AtomicLong RECIPIENTS = new AtomicLong();
    static final AtomicLong DUPLICATES = new AtomicLong();
    static final AtomicLong IDS = new AtomicLong();
    static final AtomicLong FIRST = new AtomicLong();
    static final AtomicLong LAST = new AtomicLong();

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int delay = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        WireMockServer server = new WireMockServer(options().port(port).bindAddress("127.0.0.1")
                .containerThreads(24).disableRequestJournal().extensions(new Send(), new Stats()));
        server.start();
        var send = aResponse().withTransformers("at-send");
        server.stubFor(post(urlEqualTo("/version1/messaging")).willReturn(delay > 0 ? send.withFixedDelay(delay) : send));
        server.stubFor(get(urlEqualTo("/stats")).willReturn(aResponse().withTransformers("at-stats")));
        System.out.println("AT stub on port " + port + ", delay " + delay + " ms");
    }

    static final class Send implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            long now = System.currentTimeMillis();
            FIRST.compareAndSet(0, now);
            LAST.accumulateAndGet(now, Math::max);
            REQUESTS.incrementAndGet();
            String to = "";
            for (String pair : event.getRequest().getBodyAsString().split("&")) {
                if (pair.startsWith("to=")) {
                    to = URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
                }
            }
            String[] numbers = to.split(",");
            StringBuilder json = new StringBuilder("{\"SMSMessageData\":{\"Message\":\"Sent to ").append(numbers.length)
                    .append('/').append(numbers.length).append(" Total Cost: RWF 0\",\"Recipients\":[");
            for (int i = 0; i < numbers.length; i++) {
                if (!SEEN.add(numbers[i])) {
                    DUPLICATES.incrementAndGet();
                }
                json.append(i == 0 ? "" : ",").append("{\"statusCode\":101,\"number\":\"").append(numbers[i])
                        .append("\",\"status\":\"Success\",\"cost\":\"RWF 15.0000\",\"messageId\":\"ATXid_")
                        .append(IDS.incrementAndGet()).append("\"}");
            }
            RECIPIENTS.addAndGet(numbers.length);
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(201)
                    .withHeader("Content-Type", "application/json").withBody(json.append("]}}").toString()).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "at-send";
        }
    }

    static final class Stats implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String json = "{\"requests\":" + REQUESTS.get() + ",\"recipients\":" + RECIPIENTS.get() + ",\"distinct\":"
                    + SEEN.size() + ",\"duplicates\":" + DUPLICATES.get() + ",\"first_ms\":" + FIRST.get()
                    + ",\"last_ms\":" + LAST.get() + "}";
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(json).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "at-stats";
        }
    }
}
