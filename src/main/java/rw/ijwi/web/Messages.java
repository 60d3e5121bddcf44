package rw.ijwi.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import rw.ijwi.geo.Rwanda;

/**
 * The dashboard's words in Kinyarwanda, English and French, from messages/dashboard.yaml: every key must have all
 * three (start-up fails naming the key and the language otherwise). A key missing altogether shows as the key
 * itself, so it is noticed, never an error page.
 */
public final class Messages {


    private final Map<String, Map<String, String>> texts;

    public Messages(Map<String, Map<String, String>> texts) {
        // Unmodifiable but in file order, so lists kept in the file (review codes) keep their order.
        this.texts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    public static Messages load() {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream("messages/dashboard.yaml")) {
            if (in == null) {
                throw new IllegalStateException("messages/dashboard.yaml is missing from the classpath");
            }
            return parse(in, "messages/dashboard.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read messages/dashboard.yaml", e);
        }
    }

    /** Reads a messages file, failing on the first key that lacks one of the languages (named with the file). */
    static Messages parse(InputStream in, String source) throws IOException {
        Map<String, Map<String, String>> map = new ObjectMapper(new YAMLFactory())
                .readValue(in, new TypeReference<LinkedHashMap<String, Map<String, String>>>() { });
        for (var entry : map.entrySet()) {
            for (String language : Rwanda.LANGUAGES) {
                String text = entry.getValue() == null ? null : entry.getValue().get(language);
                if (text == null || text.isBlank()) {
                    throw new IllegalStateException(source + ": " + entry.getKey() + " has no " + language + " text");
                }
            }
        }
        return new Messages(map);
    }

    public String get(String language, String key) {
        Map<String, String> text = texts.get(key);
        if (text == null) {
            return key;
        }
        return text.getOrDefault(language, text.getOrDefault("en", key));
    }

    /** The keys that start with the prefix, in file order, e.g. the review codes ("code_..."). */
    public List<String> keysStartingWith(String prefix) {
        return texts.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** The Kinyarwanda text of a key, shown beside the English or French of a few terms. */
    public String kinyarwanda(String key) {
        Map<String, String> text = texts.get(key);
        return text == null ? null : text.get("rw");
    }

    /** The categories a comment or an SMS can be coded into: the keys code_* of the message file, in order. */
    public java.util.List<String> codes() {
        return keysStartingWith("code_").stream().map(k -> k.substring("code_".length())).toList();
    }

    /** The words of one language, for templates. */
    public Words in(String language) {
        return new Words(this, Rwanda.LANGUAGES.contains(language) ? language : "en");
    }

    /** The dashboard's words in one language: {@code w.t("overview")}. */
    public record Words(Messages messages, String language) {
        public String t(String key) {
            return messages.get(language, key);
        }

        /** The text with its Kinyarwanda label, e.g. "District (Akarere)"; in Kinyarwanda just "Akarere". */
        public String tk(String key) {
            String rw = messages.kinyarwanda(key);
            String text = t(key);
            return rw == null || "rw".equals(language) || rw.equalsIgnoreCase(text) ? text : text + " (" + rw + ")";
        }
    }
}
