package rw.ijwi.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random months of reports for tests: most districts quiet, a few busy, many small cells. */
final class Months {

    static final List<String> SERVICES = List.of("police", "health", "justice", "local_leaders", "shelter", "other");
    static final List<String> GAPS = List.of("not_available", "no_response", "asked_to_pay", "treated_badly",
            "not_followed_up", "other");
    static final List<String> CHANNELS = List.of("ussd", "sms");

    private Months() {
    }

    /** A month of reports: each district gets a number of reports, each report a random service, gap, channel, sector. */
    static MonthTables random(Random random, int districts, int sectorsEach, int[] reportsPerDistrict) {
        List<String> names = new ArrayList<>();
        Map<String, List<String>> sectors = new LinkedHashMap<>();
        Map<String, long[]> sectorCounts = new LinkedHashMap<>();
        Map<String, long[][]> cells = new LinkedHashMap<>();
        cells.put("service", new long[districts][SERVICES.size()]);
        cells.put("gap", new long[districts][GAPS.size()]);
        cells.put("channel", new long[districts][CHANNELS.size()]);
        for (int d = 0; d < districts; d++) {
            String name = "D" + d;
            names.add(name);
            List<String> s = new ArrayList<>();
            for (int i = 0; i < sectorsEach; i++) {
                s.add("S" + d + "_" + i);
            }
            s.add("unknown");
            sectors.put(name, s);
            long[] sc = new long[s.size()];
            for (int r = 0; r < reportsPerDistrict[d]; r++) {
                // Skewed: the first categories are likelier, as real reports are.
                cells.get("service")[d][skewed(random, SERVICES.size())]++;
                cells.get("gap")[d][skewed(random, GAPS.size())]++;
                cells.get("channel")[d][random.nextInt(4) == 0 ? 1 : 0]++;
                sc[skewed(random, s.size())]++;
            }
            sectorCounts.put(name, sc);
        }
        return new MonthTables(names, Map.of("service", SERVICES, "gap", GAPS, "channel", CHANNELS), cells, sectors,
                sectorCounts);
    }

    private static int skewed(Random random, int n) {
        int i = (int) Math.floor(Math.abs(random.nextGaussian()) * n / 2.5);
        return Math.min(i, n - 1);
    }
}
