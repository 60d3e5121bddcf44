package rw.ijwi.ussd;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a session's '*'-joined text into inputs and feeds them to the engine. Free text may itself hold
 * '*': within one hop the whole new input is the answer; when replaying a whole session, recorded spans say
 * where such answers start and end. A span that ends where it starts ({@link Span#pending()}) marks where a free-text screen
 * was shown and not yet answered: an answer found there is the hop now being answered (an AT retry after a
 * crash, on a server that never handled it), so it takes the rest of the text, stars and all. Pure.
 */
public final class Replay {

    /** Where, in a session's text, a free-text answer lies: [startOffset, endOffset). */
    public record Span(int startOffset, int endOffset) {

        /** A free-text screen shown there and not yet answered (empty answers are never recorded). */
        public static Span pending(int startOffset) {
            return new Span(startOffset, startOffset);
        }

        public boolean isPending() {
            return endOffset == startOffset;
        }
    }

    /** The state reached, and the free-text answers met on the way that had no recorded span (to be recorded). */
    public record Result(SessionState state, List<Span> freeTextAnswers) {
    }

    private Replay() {
    }

    /**
     * Applies the inputs in text from offset `from` on. With oneHop, the text from `from` is what the person
     * typed in one hop, so a free-text screen takes all of it.
     */
    public static Result advance(Engine engine, SessionState state, String text, int from, List<Span> spans,
            boolean oneHop) {

        List<Span> starred = new ArrayList<>();
        if (text.isEmpty() || from > text.length()) {
            return new Result(state, starred);
        }
        int pos = from;
        while (pos <= text.length() && !engine.isEnded(state)) {
            int end = nextStar(text, pos);
            if (engine.awaitsFreeText(state)) {
                int start = pos;
                java.util.OptionalInt recorded = spans.stream().filter(s -> s.startOffset() == start)
                        .mapToInt(s -> s.isPending() ? text.length() : s.endOffset())
                        .filter(e -> e <= text.length()).findFirst();
                boolean pending = spans.stream().anyMatch(s -> s.startOffset() == start && s.isPending());
                end = recorded.orElse(oneHop ? text.length() : end);
                if ((recorded.isEmpty() || pending) && end > pos) {
                    starred.add(new Span(pos, end));
                }
            }
            state = engine.apply(state, text.substring(pos, end));
            pos = end + 1;
        }
        return new Result(state, starred);
    }

    private static int nextStar(String text, int from) {
        int star = text.indexOf('*', from);
        return star < 0 ? text.length() : star;
    }
}
