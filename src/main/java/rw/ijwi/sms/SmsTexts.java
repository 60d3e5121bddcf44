package rw.ijwi.sms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import rw.ijwi.geo.Rwanda;
import rw.ijwi.gsm.Gsm7;
import rw.ijwi.config.MenuSource;

/**
 * The SMS replies of menus/sms.yaml, checked at start-up: every reply in every language, GSM-7 only, within one
 * SMS with the longest placeholder values, and neutral in wording (UnsafeWords). Knows nothing of who receives them.
 */
public final class SmsTexts {

    public static final String FILE = "sms.yaml";
    public static final List<String> REPLIES = List.of("help", "joined", "join_which", "vote", "comment",
            "how_to_vote", "closed", "received");
    public static final int MAX_SEPTETS = 160;

    /** Longest values a placeholder can take; campaign validation keeps labels and keywords within these. */
    public static final Map<String, Integer> PLACEHOLDER_LENGTH = Map.of(
            "district", 12, "keyword", 20, "choice", 30, "example", 24);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** sms.yaml cannot be used; the message lists every problem, one per line, naming reply and language. */
    public static final class Invalid extends RuntimeException {
        Invalid(String where, List<String> problems) {
            super("SMS replies in " + where + " have " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
    }

    private final Map<String, Map<String, String>> replies;

    private SmsTexts(Map<String, Map<String, String>> replies) {
        this.replies = replies;
    }

    public static SmsTexts load(MenuSource source) {
        String where = source.describe() + "/" + FILE;
        String yaml = source.read(FILE).orElseThrow(() -> new Invalid(where, List.of("the file is missing")));
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new Invalid(where, List.of("not valid YAML: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> replies = new LinkedHashMap<>();
        JsonNode node = root == null ? null : root.get("replies");
        if (node == null || !node.isObject()) {
            throw new Invalid(where, List.of("no 'replies' section"));
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!REPLIES.contains(name)) {
                problems.add("reply " + name + ": unknown reply (known: " + String.join(", ", REPLIES) + ")");
            }
        });
        for (String name : REPLIES) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String language : Rwanda.LANGUAGES) {
                JsonNode text = node.path(name).path(language);
                if (!text.isTextual() || text.asText().isBlank()) {
                    problems.add("reply " + name + " [" + language + "]: missing");
                    continue;
                }
                texts.put(language, text.asText());
                check(text.asText()).forEach(p -> problems.add("reply " + name + " [" + language + "]: " + p));
            }
            replies.put(name, Map.copyOf(texts));
        }
        if (!problems.isEmpty()) {
            throw new Invalid(where, problems);
        }
        return new SmsTexts(Map.copyOf(replies));
    }

    /** What is wrong with a reply text (empty when it is fine); also used for campaign replies. */
    public static List<String> check(String text) {
        List<String> problems = new ArrayList<>();
        int bad = Gsm7.firstUnencodable(text);
        if (bad >= 0) {
            problems.add("character '" + new String(Character.toChars(text.codePointAt(bad)))
                    + "' is not GSM-7 (use plain quotes and letters)");
        }
        UnsafeWords.find(text).ifPresent(word -> problems.add("the word '" + word + "' must never be sent by SMS"));
        Matcher placeholders = PLACEHOLDER.matcher(text);
        StringBuilder worst = new StringBuilder();
        while (placeholders.find()) {
            Integer length = PLACEHOLDER_LENGTH.get(placeholders.group(1));
            if (length == null) {
                problems.add("unknown placeholder {" + placeholders.group(1) + "}");
                length = 0;
            }
            placeholders.appendReplacement(worst, "x".repeat(length));
        }
        placeholders.appendTail(worst);
        if (bad < 0 && Gsm7.septets(worst.toString()) > MAX_SEPTETS) {
            problems.add(Gsm7.septets(worst.toString()) + " characters with the longest placeholder values, over "
                    + MAX_SEPTETS + " (one SMS)");
        }
        return problems;
    }

    public String text(String reply, String language, Map<String, String> values) {
        Map<String, String> texts = replies.get(reply);
        if (texts == null) {
            throw new IllegalArgumentException("no SMS reply named " + reply);
        }
        String text = texts.getOrDefault(language.toLowerCase(Locale.ROOT), texts.get("rw"));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
