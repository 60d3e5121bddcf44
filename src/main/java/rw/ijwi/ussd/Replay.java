package rw.ijwi.ussd;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a session's '*'-joined text into inputs and feeds them to the engine. Free text may itself hold
 * '*': within one hop the whole new input is the answer; when replaying a whole session, recorded spans say
 * where such answers start and end. Pure.
 */
public final class Replay {

    /** Where, in a session's text, a free-text answer containing '*' lies: [startOffset, endOffset). */
    public record Span(int startOffset, int endOffset) {
    }

    /** The state reached, and the free-text answers with '*' met on the way (to be recorded). */
    public record Result(SessionState state, List<Span> starredAnswers) {
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
                end = spans.stream().filter(s -> s.startOffset() == start).mapToInt(Span::endOffset)
                        .filter(e -> e <= text.length()).findFirst().orElse(oneHop ? text.length() : end);
                if (text.substring(pos, end).indexOf('*') >= 0) {
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
