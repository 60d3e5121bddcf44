package rw.ijwi.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import rw.ijwi.feedback.Figures;

/**
 * A bar chart laid out on the server and drawn by bars.jte as HTML with a plain SVG bar per row (no script, no
 * inline style, no text inside a scaled SVG, so labels keep their CSS size on any screen). Every bar carries its
 * number as text. An exact count is a solid bar to scale; a "&lt;k" or a range is a hatched band over the values it
 * may take (0 to k-1, or lo to hi), never a solid bar, so no size the release hides is drawn as if known.
 */
public record Chart(String title, List<Bar> bars, boolean vertical, List<String> scale, String note) {

    /**
     * One bar: label, the count as shown, solid length and hatched band end in percent of the scale, link, whether
     * it is partial (a period with days before the first report) and whether it is the period in focus.
     */
    public record Bar(String label, String sub, String shown, double solid, double band, String href,
            boolean partial, boolean focus) {
        public boolean hidden() {
            return band > solid;
        }

        /** The bar's height in the column chart's 100-unit plot, drawn from the bottom. */
        public double top() {
            return 100 - Math.max(solid, band);
        }
    }

    /** Horizontal bars, one per category, in the order given. */
    static Chart horizontal(String title, List<String> labels, List<Figures.Count> counts, List<String> hrefs,
            Figures figures) {
        long max = scaleMax(counts, figures.suppressBelow());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            bars.add(bar(labels.get(i), counts.get(i), max, hrefs == null ? null : hrefs.get(i), false, false,
                    figures));
        }
        return new Chart(title, bars, false, List.of(), "");
    }

    /**
     * Horizontal bars ranked: exact counts largest first, then "&lt;k" and ranges in their given order, since sorting
     * them by their true size would tell what the suppression hides.
     */
    static Chart ranked(String title, List<String> labels, List<Figures.Count> counts, List<String> hrefs,
            Figures figures) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> !counts.get(i).exact())
                .thenComparing(i -> counts.get(i).exact() ? -counts.get(i).value() : 0));
        return horizontal(title, order.stream().map(labels::get).toList(), order.stream().map(counts::get).toList(),
                hrefs == null ? null : order.stream().map(hrefs::get).toList(), figures);
    }

    /** Columns over time with a scale (0, half, top), each with its value; partial periods and the focus marked. */
    static Chart columns(String title, List<String> labels, List<Figures.Count> counts, List<Boolean> partial,
            List<Boolean> focus, String note, Figures figures) {
        long max = scaleMax(counts, figures.suppressBelow());
        List<Bar> bars = new ArrayList<>();
        String year = "";
        for (int i = 0; i < labels.size(); i++) {
            Bar b = bar(labels.get(i), counts.get(i), max, null, partial != null && partial.get(i),
                    focus == null || focus.get(i), figures);
            // "2026-10" prints as "10" over "2026", the year only where it changes, so a column stays narrow.
            String label = labels.get(i);
            if (label.length() > 5 && label.charAt(4) == '-') {
                String y = label.substring(0, 4);
                b = new Bar(label.substring(5), y.equals(year) ? "" : y, b.shown(), b.solid(), b.band(), null,
                        b.partial(), b.focus());
                year = y;
            }
            bars.add(b);
        }
        return new Chart(title, bars, true, List.of(String.format("%,d", max), String.format("%,d", max / 2), "0"),
                note);
    }

    /** Columns over time where every period is whole and in focus. */
    static Chart columns(String title, List<String> labels, List<Figures.Count> counts, Figures figures) {
        return columns(title, labels, counts, null, null, "", figures);
    }

    private static Bar bar(String label, Figures.Count c, long max, String href, boolean partial, boolean focus,
            Figures figures) {
        double solid;
        double band;
        if (c.exact()) {
            solid = percent(c.value(), max);
            band = solid;
        } else {
            long lo = c.state() == Figures.State.SMALL ? 0 : c.lo();
            long hi = c.state() == Figures.State.SMALL ? figures.suppressBelow() - 1
                    : c.hi() == Figures.Count.OPEN ? max : c.hi();
            solid = percent(lo, max);
            band = Math.max(solid + 1, percent(hi, max));
        }
        return new Bar(label, "", figures.shown(c), solid, Math.min(100, band), href, partial, focus);
    }

    /** The top of the scale: a round number at or above every exact count and every bounded range's top. */
    static long scaleMax(List<Figures.Count> counts, int k) {
        long max = k;
        for (Figures.Count c : counts) {
            if (c.exact()) {
                max = Math.max(max, c.value());
            } else if (c.hi() != Figures.Count.OPEN && c.state() == Figures.State.RANGE) {
                max = Math.max(max, c.hi());
            } else if (c.state() == Figures.State.RANGE) {
                max = Math.max(max, c.lo());
            }
        }
        return round(max);
    }

    /** The next round number (10, 20, 30, 40, 50, 60, 80 times a power of ten; even, so its half is whole). */
    static long round(long max) {
        long base = 1;
        while (true) {
            for (long m : new long[] {10, 20, 30, 40, 50, 60, 80}) {
                long candidate = base * m;
                if (candidate >= max) {
                    return candidate;
                }
            }
            base *= 10;
        }
    }

    private static double percent(long value, long max) {
        return max <= 0 ? 0 : Math.round(1000.0 * value / max) / 10.0;
    }
}
