package rw.ijwi.disclosure;

import java.math.BigDecimal;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An attacker written apart from the code under test: whole-number atoms, a constraint per published figure read
 * from its published form only (a number, "<k" as 0..k-1, a range lo..hi), and the smallest and largest whole
 * value a figure can take. Slow (an integer program per question), for small models in tests.
 */
final class IntegerAttacker {

    /** A published figure as the attacker reads it: the atoms it sums and its bounds (hi < 0: no upper bound). */
    record Seen(int[] atoms, long lo, long hi) {
    }

    private final int atoms;
    private final List<Seen> seen;
    private final List<int[][]> ties;
    private final long[] knownValues;

    IntegerAttacker(int atoms, List<Seen> seen, List<int[][]> ties, long[] knownValues) {
        this.atoms = atoms;
        this.seen = seen;
        this.ties = ties;
        this.knownValues = knownValues;
    }

    /** The smallest (or largest) whole value the sum of these atoms can take. */
    long bound(int[] of, boolean largest) {
        ExpressionsBasedModel ip = new ExpressionsBasedModel();
        Variable[] x = new Variable[atoms];
        for (int a = 0; a < atoms; a++) {
            x[a] = ip.addVariable("a" + a).lower(BigDecimal.ZERO).integer(true);
            if (knownValues != null && knownValues[a] >= 0) {
                x[a].level(BigDecimal.valueOf(knownValues[a]));
            }
        }
        int i = 0;
        for (Seen s : seen) {
            Expression e = ip.addExpression("s" + i++);
            for (int a : s.atoms()) {
                e.set(x[a], 1);
            }
            e.lower(BigDecimal.valueOf(s.lo()));
            if (s.hi() >= 0) {
                e.upper(BigDecimal.valueOf(s.hi()));
            }
        }
        for (int[][] tie : ties) {
            Expression e = ip.addExpression("t" + i++);
            for (int a : tie[0]) {
                e.add(x[a], 1L);
            }
            for (int a : tie[1]) {
                e.add(x[a], -1L);
            }
            e.level(BigDecimal.ZERO);
        }
        for (int a : of) {
            x[a].weight(1);
        }
        Optimisation.Result r = largest ? ip.maximise() : ip.minimise();
        if (!r.getState().isFeasible()) {
            throw new AssertionError("the published figures admit no set of reports: " + r.getState());
        }
        return Math.round(r.getValue());
    }

    /** Reads a release as published. */
    static IntegerAttacker of(Model model, Protector.Release release, long[] known) {
        List<Seen> seen = new java.util.ArrayList<>();
        for (Model.Figure f : model.figures()) {
            Protector.Published p = release.figures().get(f.key());
            seen.add(new Seen(f.atoms(), p.lo(), p.hi() == Protector.Published.NO_LIMIT ? -1 : p.hi()));
        }
        List<int[][]> ties = model.ties().stream().map(t -> new int[][] {t.left(), t.right()}).toList();
        return new IntegerAttacker(model.atoms(), seen, ties, known);
    }
}
