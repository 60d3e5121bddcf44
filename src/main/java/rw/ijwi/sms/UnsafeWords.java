package rw.ijwi.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The words no SMS may carry (messages/unsafe_words.yaml), found ignoring case and accents. */
public final class UnsafeWords {

    public static final String FILE = "messages/unsafe_words.yaml";
    private static final Pattern PATTERN = load();

    private UnsafeWords() {
    }

    /** The first unsafe word or phrase in the text, as it is written there, if any. */
    public static Optional<String> find(String text) {
        Matcher m = PATTERN.matcher(plain(text));
        return m.find() ? Optional.of(text.substring(m.start(), m.end())) : Optional.empty();
    }

    /** The text with accents dropped character by character, so positions in it are positions in the text. */
    private static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            String bare = Normalizer.normalize(String.valueOf(text.charAt(i)), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            out.append(bare.length() == 1 ? bare.charAt(0) : text.charAt(i));
        }
        return out.toString();
    }

    private static Pattern load() {
        try (InputStream in = UnsafeWords.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            Map<String, List<String>> lists = new ObjectMapper(new YAMLFactory())
                    .readValue(in, new TypeReference<Map<String, List<String>>>() { });
            List<String> words = new ArrayList<>();
            lists.values().forEach(words::addAll);
            if (words.isEmpty()) {
                throw new IllegalStateException(FILE + " lists no words");
            }
            return Pattern.compile("(?<![\\w])(" + String.join("|", words.stream().map(UnsafeWords::plain).toList())
                    + ")(?![\\w])", Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }
}
