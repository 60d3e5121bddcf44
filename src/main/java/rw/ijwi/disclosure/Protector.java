package rw.ijwi.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses what a release shows. Every count under k is "&lt;k" (zeros too); every other count is exact unless it
 * must be hidden to protect a small one. Complements are chosen by the audit itself: while some reader can narrow
 * a small count, the cheapest set of exact figures whose hiding lets that count reach the bound it missed is
 * hidden (a linear program that pays per unit a figure moves: cells cheapest, totals dearer, the grand total
 * dearest), and the audit runs again. Hiding only loosens the attacker's program, so what was proven stays proven
 * and the loop ends; it returns only after an audit with no finding. Each hidden figure is then published as the
 * range the public can work out anyway, its smallest and largest value in the public's program.
 */
public final class Protector {

    private static final double EPS = 1e-6;

    /** What a release shows of one figure: exact (lo = hi = the count), "&lt;k" (0..k-1) or a range (hi may be none). */
    public record Published(Shown shown, long lo, long hi) {
        public static final long NO_LIMIT = Long.MAX_VALUE;
    }

    /** A chosen and audited release: what each figure shows, and the figures of the work. */
    public record Release(int k, Map<String, Published> figures, Audit.Result audit, int complements, long millis) {
    }

    private final int k;

    public Protector(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2: " + k);
        }
        this.k = k;
    }

    public Release protect(Model model, List<Audit.View> views) {
        long start = System.nanoTime();
        Shown[] shown = new Shown[model.figures().size()];
        boolean[] hideable = new boolean[shown.length];
        for (int f = 0; f < shown.length; f++) {
            shown[f] = model.value(f) < k ? Shown.SMALL : Shown.EXACT;
            hideable[f] = shown[f] == Shown.EXACT;
        }
        Audit.Result audit = Audit.run(model, shown, k, views, finding -> {
            for (int h = 0; h < shown.length; h++) {
                hideable[h] = shown[h] == Shown.EXACT;
            }
            AttackerProgram program = new AttackerProgram(model, shown, k, finding.view().known());
            int[] hide = program.repair(finding.figure(), finding.goal(), finding.upper(), hideable,
                    h -> cost(model, h));
            if (hide == null) {
                return false;
            }
            for (int h : hide) {
                shown[h] = Shown.HIDDEN;
            }
            return true;
        });
        if (!audit.passed()) {
            Audit.Finding first = audit.findings().get(0);
            throw new IllegalStateException("no figures to hide can protect " + model.figure(first.figure()).key()
                    + " from " + first.view().name());
        }
        Map<String, Published> figures = publish(model, shown, views.get(0));
        int complements = 0;
        for (Shown s : shown) {
            complements += s == Shown.HIDDEN ? 1 : 0;
        }
        return new Release(k, figures, audit, complements, (System.nanoTime() - start) / 1_000_000);
    }

    /** Per unit of change: a cell costs more the larger it is (it tells more), a total four times, the grand total twenty. */
    private static double cost(Model model, int f) {
        int atoms = model.figure(f).atoms().length;
        double weight = atoms == 1 ? 1 : atoms <= 50 ? 4 : 20;
        return weight * (1 + Math.log10(1 + model.value(f)));
    }

    /** The published form of every figure; hidden ones as the range the public's program allows. */
    private Map<String, Published> publish(Model model, Shown[] shown, Audit.View publicView) {
        AttackerProgram program = new AttackerProgram(model, shown, k, publicView.known());
        Map<String, Published> out = new LinkedHashMap<>();
        for (int f = 0; f < shown.length; f++) {
            String key = model.figure(f).key();
            switch (shown[f]) {
                case EXACT -> out.put(key, new Published(Shown.EXACT, model.value(f), model.value(f)));
                case SMALL -> out.put(key, new Published(Shown.SMALL, 0, k - 1));
                case HIDDEN -> {
                    double[] objective = new double[model.atoms()];
                    for (int a : model.figure(f).atoms()) {
                        objective[a] = 1;
                    }
                    AttackerProgram.Point low = program.optimise(objective, false);
                    AttackerProgram.Point high = program.optimise(objective, true);
                    long lo = (long) Math.ceil(low.sum(model.figure(f).atoms()) - EPS);
                    long hi = high.found() ? (long) Math.floor(high.sum(model.figure(f).atoms()) + EPS)
                            : Published.NO_LIMIT;
                    out.put(key, new Published(Shown.HIDDEN, Math.max(lo, k), hi));
                }
            }
        }
        return out;
    }

    /** The views a release must hold against: the public, then each group of atoms some reader knows. */
    public static List<Audit.View> views(int atoms, Map<String, int[]> insiders) {
        List<Audit.View> views = new ArrayList<>();
        views.add(new Audit.View("public", new boolean[atoms]));
        insiders.forEach((name, known) -> {
            boolean[] mask = new boolean[atoms];
            for (int a : known) {
                mask[a] = true;
            }
            views.add(new Audit.View(name, mask));
        });
        return views;
    }
}
