package rw.ijwi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import rw.ijwi.feedback.Suppression.State;

/** Exact answers on small known tables: which counts are shown, which are "<k", which are "hidden". */
class SuppressionTest {

    private static final State E = State.EXACT;
    private static final State S = State.SMALL;
    private static final State H = State.HIDDEN;

    private final Suppression k5 = new Suppression(5);

    private LinkedTables.Result one(long... cells) {
        return new LinkedTables(k5).suppress(Map.of("d", cells), Map.of(), Map.of());
    }

    @Test
    void counts_of_five_or_more_and_zero_are_shown_exactly() {
        assertThat(one(5, 0, 12, 300).vectors().get("d")).containsExactly(E, E, E, E);
    }

    @Test
    void a_lone_small_count_takes_the_smallest_other_count_with_it() {
        // 3 alone could be read as total - 12 - 40 - 7; hiding 7 too leaves 3 + 7 = 10, not 3.
        assertThat(one(3, 12, 40, 7).vectors().get("d")).containsExactly(S, E, E, H);
    }

    @Test
    void two_small_counts_protect_each_other_when_they_add_up_to_at_least_k() {
        assertThat(one(2, 12, 3, 40).vectors().get("d")).containsExactly(S, E, S, E);
    }

    @Test
    void two_ones_are_not_enough_because_a_reader_knows_each_is_at_least_one() {
        assertThat(one(1, 12, 1, 40).vectors().get("d")).containsExactly(S, H, S, E);
    }

    @Test
    void a_small_total_is_itself_hidden_and_so_are_all_its_cells() {
        LinkedTables.Result r = one(1, 0, 2);
        assertThat(r.vectors().get("d")).containsExactly(S, E, S);
        assertThat(r.total()).isEqualTo(S);
    }

    @Test
    void a_coordinator_who_knows_their_own_count_cannot_subtract_it_to_find_a_neighbours() {
        // Districts 0, 1, 2: the small count (index 0) is protected by index 1, but the coordinator of 1
        // knows it; a third district (the smallest left, index 3) must join.
        LinkedTables.Result r = new LinkedTables(k5).suppress(Map.of("d", new long[] {3, 9, 50, 20}), Map.of(),
                Map.of("d", LinkedTables.eachAlone(4)));
        assertThat(r.vectors().get("d")).containsExactly(S, H, E, H);
    }

    @Test
    void in_a_two_way_table_the_district_total_minus_the_other_cells_does_not_give_a_small_cell() {
        // district x service; district totals 15, 30, 27 are shown; Rusizi's 3 must hide with a partner in
        // its row and in its column, and the partners' partners, until every hidden cell lies on a cycle.
        long[][] cells = {
            {12, 3, 0},
            {10, 12, 8},
            {9, 8, 10},
        };
        Map<String, long[]> vectors = new LinkedHashMap<>();
        vectors.put("district", new long[] {15, 30, 27});
        vectors.put("service", new long[] {31, 23, 18});
        LinkedTables.Result r = new LinkedTables(k5).suppress(vectors, Map.of(List.of("district", "service"), cells),
                Map.of());
        assertThat(r.vectors().get("district")).containsExactly(E, E, E);
        assertThat(r.vectors().get("service")).containsExactly(E, E, E);
        State[][] g = r.grids().get(List.of("district", "service"));
        assertThat(new State[] {g[1][1], g[1][2], g[1][3]}).containsExactly(H, S, E);
        assertThat(new State[] {g[2][1], g[2][2], g[2][3]}).containsExactly(E, E, E);
        assertThat(new State[] {g[3][1], g[3][2], g[3][3]}).containsExactly(H, H, E);
    }

    @Test
    void labels_say_what_a_count_is() {
        assertThat(k5.label(E, 12)).isEqualTo("12");
        assertThat(k5.label(S, 3)).isEqualTo("<5");
        assertThat(k5.label(H, 40)).isEqualTo("hidden");
    }

    @Test
    void with_k_of_one_nothing_is_hidden() {
        assertThat(new LinkedTables(new Suppression(1)).suppress(Map.of("d", new long[] {1, 2, 0}), Map.of(),
                Map.of("d", List.of(Set.of(0)))).vectors().get("d")).containsExactly(E, E, E);
    }
}
