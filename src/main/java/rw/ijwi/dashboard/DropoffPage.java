package rw.ijwi.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Period;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * The USSD drop-off view: of the sessions Africa's Talking reported as ended, how many completed, how many
 * were abandoned on each screen, how many failed. Operational counts of sessions, with no place or person.
 */
public final class DropoffPage {

    /** One line of the view: an outcome (and screen), its count and its share of all sessions. */
    public record Line(String outcome, String screen, long count, String share) {
    }

    /** One step of the funnel: a screen, the sessions that reached it, and those that went on to the next. */
    public record Step(String screen, long reached, long continued, double width, String shareOfAll,
            String shareContinued) {
    }

    /** The report flow's screens in order (menus/main.yaml, then menus/report.yaml); "thanks" ends a report. */
    static final List<String> FLOW = List.of("welcome", "consent", "district", "sector", "service", "gap", "comment",
            "quote", "confirm", "thanks");

    private final AggregateDao aggregates;
    private final Templates templates;
    private final Clock clock;

    public DropoffPage(AggregateDao aggregates, Templates templates, Clock clock) {
        this.aggregates = aggregates;
        this.templates = templates;
        this.clock = clock;
    }

    public void show(Context ctx) {
        Chrome chrome = templates.chrome(ctx, "nav_dropoff", "dropoff");
        Period period = SummaryRequest.period(ctx, clock);
        List<AggregateDao.SessionEnd> ends = aggregates.sessionEnds(period.start(), period.end());
        long total = ends.stream().mapToLong(AggregateDao.SessionEnd::count).sum();
        long completed = 0;
        long failed = 0;
        Map<String, Long> abandoned = new LinkedHashMap<>();
        for (AggregateDao.SessionEnd end : ends) {
            switch (outcome(end.status())) {
                case "completed" -> completed += end.count();
                case "failed" -> failed += end.count();
                default -> abandoned.merge(end.lastScreen() == null ? "?" : end.lastScreen(), end.count(), Long::sum);
            }
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(chrome.t("dropoff_completed"), "", completed, share(completed, total)));
        abandoned.forEach((screen, n) -> lines.add(new Line(chrome.t("dropoff_abandoned"), screen, n, share(n, total))));
        lines.add(new Line(chrome.t("dropoff_failed"), "", failed, share(failed, total)));
        templates.render(ctx, "dropoff.jte", chrome, new View(lines, total, period, funnel(ends)));
    }

    /**
     * The report flow as a funnel: a session reached every screen of the flow up to the one it ended on (a
     * completed one reached them all). Sessions that ended outside the flow (hotlines, promises) reached only the
     * first screen. Counts of sessions, with no place or person.
     */
    static List<Step> funnel(List<AggregateDao.SessionEnd> ends) {
        long[] endedAt = new long[FLOW.size()];
        long total = 0;
        for (AggregateDao.SessionEnd end : ends) {
            total += end.count();
            int at = "completed".equals(outcome(end.status())) ? FLOW.size() - 1 : FLOW.indexOf(end.lastScreen());
            endedAt[Math.max(0, at)] += end.count();
        }
        long[] reached = new long[FLOW.size()];
        long running = 0;
        for (int i = FLOW.size() - 1; i >= 0; i--) {
            running += endedAt[i];
            reached[i] = running;
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < FLOW.size(); i++) {
            long next = i + 1 < FLOW.size() ? reached[i + 1] : reached[i];
            steps.add(new Step(FLOW.get(i), reached[i], next, total == 0 ? 0 : 100.0 * reached[i] / total,
                    share(reached[i], total), share(next, reached[i])));
        }
        return steps;
    }

    /** AT's status words: Success is a completed session, Failed an error; anything else was abandoned. */
    static String outcome(String status) {
        if ("Success".equalsIgnoreCase(status)) {
            return "completed";
        }
        if ("Failed".equalsIgnoreCase(status)) {
            return "failed";
        }
        return "abandoned";
    }

    private static String share(long n, long total) {
        return total == 0 ? "–" : String.format("%.1f%%", 100.0 * n / total);
    }

    /** What dropoff.jte shows: how the period's sessions ended, their total, and the report flow as a funnel. */
    public record View(List<Line> lines, long total, Period period, List<Step> funnel) {
    }
}
