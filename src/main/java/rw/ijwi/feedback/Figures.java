package rw.ijwi.feedback;

import java.util.List;

/**
 * The counts of a period as one reader may see them. Every page, export and API answer reads its numbers from
 * here: {@link ExactFigures} for readers who see exact counts, a release (rw.ijwi.disclosure) for everyone else.
 */
public interface Figures {

    /** How a count is shown: the number, "&lt;k" (0 to k-1), or a range lo..hi (hi may be open). */
    enum State { EXACT, SMALL, RANGE }

    /** One published count: value is meaningful when exact; lo and hi bound it otherwise. */
    record Count(long value, State state, long lo, long hi) {
        public static final long OPEN = Long.MAX_VALUE;

        public static Count exact(long value) {
            return new Count(value, State.EXACT, value, value);
        }

        public boolean exact() {
            return state == State.EXACT;
        }
    }

    Count total();

    /** A count of one dimension's value (month values are "2026-10"). */
    Count of(Dimension d, String value);

    /** A count of a published pair, in either order. */
    Count of(Dimension a, String aValue, Dimension b, String bValue);

    /** A sector's count within its district. */
    Count sector(String district, String sector);

    /** The values a dimension takes in these figures, in order (zeros included). */
    List<String> values(Dimension d);

    /** A district's sectors, "unknown" last. */
    List<String> sectors(String district);

    int suppressBelow();

    /** The number, "&lt;k", or the range ("12-17", "9+"). */
    default String label(Count count) {
        return switch (count.state()) {
            case EXACT -> Long.toString(count.value());
            case SMALL -> "<" + suppressBelow();
            case RANGE -> count.hi() == Count.OPEN ? count.lo() + "+" : count.lo() + "-" + count.hi();
        };
    }

    /** As a page prints it: thousands separated. */
    default String shown(Count count) {
        return count.exact() ? String.format("%,d", count.value()) : label(count);
    }
}
