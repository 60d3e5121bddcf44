package rw.ijwi.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proves a release safe: for every small count (1 to k-1) shown as "&lt;k", and every reader (the public, and each
 * coordinator who knows their own districts exactly), the attacker's linear program must still allow the count to
 * be as low as 1 and as high as k-1 (for an insider: as high as the "&lt;k" labels let it be, see {@link #ceiling}).
 * A point of the program that reaches a bound is the proof; one program pushing many counts at once proves most of
 * them, and the rest are solved one by one. What cannot reach a bound
 * is a finding.
 */
public final class Audit {

    private static final double EPS = 1e-6;

    /** A reader of a release: who they are and which atoms they know exactly (none for the public). */
    public record View(String name, boolean[] known) {
    }

    /** A small figure one view narrows: the side (upper: cannot reach k-1; lower: cannot reach 1). */
    public record Finding(int figure, View view, boolean upper, double goal, double reached) {
    }

    /** What an audit did and found. */
    public record Result(int primaries, int views, int programs, List<Finding> findings) {
        public boolean passed() {
            return findings.isEmpty();
        }
    }

    private Audit() {
    }

    /** The small counts of a model: figures whose true value is from 1 to k-1. */
    public static List<Integer> primaries(Model model, int k) {
        List<Integer> small = new ArrayList<>();
        for (int f = 0; f < model.figures().size(); f++) {
            long v = model.value(f);
            if (v >= 1 && v < k) {
                small.add(f);
            }
        }
        return small;
    }

    /** Fixes a finding (by hiding more figures) as soon as it is found; returns false when it cannot. */
    interface Repairer {
        boolean repair(Finding finding);
    }

    public static Result run(Model model, Shown[] shown, int k, List<View> views) {
        return run(model, shown, k, views, null);
    }

    /**
     * Audits every view in turn. With a repairer, each finding is repaired where it is found and counts as proven:
     * a repair only hides figures, which loosens every view's program, so what an earlier view proved still holds
     * and one pass proves the whole release. Points found along the way are kept: a point that leaves a view's
     * known atoms at their true values proves, in that view too, every bound it reaches.
     */
    static Result run(Model model, Shown[] shown, int k, List<View> views, Repairer repairer) {
        List<Integer> primaries = primaries(model, k);
        List<Finding> findings = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        int programs = 0;
        for (View view : views) {
            AttackerProgram program = new AttackerProgram(model, shown, k, view.known());
            // An insider audits the counts they know nothing of; a count that mixes theirs and others' is the
            // public's to audit (what they learn of the rest is bounded by the caps below).
            List<Integer> targets = primaries.stream().filter(f -> knowsNone(model, f, view)).toList();
            double[] goal = new double[model.figures().size()];
            List<Holder> holders = holders(model, shown, view);
            for (int f : targets) {
                goal[f] = ceiling(model, k, f, holders);
            }
            List<double[]> valid = points.stream().filter(p -> keeps(model, p, view)).toList();
            for (boolean upper : new boolean[] {true, false}) {
                Set<Integer> open = new LinkedHashSet<>(targets);
                for (double[] p : valid) {
                    open.removeIf(f -> reaches(p, model, f, goal[f], upper));
                }
                programs += prove(model, program, open, goal, upper, view, findings, points, repairer);
            }
        }
        return new Result(primaries.size(), views.size(), programs, findings);
    }

    /** Whether a point leaves every atom the view knows at its true value. */
    private static boolean keeps(Model model, double[] point, View view) {
        for (int a = 0; a < point.length; a++) {
            if (view.known()[a] && Math.abs(point[a] - model.atom(a)) > EPS) {
                return false;
            }
        }
        return true;
    }

    private static boolean knowsNone(Model model, int f, View view) {
        for (int a : model.figure(f).atoms()) {
            if (view.known()[a]) {
                return false;
            }
        }
        return true;
    }

    /** A "&lt;k" figure holding some of what a view knows: its atoms and the known part of its count. */
    private record Holder(Set<Integer> atoms, double known) {
    }

    /** The "&lt;k" figures that hold atoms this view knows; the same for every count the view audits. */
    private static List<Holder> holders(Model model, Shown[] shown, View view) {
        List<Holder> holders = new ArrayList<>();
        for (int g = 0; g < shown.length; g++) {
            if (shown[g] != Shown.SMALL) {
                continue;
            }
            double known = 0;
            for (int a : model.figure(g).atoms()) {
                known += view.known()[a] ? model.atom(a) : 0;
            }
            if (known > 0) {
                Set<Integer> atoms = new java.util.HashSet<>();
                for (int a : model.figure(g).atoms()) {
                    atoms.add(a);
                }
                holders.add(new Holder(atoms, known));
            }
        }
        return holders;
    }

    /**
     * The highest value a small count must still be able to take for this view: k-1, less what the view knows of
     * any "&lt;k" figure holding it. A coordinator whose district had 3 of a national "&lt;5" knows the others had at
     * most 1: that follows from the label itself and no suppression can take it back, so it is the one narrowing
     * accepted (docs/disclosure.md, residual risks).
     */
    static double ceiling(Model model, Shown[] shown, int k, int f, View view) {
        return ceiling(model, k, f, holders(model, shown, view));
    }

    private static double ceiling(Model model, int k, int f, List<Holder> holders) {
        double ceiling = k - 1;
        for (Holder holder : holders) {
            if (containsAll(holder.atoms(), model.figure(f).atoms())) {
                ceiling = Math.min(ceiling, k - 1 - holder.known());
            }
        }
        return ceiling;
    }

    private static boolean containsAll(Set<Integer> holder, int[] atoms) {
        for (int a : atoms) {
            if (!holder.contains(a)) {
                return false;
            }
        }
        return true;
    }

    /** Proves one side for every open figure; returns how many programs were solved. */
    private static int prove(Model model, AttackerProgram program, Set<Integer> open, double[] goal, boolean upper,
            View view, List<Finding> findings, List<double[]> points, Repairer repairer) {
        int programs = 0;
        boolean batch = true;
        while (!open.isEmpty()) {
            int first = open.iterator().next();
            double[] objective = new double[model.atoms()];
            for (int f : batch ? open : Set.of(first)) {
                for (int a : model.figure(f).atoms()) {
                    objective[a] += 1;
                }
            }
            AttackerProgram.Point point = program.optimise(objective, upper);
            programs++;
            if (!point.found()) {
                throw new IllegalStateException("the attacker's program has no optimum (" + point.state()
                        + "): the release contradicts its own counts");
            }
            points.add(point.atoms());
            int before = open.size();
            open.removeIf(f -> reaches(point.atoms(), model, f, goal[f], upper));
            if (!batch && open.remove(first)) {
                Finding finding = new Finding(first, view, upper, upper ? goal[first] : 1,
                        point.sum(model.figure(first).atoms()));
                if (repairer == null || !repairer.repair(finding)) {
                    findings.add(finding);
                }
                programs++;
            }
            // Once a push of all the open figures proves nothing more, go one figure at a time.
            batch = batch && open.size() < before;
        }
        return programs;
    }

    static boolean reaches(double[] point, Model model, int f, double goal, boolean upper) {
        double v = 0;
        for (int a : model.figure(f).atoms()) {
            v += point[a];
        }
        return upper ? v >= goal - EPS : v <= 1 + EPS;
    }
}
