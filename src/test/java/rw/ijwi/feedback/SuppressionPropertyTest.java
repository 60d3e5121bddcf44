package rw.ijwi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import rw.ijwi.feedback.Suppression.State;
import rw.ijwi.feedback.Suppression.Vector;

/**
 * Random tables, seeded so a failure can be replayed: whatever Suppression hides (in the table, its row and
 * column totals and the grand total, all published together) can not be worked out by adding and subtracting
 * what it shows, even by a reader who knows one row exactly. Checked by exact linear algebra, not by the
 * bridge argument the class itself uses.
 */
public class SuppressionPropertyTest {

    private static final int TABLES = 1000;

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {3, 5, 10})
    void no_hidden_count_of_a_table_or_its_margins_is_a_linear_combination_of_what_is_shown(int k) {
        Random random = new Random(20261128L + k);
        Suppression suppression = new Suppression(k);
        for (int t = 0; t < TABLES; t++) {
            long[][] cells = randomTable(random);
            Published published = publish(suppression, cells);
            String where = "table " + t + " " + java.util.Arrays.deepToString(cells);
            assertThat(determined(published, Set.of())).as("public view of " + where).isEmpty();
            assertThat(determined(published, Set.of(0, 1)).stream().filter(c -> c.small() && c.row() > 0).toList())
                    .as("coordinator of rows 0 and 1 in " + where).isEmpty();
            for (int r = 0; r < cells.length; r++) {
                // An insider learns nothing about a person from a national (row 0) total minus their own rows when
                // the others' share is not tied to a district; cells of the other districts must stay hidden.
                assertThat(determined(published, Set.of(r)).stream().filter(c -> c.small() && c.row() > 0).toList())
                        .as("insider of row " + r + " in " + where).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {3, 5, 10})
    void small_counts_are_hidden_zero_stays_zero_and_shown_counts_are_exact(int k) {
        Random random = new Random(77L + k);
        Suppression suppression = new Suppression(k);
        for (int t = 0; t < TABLES; t++) {
            long[][] cells = randomTable(random);
            Published p = publish(suppression, cells);
            for (int i = 0; i <= cells.length; i++) {
                for (int j = 0; j <= cells[0].length; j++) {
                    long v = p.values[i][j];
                    State s = p.states[i][j];
                    if (v == 0) {
                        assertThat(s).isEqualTo(State.EXACT);
                    } else if (v < k) {
                        assertThat(s).as("cell %d,%d = %d", i, j, v).isEqualTo(State.SMALL);
                    } else {
                        assertThat(s).isNotEqualTo(State.SMALL);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void in_a_one_dimensional_table_no_hidden_count_follows_from_the_total_and_the_rest(long seed) {
        Random random = new Random(seed);
        Suppression suppression = new Suppression(5);
        for (int t = 0; t < TABLES; t++) {
            long[] cells = new long[2 + random.nextInt(8)];
            long total = 0;
            for (int i = 0; i < cells.length; i++) {
                cells[i] = skewed(random);
                total += cells[i];
            }
            List<Set<Integer>> insiders = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                insiders.add(Set.of(i));
            }
            var family = new LinkedTables(suppression).suppress(java.util.Map.of("d", cells), java.util.Map.of(),
                    java.util.Map.of("d", insiders));
            Vector v = new Vector(family.vectors().get("d"), family.total());
            for (int insider = -1; insider < cells.length; insider++) {
                int hiddenUnknown = 0;
                boolean totalKnown = v.total() == State.EXACT;
                for (int i = 0; i < cells.length; i++) {
                    if (v.cells()[i] != State.EXACT && i != insider) {
                        hiddenUnknown++;
                    }
                }
                boolean smallUnknown = false;
                for (int i = 0; i < cells.length; i++) {
                    smallUnknown |= v.cells()[i] == State.SMALL && i != insider;
                }
                if (insider >= 0 && !smallUnknown) {
                    continue; // an insider may learn a complementary count (not small) from their own
                }
                // One equation (the cells sum to the total): with the total shown, one lone unknown is recovered.
                assertThat(totalKnown && hiddenUnknown == 1).as("%s insider %d", java.util.Arrays.toString(cells), insider)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void tables_the_size_of_districts_by_weeks_are_protected_too(long seed) {
        // 30 x 53, mostly small counts: checked by removing each hidden edge and searching for another path
        // between its ends (a plain search, independent of the low-link method the class uses).
        Random random = new Random(seed);
        long[][] cells = new long[30][53];
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 53; j++) {
                cells[i][j] = random.nextDouble() < 0.3 ? 0 : random.nextInt(i < 5 ? 40 : 8);
            }
        }
        Published p = publish(new Suppression(5), cells);
        int hidden = 0;
        for (int i = 0; i < p.states.length; i++) {
            for (int j = 0; j < p.states[0].length; j++) {
                if (p.states[i][j] != State.EXACT) {
                    hidden++;
                    assertThat(onCycle(p.states, i, j)).as("hidden cell %d,%d", i, j).isTrue();
                }
            }
        }
        assertThat(hidden).isGreaterThan(100);
    }

    /** Whether hidden cell (i, j) of the augmented table lies on a cycle of hidden cells (rows and columns). */
    static boolean onCycle(State[][] states, int row, int column) {
        int rows = states.length;
        int cols = states[0].length;
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        boolean[] seen = new boolean[rows + cols];
        queue.add(row);
        seen[row] = true;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            if (node == rows + column) {
                return true;
            }
            for (int other = 0; other < (node < rows ? cols : rows); other++) {
                int i = node < rows ? node : other;
                int j = node < rows ? other : node - rows;
                int next = node < rows ? rows + other : other;
                if (states[i][j] != State.EXACT && !(i == row && j == column) && !seen[next]) {
                    seen[next] = true;
                    queue.add(next);
                }
            }
        }
        return false;
    }

    /** What a reader gets: the augmented table (row 0 = column totals, column 0 = row totals) and its states. */
    public record Published(long[][] values, State[][] states) {
    }

    static Published publish(Suppression suppression, long[][] cells) {
        int m = cells.length;
        int n = cells[0].length;
        long[] rowTotals = new long[m];
        long[] colTotals = new long[n];
        long grand = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                rowTotals[i] += cells[i][j];
                colTotals[j] += cells[i][j];
                grand += cells[i][j];
            }
        }
        List<Set<Integer>> insiders = new ArrayList<>(LinkedTables.eachAlone(m));
        insiders.add(Set.of(0, 1)); // a coordinator of two districts
        var family = new LinkedTables(suppression).suppress(
                new java.util.LinkedHashMap<>(java.util.Map.of("rows", rowTotals, "cols", colTotals)),
                java.util.Map.of(List.of("rows", "cols"), cells),
                java.util.Map.of("rows", insiders));
        State[][] grid = family.grids().get(List.of("rows", "cols"));
        long[][] values = new long[m + 1][n + 1];
        values[0][0] = grand;
        assertThat(grid[0][0]).isEqualTo(family.total());
        for (int i = 0; i < m; i++) {
            values[i + 1][0] = rowTotals[i];
            assertThat(grid[i + 1][0]).as("row total agrees with the 1-D table").isEqualTo(family.vectors().get("rows")[i]);
        }
        for (int j = 0; j < n; j++) {
            values[0][j + 1] = colTotals[j];
            assertThat(grid[0][j + 1]).as("column total agrees").isEqualTo(family.vectors().get("cols")[j]);
        }
        for (int i = 0; i < m; i++) {
            System.arraycopy(cells[i], 0, values[i + 1], 1, n);
        }
        return new Published(values, grid);
    }

    /**
     * The hidden cells whose value follows from the published ones: e_v is in the row space of the equations
     * "each augmented row and column sums to zero" restricted to the unknowns. Cells of known rows count as
     * published.
     */
    public record Found(int row, int column, boolean small) {
    }

    public static List<Found> determined(Published p, Set<Integer> knownRows) {
        int rows = p.values.length;
        int cols = p.values[0].length;
        List<int[]> unknowns = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (p.states[i][j] != State.EXACT && !knownRows.contains(i - 1)) {
                    unknowns.add(new int[] {i, j});
                }
            }
        }
        int u = unknowns.size();
        List<double[]> equations = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double[] eq = new double[u];
            for (int x = 0; x < u; x++) {
                eq[x] = unknowns.get(x)[0] == i ? 1 : 0;
            }
            equations.add(eq);
        }
        for (int j = 0; j < cols; j++) {
            double[] eq = new double[u];
            for (int x = 0; x < u; x++) {
                eq[x] = unknowns.get(x)[1] == j ? 1 : 0;
            }
            equations.add(eq);
        }
        int rank = rank(equations, u);
        List<Found> found = new ArrayList<>();
        for (int x = 0; x < u; x++) {
            List<double[]> with = new ArrayList<>(equations);
            double[] unit = new double[u];
            unit[x] = 1;
            with.add(unit);
            if (rank(with, u) == rank) {
                int[] at = unknowns.get(x);
                found.add(new Found(at[0], at[1], p.states[at[0]][at[1]] == State.SMALL));
            }
        }
        return found;
    }

    static int rank(List<double[]> source, int width) {
        List<double[]> m = new ArrayList<>();
        source.forEach(r -> m.add(r.clone()));
        int rank = 0;
        for (int col = 0; col < width && rank < m.size(); col++) {
            int pivot = -1;
            for (int r = rank; r < m.size(); r++) {
                if (Math.abs(m.get(r)[col]) > 1e-9) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = m.get(pivot);
            m.set(pivot, m.get(rank));
            m.set(rank, tmp);
            for (int r = 0; r < m.size(); r++) {
                if (r != rank && Math.abs(m.get(r)[col]) > 1e-9) {
                    double f = m.get(r)[col] / m.get(rank)[col];
                    for (int c = 0; c < width; c++) {
                        m.get(r)[c] -= f * m.get(rank)[c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    static long[][] randomTable(Random random) {
        int m = 2 + random.nextInt(5);
        int n = 2 + random.nextInt(5);
        long[][] cells = new long[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                cells[i][j] = skewed(random);
            }
        }
        return cells;
    }

    /** Mostly small counts and zeros, sometimes large: the shape of sector and week tables. */
    static long skewed(Random random) {
        double r = random.nextDouble();
        if (r < 0.25) {
            return 0;
        }
        if (r < 0.6) {
            return 1 + random.nextInt(4);
        }
        if (r < 0.9) {
            return 5 + random.nextInt(20);
        }
        return 25 + random.nextInt(300);
    }

    static Set<Integer> set(int... values) {
        Set<Integer> s = new HashSet<>();
        for (int v : values) {
            s.add(v);
        }
        return s;
    }
}
