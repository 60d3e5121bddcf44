package rw.ijwi.sms.keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what an inbound SMS is from its first word: one of the wired keywords (in the language of the word
 * used), a campaign keyword, a lone word that may be a vote, or the inbox. Exact words win over typos; a typo
 * that could mean two things means nothing.
 */
public final class KeywordRouter {

    /** Where a message goes. */
    public sealed interface Route permits ToKeyword, ToCampaign, BareWord, ToInbox {
    }

    public record ToKeyword(Keyword keyword, String language, String rest) implements Route {
    }

    public record ToCampaign(String keyword, String rest) implements Route {
    }

    public record BareWord(String word) implements Route {
    }

    public record ToInbox() implements Route {
    }

    private record Word(String word, Keyword keyword, String language) {
    }

    private final List<Word> words;

    public KeywordRouter(List<Keyword> keywords) {
        List<Word> all = new ArrayList<>();
        for (Keyword keyword : keywords) {
            for (Map.Entry<String, List<String>> entry : keyword.words().entrySet()) {
                for (String word : entry.getValue()) {
                    String normal = Words.normalise(word);
                    for (Word other : all) {
                        if (other.word().equals(normal)) {
                            throw new IllegalArgumentException("keyword word " + normal + " is wired twice");
                        }
                    }
                    all.add(new Word(normal, keyword, entry.getKey()));
                }
            }
        }
        this.words = List.copyOf(all);
    }

    /** True when a campaign may not use this word: it is, or is one typo from, a wired keyword. */
    public boolean reserved(String word) {
        String normal = Words.normalise(word);
        return words.stream().anyMatch(w -> Words.matches(normal, w.word()) || Words.matches(w.word(), normal));
    }

    public Route route(String text, Set<String> campaignKeywords) {
        String[] split = Words.firstAndRest(text);
        String first = Words.normalise(split[0]);
        String rest = split[1];
        if (first.isEmpty()) {
            return new ToInbox();
        }
        for (Word w : words) {
            if (w.word().equals(first)) {
                return new ToKeyword(w.keyword(), w.language(), rest);
            }
        }
        if (campaignKeywords.contains(first)) {
            return new ToCampaign(first, rest);
        }
        List<Route> near = new ArrayList<>();
        List<Object> targets = new ArrayList<>();
        for (Word w : words) {
            if (Words.matches(first, w.word()) && !targets.contains(w.keyword())) {
                targets.add(w.keyword());
                near.add(new ToKeyword(w.keyword(), w.language(), rest));
            }
        }
        for (String keyword : campaignKeywords) {
            if (Words.matches(first, keyword)) {
                targets.add(keyword);
                near.add(new ToCampaign(keyword, rest));
            }
        }
        if (near.size() == 1) {
            return near.get(0);
        }
        if (near.isEmpty() && rest.isEmpty()) {
            return new BareWord(first);
        }
        return new ToInbox();
    }
}
