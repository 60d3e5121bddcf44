package rw.ijwi.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables a month's release publishes, as a {@link Model}: per district its count by service, by gap, by
 * channel and by sector; each district's total; the country's count by service, by gap and by channel; the grand
 * total. These four families meet only in the district totals (a star around the district), so any tables that
 * agree on those totals come from some set of reports: the attacker's program over these atoms is exact, not a
 * relaxation. Service x gap and service x channel would close a cycle (and need the three-way cells as atoms); they
 * are left to readers who see exact counts.
 *
 * <p>Keys: {@code total}, {@code district:D}, {@code service:S} (likewise gap, channel), {@code district:D|service:S}
 * (likewise gap, channel, sector).
 */
public record MonthTables(List<String> districts, Map<String, List<String>> categories,
        Map<String, long[][]> byDistrict, Map<String, List<String>> sectors, Map<String, long[]> sectorCounts) {

    /** The dimensions crossed with district, in order. */
    public static final List<String> FAMILIES = List.of("service", "gap", "channel");

    public static String key(String dimension, String value) {
        return dimension + ":" + value;
    }

    public static String key(String district, String dimension, String value) {
        return "district:" + district + "|" + dimension + ":" + value;
    }

    /** The model, and per district the atoms its coordinator knows (every cell of the district). */
    public record Built(Model model, Map<String, int[]> districtAtoms) {
    }

    public Built build() {
        Model.Builder b = new Model.Builder();
        Map<String, int[][]> cells = new LinkedHashMap<>();
        for (String family : FAMILIES) {
            long[][] counts = byDistrict.get(family);
            int[][] atoms = new int[districts.size()][];
            for (int d = 0; d < districts.size(); d++) {
                atoms[d] = new int[categories.get(family).size()];
                for (int v = 0; v < atoms[d].length; v++) {
                    atoms[d][v] = b.atom(counts[d][v]);
                    b.figure(key(districts.get(d), family, categories.get(family).get(v)), atoms[d][v]);
                }
            }
            cells.put(family, atoms);
        }
        Map<String, int[]> own = new LinkedHashMap<>();
        int[][] sectorAtoms = new int[districts.size()][];
        for (int d = 0; d < districts.size(); d++) {
            String district = districts.get(d);
            List<String> names = sectors.get(district);
            long[] counts = sectorCounts.get(district);
            sectorAtoms[d] = new int[names.size()];
            for (int s = 0; s < names.size(); s++) {
                sectorAtoms[d][s] = b.atom(counts[s]);
                b.figure(key(district, "sector", names.get(s)), sectorAtoms[d][s]);
            }
            int[] total = cells.get(FAMILIES.get(0))[d];
            b.figure(key("district", district), total);
            for (String family : FAMILIES.subList(1, FAMILIES.size())) {
                b.tie(cells.get(family)[d], total);
            }
            b.tie(sectorAtoms[d], total);
            List<Integer> known = new ArrayList<>();
            for (String family : FAMILIES) {
                for (int a : cells.get(family)[d]) {
                    known.add(a);
                }
            }
            for (int a : sectorAtoms[d]) {
                known.add(a);
            }
            own.put(district, known.stream().mapToInt(Integer::intValue).toArray());
        }
        List<Integer> all = new ArrayList<>();
        for (String family : FAMILIES) {
            int[][] atoms = cells.get(family);
            for (int v = 0; v < categories.get(family).size(); v++) {
                int[] column = new int[districts.size()];
                for (int d = 0; d < districts.size(); d++) {
                    column[d] = atoms[d][v];
                }
                b.figure(key(family, categories.get(family).get(v)), column);
            }
        }
        for (int[] row : cells.get(FAMILIES.get(0))) {
            for (int a : row) {
                all.add(a);
            }
        }
        b.figure("total", all.stream().mapToInt(Integer::intValue).toArray());
        return new Built(b.build(), own);
    }
}
