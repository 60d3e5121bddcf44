package rw.ijwi.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Small-cell suppression: the one place that decides which counts may leave Ijwi exactly. Knows nothing of
 * SQL, HTTP or who asks; it is given tables of counts and the groups of cells some reader already knows.
 *
 * <p>Why it is built this way:
 * <ul>
 * <li><b>Primary</b>: a count from 1 to k-1 is shown as "&lt;k" ({@link State#SMALL}). Zero stays 0: an empty
 * cell tells nothing about a person.</li>
 * <li><b>Published margins are constraints.</b> A reader who sees a table can also ask for its row totals,
 * column totals and grand total (another groupBy, the headline figure). So a table is treated together with
 * its margins as one augmented (m+1)x(n+1) table in which every augmented row and column sums to zero (the
 * margins counted negatively). Each augmented row and column is an equation the reader knows; each hidden
 * count is an edge between the two equations it appears in (a 1-D table is the same picture with two nodes,
 * "the cells" and "the total", every cell an edge between them).</li>
 * <li><b>The test of safety</b>: a hidden count can be recovered by adding and subtracting published numbers
 * exactly when its edge is a <i>bridge</i> of the graph of hidden edges (the null space of those equations is
 * that graph's cycle space). So we add <b>complementary</b> cells until no hidden edge is a bridge: every
 * hidden cell lies on a cycle, which in particular means every row and column that holds a hidden cell holds
 * at least two. For each bridge we hide the cheapest path of published non-zero cells that reconnects its
 * two ends (Dijkstra, cost = the count), i.e. the smallest non-zero complements.</li>
 * <li><b>Several queries</b>: 1-D tables are decided first; a 2-D table then takes their decisions as its
 * margins (a hidden district total stays hidden, a published one is a constraint), so "district total minus
 * the other cells of district x service" meets a hidden edge that lies on a cycle. Only when nothing inside
 * the table can protect a cell does it hide a published total (at a thousandfold cost); {@link LinkedTables}
 * then hides that total in every table that shows it and decides again, until all agree. Filters are served
 * as slices of these same tables, so a filtered total is the same (hidden or shown) margin.</li>
 * <li><b>Insiders</b>: a coordinator knows their own district's counts exactly. For each such group of
 * known cells we repeat the test with those cells treated as published, so a coordinator cannot subtract
 * their own numbers to recover a neighbour's small count (learning a complementary count, which is not
 * small, is allowed).</li>
 * <li><b>Not pinned by size</b>: readers know a hidden count is at least 1, so two hidden 1s whose sum is
 * known are both 1. We also require, at every equation, that the hidden counts sum to at least k.</li>
 * <li><b>Complementary cells</b> are not small: they are shown as "hidden" ({@link State#HIDDEN}), never as
 * "&lt;k", which would be false.</li>
 * </ul>
 * Limits (documented in the README): comparing two different periods (differencing over time) and partial
 * knowledge of cells that mix districts (a service x gap cell) are not protected by cell suppression.
 */
public final class Suppression {

    /** How a count is shown. */
    public enum State { EXACT, SMALL, HIDDEN }

    /**
     * Whether a cell may be chosen as a complement, must stay hidden, or is a total that may be hidden only as
     * a last resort (its cost is multiplied, and hiding it changes the other tables that publish it).
     */
    enum Fix { FREE, HIDDEN, LAST_RESORT }

    private static final long LAST_RESORT_COST = 1_000;

    /** A count as an edge between the two equations it appears in. */
    record Edge(int u, int v, long value, Fix fix) {
    }

    private final int k;

    public Suppression(int k) {
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** The label for a state and count: the number, "<k" or "hidden". */
    public String label(State state, long value) {
        return switch (state) {
            case EXACT -> Long.toString(value);
            case SMALL -> "<" + k;
            case HIDDEN -> "hidden";
        };
    }

    /** A suppressed 1-D table: the state of each cell and of the total. */
    public record Vector(State[] cells, State total) {
    }

    /**
     * Suppresses a 1-D table. {@code forced} cells and (if {@code totalHidden}) the total are hidden already,
     * because another table of the same family needed it; {@code insiders} are groups of cell indexes some
     * reader knows exactly.
     */
    public Vector vector(long[] cells, long total, boolean totalHidden, Set<Integer> forced,
            List<Set<Integer>> insiders) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            edges.add(new Edge(0, 1, cells[i], forced.contains(i) ? Fix.HIDDEN : Fix.FREE));
        }
        edges.add(new Edge(0, 1, total, totalHidden ? Fix.HIDDEN : Fix.LAST_RESORT));
        boolean[] hidden = protect(2, edges, insiders);
        State[] states = new State[cells.length];
        for (int i = 0; i < cells.length; i++) {
            states[i] = state(hidden[i], cells[i]);
        }
        return new Vector(states, state(hidden[cells.length], total));
    }

    /** Whether the grand total itself must be hidden: only when it is small. */
    public boolean totalHidden(long total) {
        return total > 0 && total < k;
    }

    /**
     * Suppresses a 2-D table given the already decided 1-D margins (rows, columns, and the grand total in
     * either vector); {@code insiderRows} are groups of row indexes some reader knows exactly (whole rows).
     * Returns the augmented states: [0][0] the grand total, row 0 the column totals, column 0 the row totals;
     * a total shown by its vector comes back hidden only if nothing else could protect a cell.
     */
    public State[][] grid(long[][] cells, Vector rows, Vector columns, List<Set<Integer>> insiderRows) {
        int m = cells.length;
        int n = m == 0 ? 0 : cells[0].length;
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
        // Nodes: augmented rows 0..m (0 = the column totals), augmented columns m+1..m+n+1 (m+1 = row totals).
        List<Edge> edges = new ArrayList<>();
        int[][] index = new int[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                long value;
                Fix fix;
                if (i == 0 && j == 0) {
                    value = grand;
                    fix = rows.total() == State.EXACT ? Fix.LAST_RESORT : Fix.HIDDEN;
                } else if (i == 0) {
                    value = colTotals[j - 1];
                    fix = columns.cells()[j - 1] == State.EXACT ? Fix.LAST_RESORT : Fix.HIDDEN;
                } else if (j == 0) {
                    value = rowTotals[i - 1];
                    fix = rows.cells()[i - 1] == State.EXACT ? Fix.LAST_RESORT : Fix.HIDDEN;
                } else {
                    value = cells[i - 1][j - 1];
                    fix = Fix.FREE;
                }
                index[i][j] = edges.size();
                edges.add(new Edge(i, m + 1 + j, value, fix));
            }
        }
        List<Set<Integer>> known = new ArrayList<>();
        for (Set<Integer> group : insiderRows) {
            java.util.HashSet<Integer> cellsKnown = new java.util.HashSet<>();
            for (int r : group) {
                for (int j = 0; j <= n; j++) {
                    cellsKnown.add(index[r + 1][j]);
                }
            }
            known.add(cellsKnown);
        }
        boolean[] hidden = protect(m + n + 2, edges, known);
        State[][] states = new State[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                states[i][j] = state(hidden[index[i][j]], edges.get(index[i][j]).value());
            }
        }
        return states;
    }

    private State state(boolean hidden, long value) {
        if (!hidden || value == 0) {
            return State.EXACT;
        }
        return value < k ? State.SMALL : State.HIDDEN;
    }

    /**
     * The core: hides small free cells, then adds the cheapest complements until, for the public and for each
     * insider group (whose cells count as published), no hidden edge is a bridge and every equation's hidden
     * counts sum to at least k. Returns which edges are hidden.
     */
    boolean[] protect(int nodes, List<Edge> edges, List<Set<Integer>> insiders) {
        boolean[] hidden = new boolean[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            hidden[e] = edge.value() > 0 && (edge.fix() == Fix.HIDDEN || (edge.fix() == Fix.FREE && edge.value() < k));
        }
        List<Set<Integer>> views = new ArrayList<>();
        views.add(Set.of());
        views.addAll(insiders);
        boolean changed = true;
        int guard = edges.size() * (views.size() + 1) + 10;
        while (changed && guard-- > 0) {
            changed = false;
            for (Set<Integer> known : views) {
                while (repairOne(nodes, edges, hidden, known, known.isEmpty())) {
                    changed = true;
                }
            }
        }
        return hidden;
    }

    /**
     * Fixes the first weakness found in this view; false when there is none (or none can be fixed). The public
     * view protects every hidden cell; an insider's view need only protect the small ones (learning a
     * complementary count, which is not small, from one's own numbers discloses nothing about a person).
     */
    private boolean repairOne(int nodes, List<Edge> edges, boolean[] hidden, Set<Integer> known, boolean all) {
        boolean[] active = new boolean[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            active[e] = hidden[e] && !known.contains(e);
        }
        for (int bridge : Bridges.find(nodes, edges, active)) {
            if (!all && edges.get(bridge).value() >= k) {
                continue;
            }
            List<Integer> path = cheapestPath(nodes, edges, hidden, active, known, bridge);
            if (!path.isEmpty()) {
                path.forEach(e -> hidden[e] = true);
                return true;
            }
        }
        if (!all) {
            return false;
        }
        long[] sums = new long[nodes];
        for (int e = 0; e < edges.size(); e++) {
            if (active[e]) {
                sums[edges.get(e).u()] += edges.get(e).value();
                sums[edges.get(e).v()] += edges.get(e).value();
            }
        }
        for (int node = 0; node < nodes; node++) {
            if (sums[node] > 0 && sums[node] < k) {
                int cheapest = -1;
                for (int e = 0; e < edges.size(); e++) {
                    Edge edge = edges.get(e);
                    if ((edge.u() == node || edge.v() == node) && candidate(edge, e, hidden, known)
                            && edge.fix() == Fix.FREE
                            && (cheapest < 0 || edge.value() < edges.get(cheapest).value())) {
                        cheapest = e;
                    }
                }
                if (cheapest >= 0) {
                    hidden[cheapest] = true;
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean candidate(Edge edge, int e, boolean[] hidden, Set<Integer> known) {
        return !hidden[e] && edge.fix() != Fix.HIDDEN && edge.value() > 0 && !known.contains(e);
    }

    /** The cheapest set of published cells that, hidden, puts the bridge on a cycle; empty if there is none. */
    private static List<Integer> cheapestPath(int nodes, List<Edge> edges, boolean[] hidden, boolean[] active,
            Set<Integer> known, int bridge) {
        List<List<Integer>> incident = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            incident.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            if (e != bridge && (active[e] || candidate(edges.get(e), e, hidden, known))) {
                incident.get(edges.get(e).u()).add(e);
                incident.get(edges.get(e).v()).add(e);
            }
        }
        long[] dist = new long[nodes];
        int[] via = new int[nodes];
        Arrays.fill(dist, Long.MAX_VALUE);
        Arrays.fill(via, -1);
        int from = edges.get(bridge).u();
        int to = edges.get(bridge).v();
        dist[from] = 0;
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        queue.add(new long[] {0, from});
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int node = (int) top[1];
            if (top[0] > dist[node]) {
                continue;
            }
            if (node == to) {
                break;
            }
            for (int e : incident.get(node)) {
                Edge edge = edges.get(e);
                int next = edge.u() == node ? edge.v() : edge.u();
                long cost = dist[node] + (active[e] ? 0
                        : edge.fix() == Fix.LAST_RESORT ? edge.value() * LAST_RESORT_COST : edge.value());
                if (cost < dist[next]) {
                    dist[next] = cost;
                    via[next] = e;
                    queue.add(new long[] {cost, next});
                }
            }
        }
        if (dist[to] == Long.MAX_VALUE) {
            return List.of();
        }
        List<Integer> added = new ArrayList<>();
        for (int node = to; node != from; ) {
            int e = via[node];
            if (!active[e]) {
                added.add(e);
            }
            node = edges.get(e).u() == node ? edges.get(e).v() : edges.get(e).u();
        }
        return added;
    }
}
