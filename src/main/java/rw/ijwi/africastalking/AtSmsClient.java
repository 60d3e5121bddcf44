package rw.ijwi.africastalking;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.sms.outbox.SmsGateway;

/**
 * Sends SMS through Africa's Talking's form endpoint (POST {base}/version1/messaging) with java.net.http, and
 * turns AT's answer into neutral verdicts: the only code that knows AT's send fields and status codes.
 */
public final class AtSmsClient implements SmsGateway {

    static final String PATH = "/version1/messaging";
    /** With enqueue=1 AT answers at once; 15 s without an answer is treated as a timeout and retried later. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A recipient without statusCode is read by its status word (§5.1's table); "Success" is what AT says for
     * every accepted recipient, whichever of 100-102 it was.
     */
    private static final Map<String, Integer> CODES = Map.ofEntries(Map.entry("success", 101),
            Map.entry("processed", 100), Map.entry("sent", 101), Map.entry("queued", 102), Map.entry("riskhold", 401),
            Map.entry("invalidsenderid", 402), Map.entry("invalidphonenumber", 403),
            Map.entry("unsupportednumbertype", 404), Map.entry("insufficientbalance", 405),
            Map.entry("userinblacklist", 406), Map.entry("couldnotroute", 407), Map.entry("donotdisturbrejection", 409),
            Map.entry("internalservererror", 500), Map.entry("gatewayerror", 501),
            Map.entry("rejectedbygateway", 502));

    private final HttpClient http;
    private final URI endpoint;
    private final String username;
    private final String apiKey;
    private final Optional<String> senderId;
    private final Duration timeout;
    private final Clock clock;
    private final Optional<String> premiumKeyword;
    private final URI premiumEndpoint;

    /** A bulk or standard two-way account: replies go like any other message. */
    public AtSmsClient(HttpClient http, URI baseUrl, String username, String apiKey, Optional<String> senderId,
            Duration timeout, Clock clock) {
        this(http, baseUrl, username, apiKey, senderId, timeout, clock, Optional.empty(), baseUrl);
    }

    /** premiumKeyword set: replies to inbound messages go as premium on-demand messages to premiumBaseUrl. */
    public AtSmsClient(HttpClient http, URI baseUrl, String username, String apiKey, Optional<String> senderId,
            Duration timeout, Clock clock, Optional<String> premiumKeyword, URI premiumBaseUrl) {
        this.http = http;
        this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + PATH);
        this.premiumKeyword = premiumKeyword;
        this.premiumEndpoint = URI.create(premiumBaseUrl.toString().replaceAll("/+$", "") + PATH);
        this.username = username;
        this.apiKey = apiKey;
        this.senderId = senderId;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Result send(String text, List<String> numbers) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("to", String.join(",", numbers));
        form.put("message", text);
        senderId.ifPresent(from -> form.put("from", from));
        form.put("bulkSMSMode", "1");
        form.put("enqueue", "1");
        return post(endpoint, form);
    }

    @Override
    public boolean repliesQuoteTheLink() {
        return premiumKeyword.isPresent();
    }

    /**
     * On a premium on-demand shortcode a reply names the keyword and quotes the inbound linkId, with bulkSMSMode=0
     * so the subscriber is billed as the service agreed (the SDKs' premium send); otherwise it is a plain send.
     */
    @Override
    public Result reply(String text, String number, String link) {
        if (premiumKeyword.isEmpty()) {
            return send(text, List.of(number));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("to", number);
        form.put("message", text);
        senderId.ifPresent(from -> form.put("from", from));
        form.put("keyword", premiumKeyword.get());
        form.put("linkId", link);
        form.put("bulkSMSMode", "0");
        return post(premiumEndpoint, form);
    }

    private Result post(URI to, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(to)
                .timeout(timeout)
                .header("apiKey", apiKey)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new RetryAll("timeout");
        } catch (IOException e) {
            return new RetryAll("io_error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RetryAll("interrupted");
        }
        return read(response.statusCode(), response.headers().firstValue("Retry-After"), clock.instant(),
                response.body());
    }

    static Result read(int status, String body) {
        return read(status, Optional.empty(), Instant.EPOCH, body);
    }

    /**
     * Check the HTTP status, then SMSMessageData.Message, then each recipient (africas-talking.md §5.1). A 429 or
     * 408 is a request to slow down, after Retry-After (seconds, or an HTTP date) when the answer gives one.
     */
    static Result read(int status, Optional<String> retryAfter, Instant now, String body) {
        if (status == 429 || status == 408) {
            return new Throttled("http_" + status, retryAfter.flatMap(v -> retryAfter(v, now)).orElse(null));
        }
        if (status == 401) {
            return new Pause("authentication refused (HTTP 401)", "IJWI_AT_USERNAME and IJWI_AT_API_KEY");
        }
        if (status >= 500) {
            return new RetryAll("http_" + status);
        }
        if (status != 200 && status != 201) {
            return new FailAll("http_" + status);
        }
        JsonNode data;
        try {
            data = JSON.readTree(body).path("SMSMessageData");
        } catch (IOException e) {
            return new FailAll("unreadable_response"); // AT may have sent: never guess and send again
        }
        String message = data.path("Message").asText("");
        JsonNode recipients = data.path("Recipients");
        if (!recipients.isArray() || recipients.isEmpty()) {
            if (message.contains("InvalidSenderId")) {
                return new Pause("InvalidSenderId", "IJWI_AT_SENDER_ID");
            }
            return new RetryAll("no_recipients");
        }
        List<Recipient> out = new ArrayList<>();
        for (JsonNode r : recipients) {
            String word = r.path("status").asText("");
            int code = r.path("statusCode").asInt(-1);
            if (code == -1) {
                code = CODES.getOrDefault(word.toLowerCase(Locale.ROOT), -1);
            }
            String number = r.path("number").asText("");
            String name = word.isEmpty() ? "status_" + code : word;
            if (code >= 100 && code <= 102) {
                out.add(new Recipient(number, Verdict.ACCEPTED, r.path("messageId").asText(null),
                        r.path("cost").asText(null), null));
            } else if (code == 500 || code == 501) {
                out.add(new Recipient(number, Verdict.RETRY, null, null, code + " " + name));
            } else if (code == 405) {
                out.add(new Recipient(number, Verdict.NO_CREDIT, null, null, code + " " + name));
            } else if (code == 401) {
                out.add(new Recipient(number, Verdict.HELD, null, null, code + " " + name));
            } else {
                out.add(new Recipient(number, Verdict.FAILED, null, null, code + " " + name));
            }
        }
        return new PerRecipient(out);
    }

    /** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.strip();
        if (v.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
