package rw.ijwi.feedback;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Gives each page, export and API answer the figures of a period as its reader may see them. Counts are read
 * fresh every time; the suppression decided for identical counts is reused (it is a pure function of them).
 */
public final class Publisher {

    /** The exact tables a decision was made for: compared cell by cell, never by a hash alone. */
    private record Key(Period period, Set<String> ownDistricts, Tables tables) {
    }

    private record Tables(long[][][] grids) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Tables t && Arrays.deepEquals(grids, t.grids);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(grids);
        }

        @Override
        public String toString() {
            return "Tables";
        }
    }

    private final Aggregates aggregates;
    private final Suppression suppression;
    private final Cache<Key, LinkedTables.Result> decided = Caffeine.newBuilder().maximumSize(200)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    public Publisher(Aggregates aggregates, Suppression suppression) {
        this.aggregates = aggregates;
        this.suppression = suppression;
    }

    public Aggregates aggregates() {
        return aggregates;
    }

    public int suppressBelow() {
        return suppression.k();
    }

    public Figures figures(Period period, Reader reader) {
        Counts counts = aggregates.counts(period);
        if (reader.exactEverywhere()) {
            return new Figures(counts, reader, suppression, null);
        }
        Set<String> group = reader.ownDistricts().size() > 1 ? reader.ownDistricts() : Set.of();
        Key key = new Key(period, group, new Tables(Counts.PAIRS.stream().map(p -> counts.grids().get(p))
                .toArray(long[][][]::new)));
        LinkedTables.Result family = decided.get(key, k -> Figures.suppress(counts, reader, suppression));
        return new Figures(counts, reader, suppression, family);
    }
}
