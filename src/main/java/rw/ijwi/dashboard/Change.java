package rw.ijwi.dashboard;

import java.util.List;
import java.util.OptionalLong;

import rw.ijwi.feedback.Figures.Count;
import rw.ijwi.feedback.Figures.State;

/**
 * A published figure set against an earlier one of the same length. The difference is given only when both sides
 * are exact: subtracting a range or a "&lt;k" would print a number the releases never published (and, for a small
 * count, could narrow it), so then both sides are shown as published and the change is said to be not exact.
 */
public record Change(Count before, Count now) {

    /** The difference now minus before, when both figures are exact; empty otherwise. */
    public OptionalLong difference() {
        return before.exact() && now.exact() ? OptionalLong.of(now.value() - before.value()) : OptionalLong.empty();
    }

    /**
     * Several published figures added up, as a quarter adds its months (docs/disclosure.md, section 9): exact when
     * every part is exact, else the range from the sum of the lowest to the sum of the highest values each part
     * allows ("&lt;k" counts as 0 to k-1). A sum of published bounds tells nothing the parts did not.
     */
    public static Count sum(List<Count> parts, int k) {
        long lo = 0;
        long hi = 0;
        boolean exact = true;
        for (Count c : parts) {
            long partLo = c.state() == State.SMALL ? 0 : c.lo();
            long partHi = c.state() == State.SMALL ? k - 1 : c.hi();
            lo += partLo;
            hi = hi == Count.OPEN || partHi == Count.OPEN ? Count.OPEN : hi + partHi;
            exact &= c.exact();
        }
        if (exact) {
            return Count.exact(lo);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Count(0, State.RANGE, lo, hi);
    }
}
