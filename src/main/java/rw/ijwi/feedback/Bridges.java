package rw.ijwi.feedback;

import java.util.ArrayList;
import java.util.List;

/** Finds the bridges of a multigraph given as edges (Tarjan's low-link); parallel edges are never bridges. */
final class Bridges {

    private final List<List<Integer>> incident = new ArrayList<>();
    private final List<Suppression.Edge> edges;
    private final int[] order;
    private final int[] low;
    private final List<Integer> found = new ArrayList<>();
    private int clock;

    private Bridges(int nodes, List<Suppression.Edge> edges, boolean[] active) {
        this.edges = edges;
        for (int i = 0; i < nodes; i++) {
            incident.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            if (active[e]) {
                incident.get(edges.get(e).u()).add(e);
                incident.get(edges.get(e).v()).add(e);
            }
        }
        this.order = new int[nodes];
        this.low = new int[nodes];
    }

    /** The indexes of the active edges that are bridges among the active edges. */
    static List<Integer> find(int nodes, List<Suppression.Edge> edges, boolean[] active) {
        Bridges b = new Bridges(nodes, edges, active);
        for (int node = 0; node < nodes; node++) {
            if (b.order[node] == 0 && !b.incident.get(node).isEmpty()) {
                b.visit(node, -1);
            }
        }
        return b.found;
    }

    private void visit(int node, int parentEdge) {
        order[node] = ++clock;
        low[node] = order[node];
        for (int e : incident.get(node)) {
            if (e == parentEdge) {
                continue;
            }
            Suppression.Edge edge = edges.get(e);
            int next = edge.u() == node ? edge.v() : edge.u();
            if (order[next] == 0) {
                visit(next, e);
                low[node] = Math.min(low[node], low[next]);
                if (low[next] > order[node]) {
                    found.add(e);
                }
            } else {
                low[node] = Math.min(low[node], order[next]);
            }
        }
    }
}
