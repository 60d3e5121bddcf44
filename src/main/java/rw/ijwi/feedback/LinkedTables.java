package rw.ijwi.feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import rw.ijwi.feedback.Suppression.State;
import rw.ijwi.feedback.Suppression.Vector;

/**
 * A family of tables published from the same reports (1-D tables per dimension and 2-D tables per pair),
 * suppressed together so that they agree: a total one table hides is hidden in every table that shows it.
 * Repeats until no table needs a total hidden that another still shows (monotone, so it ends).
 */
public final class LinkedTables {

    /** The suppressed family: a state per 1-D cell, for the grand total, and per augmented 2-D cell. */
    public record Result(Map<String, State[]> vectors, State total, Map<List<String>, State[][]> grids) {
    }

    private final Suppression suppression;

    public LinkedTables(Suppression suppression) {
        this.suppression = suppression;
    }

    /**
     * @param vectors  the 1-D counts per dimension (every dimension sums to the same total)
     * @param grids    the 2-D counts per pair of dimensions [rowDimension, columnDimension]
     * @param insiders per dimension, groups of its values (indexes) some reader knows exactly; a grid takes the
     *                 insiders of its row dimension
     */
    public Result suppress(Map<String, long[]> vectors, Map<List<String>, long[][]> grids,
            Map<String, List<Set<Integer>>> insiders) {
        long total = vectors.values().stream().findFirst().map(LinkedTables::sum).orElse(0L);
        boolean totalHidden = suppression.totalHidden(total);
        Map<String, Set<Integer>> forced = new LinkedHashMap<>();
        vectors.keySet().forEach(d -> forced.put(d, new HashSet<>()));
        while (true) {
            boolean changed = false;
            Map<String, Vector> decided = new LinkedHashMap<>();
            for (var entry : vectors.entrySet()) {
                Vector v = suppression.vector(entry.getValue(), total, totalHidden, forced.get(entry.getKey()),
                        insiders.getOrDefault(entry.getKey(), List.of()));
                decided.put(entry.getKey(), v);
                changed |= absorb(v.cells(), forced.get(entry.getKey()));
                if (v.total() != State.EXACT && !totalHidden) {
                    totalHidden = true;
                    changed = true;
                }
            }
            if (changed) {
                continue;
            }
            Map<List<String>, State[][]> decidedGrids = new LinkedHashMap<>();
            for (var entry : grids.entrySet()) {
                String rowDim = entry.getKey().get(0);
                String colDim = entry.getKey().get(1);
                State[][] g = suppression.grid(entry.getValue(), decided.get(rowDim), decided.get(colDim),
                        insiders.getOrDefault(rowDim, List.of()));
                decidedGrids.put(entry.getKey(), g);
                State[] rowTotals = new State[g.length - 1];
                for (int i = 1; i < g.length; i++) {
                    rowTotals[i - 1] = g[i][0];
                }
                changed |= absorb(rowTotals, forced.get(rowDim));
                changed |= absorb(java.util.Arrays.copyOfRange(g[0], 1, g[0].length), forced.get(colDim));
                if (g[0][0] != State.EXACT && !totalHidden) {
                    totalHidden = true;
                    changed = true;
                }
            }
            if (!changed) {
                Map<String, State[]> states = new LinkedHashMap<>();
                decided.forEach((d, v) -> states.put(d, v.cells()));
                return new Result(states, totalHidden && total > 0 ? state(total) : State.EXACT, decidedGrids);
            }
        }
    }

    private State state(long value) {
        return value < suppression.k() ? State.SMALL : State.HIDDEN;
    }

    private static boolean absorb(State[] states, Set<Integer> forced) {
        boolean added = false;
        for (int i = 0; i < states.length; i++) {
            if (states[i] != State.EXACT) {
                added |= forced.add(i);
            }
        }
        return added;
    }

    static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    /** One group per value: for a dimension whose values each have a coordinator (districts). */
    public static List<Set<Integer>> eachAlone(int size) {
        List<Set<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            groups.add(Set.of(i));
        }
        return groups;
    }
}
