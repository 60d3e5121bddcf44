package rw.ijwi.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one release publishes, as an attacker would write it down: unknown non-negative whole counts (atoms, the
 * finest cells of the month), each published figure a sum of atoms, and ties, sums the attacker knows are equal
 * without being told their value (a district's reports by service and by gap are the same reports). Knows nothing
 * of SQL, HTTP or who asks; the true values are here so that a release can be chosen and audited.
 */
public final class Model {

    /** A published figure: its key (as pages and the API name it) and the atoms it adds up. */
    public record Figure(String key, int[] atoms) {
    }

    /** Two sums of atoms known to be equal. */
    public record Tie(int[] left, int[] right) {
    }

    private final long[] atoms;
    private final List<Figure> figures;
    private final List<Tie> ties;
    private final Map<String, Integer> index = new LinkedHashMap<>();

    public Model(long[] atoms, List<Figure> figures, List<Tie> ties) {
        this.atoms = atoms.clone();
        this.figures = List.copyOf(figures);
        this.ties = List.copyOf(ties);
        for (int f = 0; f < this.figures.size(); f++) {
            if (index.put(this.figures.get(f).key(), f) != null) {
                throw new IllegalArgumentException("figure " + this.figures.get(f).key() + " given twice");
            }
        }
    }

    public int atoms() {
        return atoms.length;
    }

    public long atom(int a) {
        return atoms[a];
    }

    public List<Figure> figures() {
        return figures;
    }

    public List<Tie> ties() {
        return ties;
    }

    public Figure figure(int f) {
        return figures.get(f);
    }

    /** The figure's index, or -1. */
    public int indexOf(String key) {
        return index.getOrDefault(key, -1);
    }

    /** The true value of a figure. */
    public long value(int f) {
        return sum(figures.get(f).atoms());
    }

    long sum(int[] of) {
        long s = 0;
        for (int a : of) {
            s += atoms[a];
        }
        return s;
    }

    /** Builds a model figure by figure; atoms are added as they are first needed. */
    public static final class Builder {
        private final List<Long> atoms = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<Tie> ties = new ArrayList<>();

        /** A new atom holding this true count; returns its index. */
        public int atom(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("a count is never negative: " + value);
            }
            atoms.add(value);
            return atoms.size() - 1;
        }

        public Builder figure(String key, int... of) {
            figures.add(new Figure(key, of.clone()));
            return this;
        }

        public Builder tie(int[] left, int[] right) {
            ties.add(new Tie(left.clone(), right.clone()));
            return this;
        }

        public Model build() {
            return new Model(atoms.stream().mapToLong(Long::longValue).toArray(), figures, ties);
        }
    }
}
