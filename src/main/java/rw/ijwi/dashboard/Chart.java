package rw.ijwi.dashboard;

import java.util.ArrayList;
import java.util.List;

import rw.ijwi.feedback.Figures;

/**
 * A bar chart laid out on the server, drawn as SVG by bars.jte (presentation attributes only, no script): a
 * suppressed count gets no bar, only its label, so its size is never drawn.
 */
public record Chart(String title, List<Bar> bars, boolean vertical, int width, int height) {

    /** One bar: its label, the count as shown, its length in SVG units and where clicking it leads. */
    public record Bar(String label, String shown, double length, String href, double x, double y) {
    }

    static final int ROW = 20;
    static final int LABEL = 150;
    static final int PLOT = 260;

    /** Horizontal bars, one per category. */
    static Chart horizontal(String title, List<String> labels, List<Figures.Count> counts, List<String> hrefs,
            Figures figures) {
        long max = max(counts);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Figures.Count c = counts.get(i);
            double length = c.exact() && max > 0 ? Math.max(c.value() > 0 ? 1 : 0, PLOT * (double) c.value() / max) : 0;
            bars.add(new Bar(labels.get(i), shown(c, figures), length, hrefs == null ? null : hrefs.get(i), LABEL,
                    i * ROW));
        }
        return new Chart(title, bars, false, LABEL + PLOT + 60, Math.max(ROW, labels.size() * ROW));
    }

    /** Columns over time, one per week or month; about a dozen are labelled. */
    static Chart columns(String title, List<String> labels, List<Figures.Count> counts, Figures figures) {
        long max = max(counts);
        int n = Math.max(1, labels.size());
        double step = 560.0 / n;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Figures.Count c = counts.get(i);
            double length = c.exact() && max > 0 ? 120.0 * c.value() / max : 0;
            bars.add(new Bar(i % Math.max(1, (n + 11) / 12) == 0 ? labels.get(i).substring(5) : "", shown(c, figures),
                    length, null,
                    30 + i * step, 130 - length));
        }
        return new Chart(title, bars, true, 600, 150);
    }

    public double barWidth() {
        return vertical ? Math.max(2, 560.0 / Math.max(1, bars.size()) - 2) : ROW - 6;
    }

    private static String shown(Figures.Count c, Figures figures) {
        return c.exact() ? String.format("%,d", c.value()) : figures.label(c);
    }

    private static long max(List<Figures.Count> counts) {
        long max = 0;
        for (Figures.Count c : counts) {
            if (c.exact()) {
                max = Math.max(max, c.value());
            }
        }
        return max;
    }
}
