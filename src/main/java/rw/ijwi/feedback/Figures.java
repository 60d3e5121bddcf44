package rw.ijwi.feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import rw.ijwi.feedback.Suppression.State;

/**
 * The counts of a period as one reader may see them: exact where the reader may see exact numbers, otherwise
 * as the suppressed family decided. Every page, export and API answer reads its numbers from here.
 */
public final class Figures {

    /** One published count: its value is meaningful only when the state is EXACT. */
    public record Count(long value, State state) {
        public boolean exact() {
            return state == State.EXACT;
        }
    }

    private final Counts counts;
    private final Reader reader;
    private final Suppression suppression;
    private final LinkedTables.Result family;
    private final Map<String, State[]> sectorStates = new LinkedHashMap<>();

    Figures(Counts counts, Reader reader, Suppression suppression, LinkedTables.Result family) {
        this.counts = counts;
        this.reader = reader;
        this.suppression = suppression;
        this.family = family;
    }

    /** The suppressed family for these counts and this reader's own districts (null for exact readers). */
    static LinkedTables.Result suppress(Counts counts, Reader reader, Suppression suppression) {
        if (reader.exactEverywhere()) {
            return null;
        }
        Map<String, long[]> vectors = new LinkedHashMap<>();
        counts.vectors().forEach((d, v) -> {
            if (d != Dimension.SECTOR) {
                vectors.put(d.code(), v);
            }
        });
        Map<List<String>, long[][]> grids = new LinkedHashMap<>();
        counts.grids().forEach((pair, g) -> grids.put(List.of(pair.get(0).code(), pair.get(1).code()), g));
        List<String> districts = counts.values().get(Dimension.DISTRICT);
        List<Set<Integer>> insiders = new ArrayList<>(LinkedTables.eachAlone(districts.size()));
        if (reader.ownDistricts().size() > 1) {
            Set<Integer> own = new HashSet<>();
            reader.ownDistricts().forEach(d -> own.add(districts.indexOf(d)));
            own.remove(-1);
            insiders.add(own);
        }
        return new LinkedTables(suppression).suppress(vectors, grids, Map.of(Dimension.DISTRICT.code(), insiders));
    }

    public Counts counts() {
        return counts;
    }

    public int suppressBelow() {
        return suppression.k();
    }

    public String label(Count count) {
        return suppression.label(count.state(), count.value());
    }

    public Count total() {
        return new Count(counts.total(), reader.exactEverywhere() ? State.EXACT : family.total());
    }

    /** A count of a 1-D table. */
    public Count of(Dimension d, String value) {
        int i = counts.index(d, value);
        long v = counts.vectors().get(d)[i];
        boolean exact = reader.exactEverywhere() || (d == Dimension.DISTRICT && reader.exact(value));
        return new Count(v, exact ? State.EXACT : family.vectors().get(d.code())[i]);
    }

    /** A count of a published pair, in either order. */
    public Count of(Dimension a, String aValue, Dimension b, String bValue) {
        List<Dimension> pair = List.of(a, b);
        if (!counts.grids().containsKey(pair)) {
            return of(b, bValue, a, aValue);
        }
        int i = counts.index(a, aValue);
        int j = counts.index(b, bValue);
        long v = counts.grids().get(pair)[i][j];
        boolean exact = reader.exactEverywhere() || (a == Dimension.DISTRICT && reader.exact(aValue));
        return new Count(v, exact ? State.EXACT
                : family.grids().get(List.of(a.code(), b.code()))[i + 1][j + 1]);
    }

    /** A sector's count: a 1-D table within its district whose total is the district's count. */
    public Count sector(String district, String sector) {
        int s = counts.sectors().get(district).indexOf(sector);
        long v = counts.sectorCounts().get(district)[s];
        if (reader.exactEverywhere() || reader.exact(district)) {
            return new Count(v, State.EXACT);
        }
        State[] states = sectorStates.computeIfAbsent(district, d -> {
            long[] cells = counts.sectorCounts().get(d);
            boolean totalHidden = of(Dimension.DISTRICT, d).state() != State.EXACT;
            return suppression.vector(cells, LinkedTables.sum(cells), totalHidden, Set.of(), List.of()).cells();
        });
        return new Count(v, states[s]);
    }

    /** Whether a pair is published as a table. */
    public static boolean published(Dimension a, Dimension b) {
        return Counts.PAIRS.contains(List.of(a, b)) || Counts.PAIRS.contains(List.of(b, a));
    }
}
