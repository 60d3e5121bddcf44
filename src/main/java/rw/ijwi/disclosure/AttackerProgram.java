package rw.ijwi.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The linear program of an attacker who holds a release (and perhaps knows some atoms exactly, as a coordinator
 * knows their own district): atoms are non-negative; an exact figure is an equation, "&lt;k" bounds its sum to
 * 0..k-1, a hidden figure to k or more; ties are equations. Solving it for the smallest and largest value of a
 * figure gives what the attacker can learn of it. Atoms the attacker knows (an exact cell, an insider's own) are
 * constants, not variables, which keeps the program small. Pure: ojAlgo, no I/O.
 */
final class AttackerProgram {

    /** A point of the program (every atom's value), or none (atoms null) with the solver's state. */
    record Point(Optimisation.State state, double[] atoms) {
        boolean found() {
            return atoms != null;
        }

        double sum(int[] of) {
            double s = 0;
            for (int a : of) {
                s += atoms[a];
            }
            return s;
        }
    }

    /** Weights per unit of change of an exact figure in a repair. */
    interface Cost {
        double of(int figure);
    }

    private final Model model;
    private final Shown[] shown;
    private final int k;
    private final boolean[] known;

    AttackerProgram(Model model, Shown[] shown, int k, boolean[] known) {
        this.model = model;
        this.shown = shown;
        this.k = k;
        this.known = known;
    }

    /** The point that maximises (or minimises) the sum of objective[a] * atom a under the release. */
    Point optimise(double[] objective, boolean maximise) {
        Built lp = build(null);
        for (int a = 0; a < objective.length; a++) {
            if (objective[a] != 0 && lp.x[a] != null) {
                lp.x[a].weight(objective[a]);
            }
        }
        Optimisation.Result result = maximise ? lp.model.maximise() : lp.model.minimise();
        if (!result.getState().isFeasible() || result.getState() == Optimisation.State.UNBOUNDED) {
            return new Point(result.getState(), null);
        }
        return new Point(result.getState(), lp.values(result));
    }

    /**
     * The cheapest way to let a figure reach a value: exact figures marked hideable get slack (each unit costs
     * cost.of(f)) and are held at k or more; the target figure must reach at least (or at most) the bound. Returns
     * the figures that had to move, or null when no choice of hidden figures lets the target get there.
     */
    int[] repair(int target, double bound, boolean atLeast, boolean[] hideable, Cost cost) {
        Built lp = build(hideable);
        for (int f = 0; f < lp.up.length; f++) {
            if (lp.up[f] != null) {
                lp.up[f].weight(cost.of(f));
                lp.down[f].weight(cost.of(f));
            }
        }
        Expression goal = lp.model.addExpression("target");
        double constant = 0;
        for (int a : model.figure(target).atoms()) {
            if (lp.x[a] == null) {
                constant += lp.fixed[a];
            } else {
                goal.set(lp.x[a], 1);
            }
        }
        if (atLeast) {
            goal.lower(bound - constant);
        } else {
            goal.upper(bound - constant);
        }
        Optimisation.Result result = lp.model.minimise();
        if (!result.getState().isFeasible()) {
            return null;
        }
        Map<Variable, Integer> position = new IdentityHashMap<>();
        List<Variable> all = lp.model.getVariables();
        for (int i = 0; i < all.size(); i++) {
            position.put(all.get(i), i);
        }
        List<Integer> moved = new ArrayList<>();
        for (int f = 0; f < lp.up.length; f++) {
            if (lp.up[f] != null && (result.doubleValue(position.get(lp.up[f])) > 1e-6
                    || result.doubleValue(position.get(lp.down[f])) > 1e-6)) {
                moved.add(f);
            }
        }
        return moved.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The program as ojAlgo holds it, with the atoms that are constants and their values. */
    private record Built(ExpressionsBasedModel model, Variable[] x, int[] order, double[] fixed, Variable[] up,
            Variable[] down) {
        /** Every atom's value at the solution: constants as they are, variables as solved. */
        double[] values(Optimisation.Result result) {
            double[] values = fixed.clone();
            for (int a = 0; a < x.length; a++) {
                if (x[a] != null) {
                    values[a] = result.doubleValue(order[a]);
                }
            }
            return values;
        }
    }

    private Built build(boolean[] hideable) {
        int n = model.atoms();
        double[] fixed = new double[n];
        boolean[] constant = new boolean[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
        for (int a = 0; a < n; a++) {
            if (known[a]) {
                constant[a] = true;
                fixed[a] = model.atom(a);
            }
        }
        // Single-atom figures are bounds; an exact one makes its atom a constant (unless it may be hidden).
        for (int f = 0; f < shown.length; f++) {
            int[] atoms = model.figure(f).atoms();
            if (atoms.length != 1 || constant[atoms[0]]) {
                continue;
            }
            int a = atoms[0];
            boolean loose = hideable != null && hideable[f] && shown[f] == Shown.EXACT;
            if (loose) {
                continue;
            }
            switch (shown[f]) {
                case EXACT -> {
                    constant[a] = true;
                    fixed[a] = model.atom(a);
                }
                case SMALL -> upper[a] = Math.min(upper[a], k - 1);
                case HIDDEN -> lower[a] = Math.max(lower[a], k);
            }
        }
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        Variable[] x = new Variable[n];
        int[] order = new int[n];
        int count = 0;
        for (int a = 0; a < n; a++) {
            if (constant[a]) {
                continue;
            }
            x[a] = lp.addVariable("a" + a).lower(BigDecimal.valueOf(lower[a]));
            if (upper[a] < Double.POSITIVE_INFINITY) {
                x[a].upper(BigDecimal.valueOf(upper[a]));
            }
            order[a] = count++;
        }
        Variable[] up = new Variable[shown.length];
        Variable[] down = new Variable[shown.length];
        for (int f = 0; f < shown.length; f++) {
            int[] atoms = model.figure(f).atoms();
            boolean loose = hideable != null && hideable[f] && shown[f] == Shown.EXACT;
            if (atoms.length == 1 && !loose) {
                continue;
            }
            double rest = 0;
            List<Integer> free = new ArrayList<>();
            for (int a : atoms) {
                if (constant[a]) {
                    rest += fixed[a];
                } else {
                    free.add(a);
                }
            }
            if (free.isEmpty()) {
                continue;
            }
            Expression e = lp.addExpression("f" + f);
            for (int a : free) {
                e.set(x[a], 1);
            }
            long value = model.value(f);
            if (loose) {
                up[f] = lp.addVariable("up" + f).lower(BigDecimal.ZERO);
                down[f] = lp.addVariable("down" + f).lower(BigDecimal.ZERO).upper(BigDecimal.valueOf(value - k));
                e.set(up[f], -1);
                e.set(down[f], 1);
                e.level(BigDecimal.valueOf(value - rest));
                continue;
            }
            switch (shown[f]) {
                case EXACT -> e.level(BigDecimal.valueOf(value - rest));
                case SMALL -> e.lower(BigDecimal.valueOf(-rest)).upper(BigDecimal.valueOf(k - 1 - rest));
                case HIDDEN -> e.lower(BigDecimal.valueOf(k - rest));
            }
        }
        int t = 0;
        for (Model.Tie tie : model.ties()) {
            double rest = 0;
            Expression e = null;
            for (int side = 0; side < 2; side++) {
                int sign = side == 0 ? 1 : -1;
                for (int a : side == 0 ? tie.left() : tie.right()) {
                    if (constant[a]) {
                        rest += sign * fixed[a];
                    } else {
                        if (e == null) {
                            e = lp.addExpression("t" + t);
                        }
                        e.add(x[a], (long) sign);
                    }
                }
            }
            if (e != null) {
                e.level(BigDecimal.valueOf(-rest));
            }
            t++;
        }
        return new Built(lp, x, order, fixed, up, down);
    }
}
