package rw.ijwi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Complements chosen by the audit: small counts stay wholly uncertain to the public and to each insider. */
class ProtectorTest {

    private static final int K = 5;

    @Test
    void a_row_whose_total_leaves_eight_for_two_small_cells_gets_a_complement() {
        // The case: a district total of 65 over services 20, 16, 9, 12, 4, 4 gives both 4s back.
        Model.Builder b = new Model.Builder();
        long[][] rows = {{20, 16, 9, 12, 4, 4}, {30, 22, 14, 11, 9, 8}};
        int[][] atoms = new int[2][6];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 6; c++) {
                atoms[r][c] = b.atom(rows[r][c]);
                b.figure("cell" + r + c, atoms[r][c]);
            }
            b.figure("row" + r, atoms[r]);
        }
        for (int c = 0; c < 6; c++) {
            b.figure("column" + c, atoms[0][c], atoms[1][c]);
        }
        Model model = b.build();
        Protector.Release release = new Protector(K).protect(model, Protector.views(model.atoms(), Map.of()));

        assertThat(release.figures().get("cell04").shown()).isEqualTo(Shown.SMALL);
        assertThat(release.complements()).isGreaterThan(0);
        IntegerAttacker attacker = IntegerAttacker.of(model, release, null);
        for (String cell : List.of("cell04", "cell05")) {
            int[] of = model.figure(model.indexOf(cell)).atoms();
            assertThat(attacker.bound(of, false)).as(cell).isLessThanOrEqualTo(1);
            assertThat(attacker.bound(of, true)).as(cell).isEqualTo(K - 1);
        }
    }

    @Test
    void zeros_are_shown_as_small_so_a_small_total_tells_nothing_about_its_parts() {
        Model.Builder b = new Model.Builder();
        int police = b.atom(2);
        int health = b.atom(1);
        int justice = b.atom(0);
        b.figure("police", police).figure("health", health).figure("justice", justice)
                .figure("total", police, health, justice);
        Model model = b.build();
        Protector.Release release = new Protector(K).protect(model, Protector.views(model.atoms(), Map.of()));

        assertThat(release.figures().values()).allMatch(p -> p.shown() == Shown.SMALL);
        assertThat(IntegerAttacker.of(model, release, null).bound(new int[] {police}, true)).isEqualTo(K - 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void an_audit_without_repairs_finds_nothing_in_what_protect_chose(int seed) {
        Random random = new Random(seed);
        int districts = 8;
        int[] reports = new int[districts];
        for (int d = 0; d < districts; d++) {
            reports[d] = d < 2 ? 20 + random.nextInt(60) : random.nextInt(3) == 0 ? random.nextInt(9) : 0;
        }
        MonthTables.Built built = Months.random(random, districts, 5, reports).build();
        Model model = built.model();
        List<Audit.View> views = Protector.views(model.atoms(), built.districtAtoms());
        Protector.Release release = new Protector(K).protect(model, views);

        Shown[] shown = model.figures().stream().map(f -> release.figures().get(f.key()).shown())
                .toArray(Shown[]::new);
        Audit.Result audit = Audit.run(model, shown, K, views);
        assertThat(audit.findings()).isEmpty();
        // Nothing under k is ever exact, nothing hidden is under k.
        for (int f = 0; f < model.figures().size(); f++) {
            long v = model.value(f);
            assertThat(shown[f]).isEqualTo(v < K ? Shown.SMALL : shown[f]);
            if (shown[f] == Shown.HIDDEN) {
                Protector.Published p = release.figures().get(model.figure(f).key());
                assertThat(v).isBetween(p.lo(), p.hi());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {11, 12, 13})
    void whole_number_attackers_public_or_insider_cannot_narrow_a_small_count(int seed) {
        Random random = new Random(seed);
        int districts = 4;
        int[] reports = {25 + random.nextInt(20), 6 + random.nextInt(6), random.nextInt(5), 3};
        MonthTables.Built built = Months.random(random, districts, 3, reports).build();
        Model model = built.model();
        Protector.Release release = new Protector(K).protect(model,
                Protector.views(model.atoms(), built.districtAtoms()));
        List<Integer> small = Audit.primaries(model, K);
        assertThat(small).isNotEmpty();
        Shown[] shown = model.figures().stream().map(f -> release.figures().get(f.key()).shown())
                .toArray(Shown[]::new);
        for (String insider : List.of("", "D0", "D1")) {
            long[] known = null;
            boolean[] mask = new boolean[model.atoms()];
            if (!insider.isEmpty()) {
                known = new long[model.atoms()];
                Arrays.fill(known, -1);
                for (int a : built.districtAtoms().get(insider)) {
                    known[a] = model.atom(a);
                    mask[a] = true;
                }
            }
            Audit.View view = new Audit.View(insider, mask);
            IntegerAttacker attacker = IntegerAttacker.of(model, release, known);
            for (int f : small) {
                int[] of = model.figure(f).atoms();
                if (Arrays.stream(of).anyMatch(a -> mask[a])) {
                    continue; // the insider's own count, or a total holding it
                }
                String what = model.figure(f).key() + " seen by " + (insider.isEmpty() ? "the public" : insider);
                assertThat(attacker.bound(of, false)).as(what).isLessThanOrEqualTo(1);
                assertThat((double) attacker.bound(of, true)).as(what)
                        .isGreaterThanOrEqualTo(Audit.ceiling(model, shown, K, f, view));
            }
        }
    }

    private static boolean contains(int[] atoms, int a) {
        return Arrays.stream(atoms).anyMatch(x -> x == a);
    }
}
