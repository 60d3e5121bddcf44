package rw.ijwi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;

/**
 * The differencing attack on small counts (docs/disclosure.md), through the API only: for a seeded history
 * (three months, all 30 districts, many small cells, days with one report), an attacker with a viewer's token,
 * or a coordinator's, collects every table the API gives them for every period of the grid (months, quarters, a
 * year: nested and overlapping periods all at once, which is stronger than any pair of them), writes each answer
 * down as a constraint on the unknown monthly cells
 * (a number, "&lt;5" as 0..4, a range lo-hi), adds what a coordinator knows of their own districts, and solves: for
 * every count from 1 to 4 that is not shown, the smallest and largest value the program allows. Written apart from
 * the code under test, with ojAlgo directly; bounds are confirmed with whole numbers for a sample. With the
 * complements switched off (every finding "repaired" by hiding nothing) it reports dozens of narrowed counts.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("police", "health", "justice", "local_leaders", "shelter",
            "other");
    private static final List<String> GAPS = List.of("not_available", "no_response", "asked_to_pay", "treated_badly",
            "not_followed_up", "other");
    private static final List<String> CHANNELS = List.of("ussd", "sms");
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11),
            YearMonth.of(2026, 12));
    private static final List<String> PERIODS = List.of("2026-10", "2026-11", "2026-12", "2026-Q4", "2026");

    private final TestDatabase database = TestDatabase.fresh();
    private TestApp app;
    private List<String> districts;
    private Map<String, List<String>> sectors;
    /** The truth: atom index by "month|family|district|value", and each atom's count. */
    private final Map<String, Integer> atoms = new LinkedHashMap<>();
    private final List<Long> truth = new ArrayList<>();

    @BeforeAll
    void seed() {
        districts = database.jdbi().withHandle(h -> h.createQuery("SELECT name FROM district ORDER BY id")
                .mapTo(String.class).list());
        sectors = new LinkedHashMap<>();
        for (String d : districts) {
            List<String> names = new ArrayList<>(database.jdbi().withHandle(h -> h.createQuery("""
                    SELECT s.name FROM sector s JOIN district d ON d.id = s.district_id WHERE d.name = :d
                    ORDER BY s.id""").bind("d", d).mapTo(String.class).list()));
            names.add("unknown");
            sectors.put(d, names);
        }
        for (YearMonth m : MONTHS) {
            for (String d : districts) {
                for (String s : SERVICES) {
                    atom(m, "service", d, s);
                }
                for (String g : GAPS) {
                    atom(m, "gap", d, g);
                }
                for (String c : CHANNELS) {
                    atom(m, "channel", d, c);
                }
                for (String s : sectors.get(d)) {
                    atom(m, "sector", d, s);
                }
            }
        }
        Random random = new Random(20261203);
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (YearMonth m : MONTHS) {
            for (int d = 0; d < districts.size(); d++) {
                // Four busy districts, a few with a handful, most quiet; some with a single report.
                int n = d % 8 == 3 ? 25 + random.nextInt(40) : d % 3 == 0 ? random.nextInt(7) : random.nextInt(4) == 0 ? 1 : 0;
                String district = districts.get(d);
                for (int r = 0; r < n; r++) {
                    String service = SERVICES.get(skewed(random, 6));
                    String gap = GAPS.get(skewed(random, 6));
                    String channel = random.nextInt(4) == 0 ? "sms" : "ussd";
                    List<String> names = sectors.get(district);
                    String sector = names.get(skewed(random, names.size()));
                    int day = 1 + random.nextInt(m.lengthOfMonth());
                    groups.merge(String.join("|", m.toString(), Integer.toString(day), district, sector, service, gap,
                            channel), 1, Integer::sum);
                    add(m, "service", district, service);
                    add(m, "gap", district, gap);
                    add(m, "channel", district, channel);
                    add(m, "sector", district, sector);
                }
            }
        }
        // The case, on purpose: a district total of 65 over services 20, 16, 9, 12, 4, 4 (and one gap, one
        // channel, one sector), which gives both 4s back unless something else is hidden.
        YearMonth november = YearMonth.of(2026, 11);
        String crafted = districts.get(19);
        int[] byService = {20, 16, 9, 12, 4, 4};
        for (int s = 0; s < 6; s++) {
            groups.merge(String.join("|", november.toString(), "20", crafted, sectors.get(crafted).get(0),
                    SERVICES.get(s), "no_response", "ussd"), byService[s], Integer::sum);
            for (int r = 0; r < byService[s]; r++) {
                add(november, "service", crafted, SERVICES.get(s));
                add(november, "gap", crafted, "no_response");
                add(november, "channel", crafted, "ussd");
                add(november, "sector", crafted, sectors.get(crafted).get(0));
            }
        }
        groups.forEach((key, n) -> {
            String[] p = key.split("\\|");
            OffsetDateTime at = YearMonth.parse(p[0]).atDay(Integer.parseInt(p[1])).atTime(12, 0)
                    .atOffset(ZoneOffset.ofHours(2));
            Reports.insertAt(database, at, p[2], p[3].equals("unknown") ? null : p[3], p[4], p[5], p[6], n);
        });
        // The app starts on the seeded history; the coordinators exist before any month is released.
        app = new TestApp(database, Map.of(), new TestClock(Instant.parse("2027-01-10T09:00:00Z")), false);
        viewer = Staff.apiToken(app, Role.VIEWER);
        single = Staff.apiToken(app, Role.COORDINATOR, districts.get(3));
        pair = Staff.apiToken(app, Role.COORDINATOR, districts.get(11), districts.get(12));
    }

    private String viewer;
    private String single;
    private String pair;

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void no_small_count_is_narrowed_by_everything_a_viewer_can_collect() {
        Result result = attack(viewer, Set.of());
        assertThat(result.small()).as("small counts in the history").isGreaterThan(200);
        assertThat(result.narrowed()).isEmpty();
        System.out.printf("viewer: %d answers, %d figures spanning months (each implied by its months), %d small"
                + " counts not shown, none narrowed (%d linear, %d integer programs)%n", result.answers(),
                result.spanning(), result.small(), result.programs(), result.integerPrograms());
    }

    @Test
    void no_coordinator_narrows_another_districts_small_count_with_their_own() {
        for (Set<String> own : List.of(Set.of(districts.get(3)), Set.of(districts.get(11), districts.get(12)))) {
            Result result = attack(own.size() == 1 ? single : pair, own);
            assertThat(result.small()).isGreaterThan(150);
            assertThat(result.narrowed()).as("coordinator of %s", own).isEmpty();
        }
    }

    @Test
    void windows_off_the_grid_are_refused_for_every_role_without_exact_counts() {
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            java.time.LocalDate from = java.time.LocalDate.of(2026, 10, 1).plusDays(random.nextInt(90));
            java.time.LocalDate to = from.plusDays(random.nextInt(60));
            if (from.getDayOfMonth() == 1) {
                from = from.plusDays(1);
            }
            assertThat(send(viewer, "/api/v1/summary?groupBy=district&from=" + from + "&to=" + to).statusCode())
                    .as(from + ".." + to).isEqualTo(400);
        }
    }

    /** What an attack found: how many answers, small counts, and those narrowed (with how). */
    record Result(int answers, int spanning, int small, List<String> narrowed, int programs, int integerPrograms) {
    }

    private Result attack(String token, Set<String> own) {
        List<int[]> figures = new ArrayList<>();
        List<long[]> bounds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int answers = 0;
        for (String period : PERIODS) {
            List<YearMonth> months = months(period);
            for (String groupBy : List.of("district", "service", "gap", "channel", "month", "district,service",
                    "district,gap", "district,channel", "district,month", "service,month", "gap,month",
                    "channel,month")) {
                JsonNode rows = get(token, "/api/v1/summary?period=" + period + "&groupBy=" + groupBy).get("rows");
                answers++;
                for (JsonNode row : rows) {
                    // January to September 2026 (in the year 2026) have no reports: the attacker is simply told
                    // they are zero, which is more than their rows would say.
                    if (row.has("month") && !MONTHS.contains(YearMonth.parse(row.get("month").asText()))) {
                        continue;
                    }
                    record(figures, bounds, names, period + " " + row, cells(row, months), row.get("count"));
                }
            }
            for (String d : districts) {
                JsonNode rows = get(token, "/api/v1/summary?period=" + period + "&groupBy=sector&district="
                        + URLEncoder.encode(d, StandardCharsets.UTF_8)).get("rows");
                answers++;
                for (JsonNode row : rows) {
                    List<Integer> of = new ArrayList<>();
                    for (YearMonth m : months) {
                        of.add(atoms.get(key(m, "sector", d, row.get("sector").asText())));
                    }
                    record(figures, bounds, names, period + " " + d + " " + row, of, row.get("count"));
                }
            }
        }
        boolean[] known = new boolean[truth.size()];
        int[] monthOf = new int[truth.size()];
        atoms.forEach((key, a) -> {
            known[a] = own.contains(key.split("\\|")[2]);
            monthOf[a] = MONTHS.indexOf(YearMonth.parse(key.split("\\|")[0]));
        });
        // Quarters and years: each answer that spans months must follow from the months' own answers for the same
        // cells by adding their bounds; checked here, not assumed. Then those answers add nothing, the months share
        // no cell, and the attacker's program is one program per month.
        Map<String, long[]> tightest = new HashMap<>();
        for (int f = 0; f < figures.size(); f++) {
            String set = java.util.Arrays.toString(java.util.Arrays.stream(figures.get(f)).sorted().toArray());
            long[] b = bounds.get(f);
            tightest.merge(set, b.clone(), (x, y) -> new long[] {Math.max(x[0], y[0]),
                    x[1] < 0 ? y[1] : y[1] < 0 ? x[1] : Math.min(x[1], y[1])});
        }
        List<String> narrowed = new ArrayList<>();
        List<List<int[]>> monthFigures = new ArrayList<>();
        List<List<long[]>> monthBounds = new ArrayList<>();
        for (int m = 0; m < MONTHS.size(); m++) {
            monthFigures.add(new ArrayList<>());
            monthBounds.add(new ArrayList<>());
        }
        int spanning = 0;
        for (int f = 0; f < figures.size(); f++) {
            List<int[]> parts = parts(figures.get(f), monthOf);
            if (parts.size() == 1) {
                monthFigures.get(monthOf[figures.get(f)[0]]).add(figures.get(f));
                monthBounds.get(monthOf[figures.get(f)[0]]).add(bounds.get(f));
                continue;
            }
            spanning++;
            long lo = 0;
            long hi = 0;
            for (int[] part : parts) {
                long[] b = tightest.get(java.util.Arrays.toString(java.util.Arrays.stream(part).sorted().toArray()));
                assertThat(b).as("the months of %s are answered too", names.get(f)).isNotNull();
                lo += b[0];
                hi = hi < 0 || b[1] < 0 ? -1 : hi + b[1];
            }
            long[] published = bounds.get(f);
            if (published[0] > lo || (published[1] >= 0 && (hi < 0 || published[1] < hi))) {
                narrowed.add(names.get(f) + " says more than its months: " + published[0] + ".." + published[1]
                        + " against " + lo + ".." + hi);
            }
        }
        List<Program> programs = new ArrayList<>();
        for (int m = 0; m < MONTHS.size(); m++) {
            programs.add(new Program(monthFigures.get(m), monthBounds.get(m), known, MONTHS.get(m)));
        }
        // The counts to protect: every figure shown as anything but a number whose true value is 1 to 4 and that
        // holds nothing the attacker knows.
        List<Integer> small = new ArrayList<>();
        Map<Integer, Double> ceiling = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int f = 0; f < figures.size(); f++) {
            long value = value(figures.get(f));
            boolean shown = bounds.get(f)[0] == bounds.get(f)[1];
            int[] of = figures.get(f);
            if (shown || value < 1 || value > 4 || java.util.Arrays.stream(of).anyMatch(a -> known[a])
                    || !seen.add(java.util.Arrays.toString(java.util.Arrays.stream(of).sorted().toArray()))) {
                continue;
            }
            small.add(f);
            // The one narrowing the labels themselves force on an insider: a <5 holding their own count.
            double cap = 4;
            Set<Integer> mine = new HashSet<>();
            for (int a : of) {
                mine.add(a);
            }
            for (int g = 0; g < figures.size(); g++) {
                if (bounds.get(g)[0] == 0 && bounds.get(g)[1] == 4) {
                    long knownPart = 0;
                    Set<Integer> holder = new HashSet<>();
                    for (int a : figures.get(g)) {
                        holder.add(a);
                        knownPart += known[a] ? truth.get(a) : 0;
                    }
                    if (knownPart > 0 && holder.containsAll(mine)) {
                        cap = Math.min(cap, 4 - knownPart);
                    }
                }
            }
            ceiling.put(f, cap);
        }
        // Counts of one month: pushed up (then down) all at once in their month's program, then one by one.
        for (int m = 0; m < MONTHS.size(); m++) {
            int month = m;
            List<Integer> mine = small.stream().filter(f -> parts(figures.get(f), monthOf).size() == 1
                    && monthOf[figures.get(f)[0]] == month).toList();
            for (boolean upper : new boolean[] {true, false}) {
                Set<Integer> open = new java.util.LinkedHashSet<>(mine);
                boolean batch = true;
                while (!open.isEmpty()) {
                    int first = open.iterator().next();
                    double[] objective = new double[truth.size()];
                    for (int f : batch ? open : Set.of(first)) {
                        for (int a : figures.get(f)) {
                            objective[a] += 1;
                        }
                    }
                    double[] point = programs.get(m).solve(objective, upper, false);
                    int before = open.size();
                    open.removeIf(f -> reaches(point, figures.get(f), upper, ceiling.get(f)));
                    if (!batch && open.remove(first)) {
                        narrowed.add(names.get(first) + (upper ? " cannot reach " + ceiling.get(first)
                                : " cannot reach 1") + ": " + sum(point, figures.get(first)));
                    }
                    batch = batch && open.size() < before;
                }
            }
        }
        // Counts over several months: their months are independent, so the extremes add up.
        Map<String, double[]> partBounds = new HashMap<>();
        for (int f : small) {
            List<int[]> parts = parts(figures.get(f), monthOf);
            if (parts.size() == 1) {
                continue;
            }
            double lo = 0;
            double hi = 0;
            for (int[] part : parts) {
                double[] b = partBounds.computeIfAbsent(java.util.Arrays.toString(part), k -> {
                    double[] objective = new double[truth.size()];
                    for (int a : part) {
                        objective[a] = 1;
                    }
                    Program program = programs.get(monthOf[part[0]]);
                    return new double[] {sum(program.solve(objective, false, false), part),
                        sum(program.solve(objective, true, false), part)};
                });
                lo += b[0];
                hi += b[1];
            }
            if (lo > 1 + 1e-6 || hi < ceiling.get(f) - 1e-6) {
                narrowed.add(names.get(f) + " narrowed to " + lo + ".." + hi);
            }
        }
        // Whole numbers: the linear optimum of each side is reached by an integer point (checked with an
        // integer program for a sample of counts; the tables are near network matrices, where the two agree).
        int integerPrograms = 0;
        Random pick = new Random(1);
        List<Integer> monthly = small.stream().filter(f -> parts(figures.get(f), monthOf).size() == 1).toList();
        for (int i = 0; i < 8 && !monthly.isEmpty(); i++) {
            int f = monthly.get(pick.nextInt(monthly.size()));
            double[] objective = new double[truth.size()];
            for (int a : figures.get(f)) {
                objective[a] = 1;
            }
            for (boolean upper : new boolean[] {true, false}) {
                double[] point = programs.get(monthOf[figures.get(f)[0]]).solve(objective, upper, true);
                integerPrograms++;
                if (!reaches(point, figures.get(f), upper, ceiling.get(f))) {
                    narrowed.add(names.get(f) + " (whole numbers) " + (upper ? "max " : "min ")
                            + sum(point, figures.get(f)));
                }
            }
        }
        int solved = programs.stream().mapToInt(p -> p.solved).sum();
        return new Result(answers, spanning, small.size(), narrowed, solved, integerPrograms);
    }

    /** The atoms of a figure split by month. */
    private static List<int[]> parts(int[] of, int[] monthOf) {
        Map<Integer, List<Integer>> byMonth = new java.util.TreeMap<>();
        for (int a : of) {
            byMonth.computeIfAbsent(monthOf[a], m -> new ArrayList<>()).add(a);
        }
        return byMonth.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).sorted().toArray()).toList();
    }

    private static boolean reaches(double[] point, int[] of, boolean upper, double ceiling) {
        double v = sum(point, of);
        return upper ? v >= ceiling - 1e-6 : v <= 1 + 1e-6;
    }

    private static double sum(double[] point, int[] of) {
        double s = 0;
        for (int a : of) {
            s += point[a];
        }
        return s;
    }

    /**
     * The attacker's program: whole or real counts, a constraint per distinct answer (the tightest bounds any answer
     * gives the same cells), ties, and as constants the cells the attacker knows: their own districts' and every
     * cell an answer shows exactly.
     */
    private final class Program {
        private final List<int[]> sums = new ArrayList<>();
        private final List<long[]> limits = new ArrayList<>();
        private final double[] fixed;
        private final boolean[] constant;
        int solved;

        private final YearMonth month;
        private final boolean[] inMonth;

        Program(List<int[]> figures, List<long[]> bounds, boolean[] known, YearMonth month) {
            this.month = month;
            this.inMonth = new boolean[truth.size()];
            atoms.forEach((key, a) -> inMonth[a] = key.startsWith(month + "|"));
            Map<String, Integer> distinct = new HashMap<>();
            fixed = new double[truth.size()];
            constant = known.clone();
            for (int a = 0; a < fixed.length; a++) {
                fixed[a] = known[a] ? truth.get(a) : 0;
            }
            for (int f = 0; f < figures.size(); f++) {
                int[] of = java.util.Arrays.stream(figures.get(f)).sorted().toArray();
                long[] b = bounds.get(f);
                if (of.length == 1 && b[0] == b[1]) {
                    constant[of[0]] = true;
                    fixed[of[0]] = b[0];
                }
                Integer at = distinct.putIfAbsent(java.util.Arrays.toString(of), sums.size());
                if (at == null) {
                    sums.add(of);
                    limits.add(b.clone());
                } else {
                    long[] l = limits.get(at);
                    l[0] = Math.max(l[0], b[0]);
                    l[1] = l[1] < 0 ? b[1] : b[1] < 0 ? l[1] : Math.min(l[1], b[1]);
                }
            }
        }

        double[] solve(double[] objective, boolean maximise, boolean integer) {
            ExpressionsBasedModel lp = new ExpressionsBasedModel();
            Variable[] x = new Variable[truth.size()];
            double[] low = new double[x.length];
            double[] high = new double[x.length];
            java.util.Arrays.fill(high, Double.POSITIVE_INFINITY);
            for (int f = 0; f < sums.size(); f++) {
                if (sums.get(f).length == 1) {
                    int a = sums.get(f)[0];
                    low[a] = Math.max(low[a], limits.get(f)[0]);
                    high[a] = limits.get(f)[1] < 0 ? high[a] : Math.min(high[a], limits.get(f)[1]);
                }
            }
            for (int a = 0; a < x.length; a++) {
                if (constant[a] || !inMonth[a]) {
                    continue;
                }
                x[a] = lp.addVariable("a" + a).lower(BigDecimal.valueOf(low[a])).integer(integer);
                if (high[a] < Double.POSITIVE_INFINITY) {
                    x[a].upper(BigDecimal.valueOf(high[a]));
                }
                if (objective[a] != 0) {
                    x[a].weight(objective[a]);
                }
            }
            for (int f = 0; f < sums.size(); f++) {
                if (sums.get(f).length == 1) {
                    continue; // a bound of its variable, above
                }
                double rest = 0;
                Expression e = null;
                for (int a : sums.get(f)) {
                    if (constant[a]) {
                        rest += fixed[a];
                    } else {
                        if (e == null) {
                            e = lp.addExpression("f" + f);
                        }
                        e.set(x[a], 1);
                    }
                }
                long[] l = limits.get(f);
                if (e == null) {
                    assertThat(rest).as("an answer agrees with what is known").isBetween((double) l[0],
                            l[1] < 0 ? Double.MAX_VALUE : (double) l[1]);
                    continue;
                }
                e.lower(BigDecimal.valueOf(l[0] - rest));
                if (l[1] >= 0) {
                    e.upper(BigDecimal.valueOf(l[1] - rest));
                }
            }
            int t = 0;
            for (YearMonth m : List.of(month)) {
                for (String d : districts) {
                    for (String family : List.of("gap", "channel", "sector")) {
                        Expression e = lp.addExpression("t" + t++);
                        double rest = 0;
                        for (String s : SERVICES) {
                            int a = atoms.get(key(m, "service", d, s));
                            if (constant[a]) {
                                rest += fixed[a];
                            } else {
                                e.add(x[a], 1L);
                            }
                        }
                        for (String v : values(family, d)) {
                            int a = atoms.get(key(m, family, d, v));
                            if (constant[a]) {
                                rest -= fixed[a];
                            } else {
                                e.add(x[a], -1L);
                            }
                        }
                        e.level(BigDecimal.valueOf(-rest));
                    }
                }
            }
            Optimisation.Result r = maximise ? lp.maximise() : lp.minimise();
            solved++;
            assertThat(r.getState().isFeasible()).as("the answers admit the true history").isTrue();
            double[] point = fixed.clone();
            List<Variable> variables = lp.getVariables();
            int i = 0;
            for (int a = 0; a < x.length; a++) {
                if (x[a] != null) {
                    point[a] = r.doubleValue(i++);
                }
            }
            assertThat(i).isEqualTo(variables.size());
            return point;
        }
    }

    private void record(List<int[]> figures, List<long[]> bounds, List<String> names, String name, List<Integer> of,
            JsonNode count) {
        figures.add(of.stream().mapToInt(Integer::intValue).toArray());
        names.add(name);
        String shown = count.asText();
        if (count.isNumber()) {
            bounds.add(new long[] {count.asLong(), count.asLong()});
        } else if (shown.equals("<5")) {
            bounds.add(new long[] {0, 4});
        } else if (shown.endsWith("+")) {
            bounds.add(new long[] {Long.parseLong(shown.substring(0, shown.length() - 1)), -1});
        } else {
            String[] range = shown.split("-");
            bounds.add(new long[] {Long.parseLong(range[0]), Long.parseLong(range[1])});
        }
        long lo = bounds.get(bounds.size() - 1)[0];
        long hi = bounds.get(bounds.size() - 1)[1];
        long value = value(figures.get(figures.size() - 1));
        assertThat(value).as("%s is true", name).isGreaterThanOrEqualTo(lo);
        if (hi >= 0) {
            assertThat(value).as("%s is true", name).isLessThanOrEqualTo(hi);
        }
    }

    /** The atoms an answer row adds up, from its keys (a missing key means every value of it). */
    private List<Integer> cells(JsonNode row, List<YearMonth> months) {
        List<YearMonth> over = row.has("month") ? List.of(YearMonth.parse(row.get("month").asText())) : months;
        String family = row.has("gap") ? "gap" : row.has("channel") ? "channel" : "service";
        List<Integer> of = new ArrayList<>();
        for (YearMonth m : over) {
            for (String d : row.has("district") ? List.of(row.get("district").asText()) : districts) {
                for (String v : row.has(family) ? List.of(row.get(family).asText()) : values(family, d)) {
                    of.add(atoms.get(key(m, family, d, v)));
                }
            }
        }
        return of;
    }

    private List<String> values(String family, String district) {
        return switch (family) {
            case "service" -> SERVICES;
            case "gap" -> GAPS;
            case "channel" -> CHANNELS;
            default -> sectors.get(district);
        };
    }

    private static List<YearMonth> months(String period) {
        return MONTHS.stream().filter(m -> m.toString().startsWith(period.length() == 4 ? period : "x")
                || m.toString().equals(period)
                || (period.contains("Q") && m.getYear() == Integer.parseInt(period.substring(0, 4))
                        && (m.getMonthValue() + 2) / 3 == period.charAt(6) - '0')).toList();
    }

    private long value(int[] of) {
        long s = 0;
        for (int a : of) {
            s += truth.get(a);
        }
        return s;
    }

    private void atom(YearMonth m, String family, String district, String value) {
        atoms.put(key(m, family, district, value), truth.size());
        truth.add(0L);
    }

    private void add(YearMonth m, String family, String district, String value) {
        int a = atoms.get(key(m, family, district, value));
        truth.set(a, truth.get(a) + 1);
    }

    private static String key(YearMonth m, String family, String district, String value) {
        return m + "|" + family + "|" + district + "|" + value;
    }

    private static int skewed(Random random, int n) {
        return Math.min((int) Math.floor(Math.abs(random.nextGaussian()) * n / 2.5), n - 1);
    }

    private JsonNode get(String token, String path) {
        HttpResponse<String> response = send(token, path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String token, String path) {
        return app.apiGet(token, path);
    }
}
