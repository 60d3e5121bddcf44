package rw.ijwi.radio;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.BadRequestResponse;

import rw.ijwi.geo.Rwanda;
import rw.ijwi.sms.SmsTexts;
import rw.ijwi.sms.keywords.Words;

/**
 * A new campaign as a coordinator sent it, read strictly: every problem is a 400 with one line that names the
 * field. Knows nothing of storage.
 */
public record CampaignRequest(String name, String station, String show, String keyword, Map<String, String> question,
        List<Campaign.Option> options, Map<String, Map<String, String>> replies, Instant opensAt, Instant closesAt) {

    static final Set<String> FIELDS = Set.of("name", "station", "show", "keyword", "question", "options", "replies",
            "opensAt", "closesAt");
    static final Set<String> OWN_REPLIES = Set.of("vote", "comment", "closed", "how_to_vote");
    static final int MAX_LABEL = SmsTexts.PLACEHOLDER_LENGTH.get("choice");

    public static CampaignRequest parse(JsonNode body, Predicate<String> reservedKeyword) {
        if (body == null || !body.isObject()) {
            throw bad("expected a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw bad("unknown field " + name);
            }
        }
        String keyword = Words.normalise(text(body, "keyword", 20, true));
        if (!keyword.matches("[A-Z0-9]{2,20}")) {
            throw bad("keyword must be 2 to 20 letters or digits");
        }
        if (reservedKeyword.test(keyword)) {
            throw bad("keyword " + keyword + " is (or is one letter from) a reserved SMS keyword");
        }
        Instant opensAt = instant(body, "opensAt");
        Instant closesAt = instant(body, "closesAt");
        if (!closesAt.isAfter(opensAt)) {
            throw bad("closesAt must be after opensAt");
        }
        return new CampaignRequest(text(body, "name", 120, true), text(body, "station", 120, true),
                body.has("show") && !body.get("show").isNull() ? text(body, "show", 120, false) : null, keyword,
                languages(body.get("question"), "question", 300), options(body.get("options"), keyword),
                replies(body.get("replies")), opensAt, closesAt);
    }

    private static List<Campaign.Option> options(JsonNode node, String keyword) {
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > 9) {
            throw bad("options must be a list of 2 to 9 options");
        }
        List<Campaign.Option> options = new ArrayList<>();
        Set<String> words = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode option = node.get(i);
            String where = "options[" + i + "]";
            if (!option.isObject()) {
                throw bad(where + " must be an object");
            }
            String code = Words.normalise(text(option, "code", 3, true, where));
            if (!code.matches("[A-Z0-9]{1,3}")) {
                throw bad(where + ".code must be 1 to 3 letters or digits");
            }
            requireNew(words, code, where + ".code", keyword);
            Map<String, String> labels = languages(option.get("labels"), where + ".labels", MAX_LABEL);
            List<String> aliases = new ArrayList<>();
            JsonNode list = option.get("aliases");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw bad(where + ".aliases must be a list of words");
                }
                for (JsonNode alias : list) {
                    String word = alias.isTextual() ? alias.asText().strip() : "";
                    String normal = Words.normalise(word);
                    if (!normal.matches("[A-Z0-9]{1,20}")) {
                        throw bad(where + ".aliases: '" + word + "' is not a single word of letters or digits");
                    }
                    requireNew(words, normal, where + ".aliases", keyword);
                    aliases.add(word);
                }
            }
            options.add(new Campaign.Option(code, labels, List.copyOf(aliases)));
        }
        return List.copyOf(options);
    }

    private static void requireNew(Set<String> words, String word, String where, String keyword) {
        if (word.equals(keyword) || !words.add(word)) {
            throw bad(where + ": '" + word + "' already means something else in this campaign");
        }
    }

    private static Map<String, Map<String, String>> replies(JsonNode node) {
        Map<String, Map<String, String>> replies = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return replies;
        }
        if (!node.isObject()) {
            throw bad("replies must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!OWN_REPLIES.contains(name)) {
                throw bad("replies." + name + " is not a campaign reply (" + String.join(", ", OWN_REPLIES.stream()
                        .sorted().toList()) + ")");
            }
            Map<String, String> texts = languages(node.get(name), "replies." + name, 160);
            for (Map.Entry<String, String> text : texts.entrySet()) {
                List<String> problems = SmsTexts.check(text.getValue());
                if (!problems.isEmpty()) {
                    throw bad("replies." + name + "." + text.getKey() + ": " + problems.get(0));
                }
            }
            replies.put(name, texts);
        }
        return replies;
    }

    private static Map<String, String> languages(JsonNode node, String where, int max) {
        if (node == null || !node.isObject()) {
            throw bad(where + " must be an object with rw, en and fr");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Rwanda.LANGUAGES.contains(name)) {
                throw bad(where + "." + name + " is not a language (rw, en, fr)");
            }
        }
        for (String language : Rwanda.LANGUAGES) {
            texts.put(language, text(node, language, max, true, where));
        }
        return java.util.Collections.unmodifiableMap(texts);
    }

    private static String text(JsonNode node, String field, int max, boolean required) {
        return text(node, field, max, required, null);
    }

    private static String text(JsonNode node, String field, int max, boolean required, String where) {
        String name = where == null ? field : where + "." + field;
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw bad("missing field " + name);
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw bad(name + " must be a non-empty string");
        }
        String text = value.asText().strip();
        if (text.length() > max) {
            throw bad(name + " is longer than " + max + " characters");
        }
        if (text.chars().anyMatch(c -> c < 0x20)) {
            throw bad(name + " contains a control character");
        }
        return text;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field, 40, true);
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(field + " must be a date-time with offset, such as 2026-12-01T17:00:00Z");
        }
    }

    private static BadRequestResponse bad(String reason) {
        return new BadRequestResponse(reason);
    }
}
