package rw.ijwi.radio;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import rw.ijwi.sms.keywords.Words;

/** A radio poll as stored: where and when it runs, its keyword, question and coded options, its own replies. */
public record Campaign(long id, String name, String station, String show, String keyword,
        Map<String, String> question, List<Option> options, Map<String, Map<String, String>> replies,
        Instant opensAt, Instant closesAt) {

    /** One answer: its code (A, B, 1...), its label in each language, and other words that mean it. */
    public record Option(String code, Map<String, String> labels, List<String> aliases) {

        boolean means(String normalisedWord) {
            return Words.normalise(code).equals(normalisedWord)
                    || aliases.stream().anyMatch(a -> Words.normalise(a).equals(normalisedWord));
        }
    }

    public boolean onAir(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public Optional<Option> option(String word) {
        String normal = Words.normalise(word);
        return options.stream().filter(o -> o.means(normal)).findFirst();
    }
}
