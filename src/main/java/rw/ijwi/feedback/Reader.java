package rw.ijwi.feedback;

import java.util.Set;

/**
 * Who will see a set of figures, as far as suppression cares: whether every count may be exact, which
 * districts' counts this reader already knows exactly (a coordinator's own), and whether those are shown
 * exactly here (not in what leaves the system: briefs and CSV).
 */
public record Reader(boolean exactEverywhere, Set<String> ownDistricts, boolean ownExact) {

    public Reader {
        ownDistricts = Set.copyOf(ownDistricts);
    }

    /** Anyone outside: everything suppressed (viewers, and whatever leaves the system). */
    public static Reader outside() {
        return new Reader(false, Set.of(), false);
    }

    /** Everything suppressed, and protected also against what this reader knows of their own districts. */
    public Reader suppressedOnly() {
        return new Reader(false, ownDistricts, false);
    }

    public boolean exact(String district) {
        return exactEverywhere || (ownExact && district != null && ownDistricts.contains(district));
    }
}
