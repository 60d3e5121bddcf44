package rw.ijwi.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rw.ijwi.geo.Geography;
import rw.ijwi.geo.Rwanda;

/** Reads the counts of a period in one query and lays them out as the tables the dashboard publishes. */
public final class Aggregates {

    public static final List<String> SERVICES = List.of("police", "health", "justice", "local_leaders", "shelter",
            "other");
    public static final List<String> GAPS = List.of("not_available", "no_response", "asked_to_pay", "treated_badly",
            "not_followed_up", "other");
    public static final List<String> CHANNELS = List.of("ussd", "sms");

    private static final Dimension[] COLUMNS = {Dimension.DISTRICT, Dimension.SECTOR, Dimension.SERVICE,
        Dimension.GAP, Dimension.CHANNEL, Dimension.WEEK};

    private final AggregateDao dao;
    private final Geography geography;

    public Aggregates(AggregateDao dao, Geography geography) {
        this.dao = dao;
        this.geography = geography;
    }

    public Geography geography() {
        return geography;
    }

    public Counts counts(Period period) {
        Map<Dimension, List<String>> values = new EnumMap<>(Dimension.class);
        values.put(Dimension.DISTRICT, geography.districts().stream().map(Geography.District::name).toList());
        values.put(Dimension.SERVICE, SERVICES);
        values.put(Dimension.GAP, GAPS);
        values.put(Dimension.CHANNEL, CHANNELS);
        values.put(Dimension.WEEK, period.weeks().stream().map(Period::weekLabel).toList());
        Map<Integer, String> districtNames = new HashMap<>();
        geography.districts().forEach(d -> districtNames.put(d.id(), d.name()));
        Map<Integer, String> sectorNames = new HashMap<>();
        Map<String, List<String>> sectors = new LinkedHashMap<>();
        for (Geography.District d : geography.districts()) {
            List<String> names = new ArrayList<>();
            geography.sectors(d).forEach(s -> {
                names.add(s.name());
                sectorNames.put(s.id(), s.name());
            });
            names.add(Counts.UNKNOWN_SECTOR);
            sectors.put(d.name(), List.copyOf(names));
        }
        Map<Dimension, long[]> vectors = new EnumMap<>(Dimension.class);
        values.forEach((d, v) -> vectors.put(d, new long[v.size()]));
        Map<List<Dimension>, long[][]> grids = new LinkedHashMap<>();
        for (List<Dimension> pair : Counts.PAIRS) {
            grids.put(pair, new long[values.get(pair.get(0)).size()][values.get(pair.get(1)).size()]);
        }
        Map<String, long[]> sectorCounts = new LinkedHashMap<>();
        sectors.forEach((d, names) -> sectorCounts.put(d, new long[names.size()]));
        Counts counts = new Counts(period, values, vectors, grids, sectors, sectorCounts, 0);
        for (CubeRow row : dao.cube(period)) {
            List<Dimension> dims = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int c = 0; c < COLUMNS.length; c++) {
                if ((row.grouping() & (1 << (COLUMNS.length - 1 - c))) == 0) {
                    dims.add(COLUMNS[c]);
                    keys.add(key(COLUMNS[c], row, districtNames, sectorNames));
                }
            }
            if (dims.get(1) == Dimension.SECTOR) {
                List<String> names = sectors.get(keys.get(0));
                int s = names.indexOf(keys.get(1));
                sectorCounts.get(keys.get(0))[s < 0 ? names.size() - 1 : s] += row.count();
            } else {
                int i = counts.index(dims.get(0), keys.get(0));
                int j = counts.index(dims.get(1), keys.get(1));
                if (i >= 0 && j >= 0) {
                    grids.get(dims)[i][j] += row.count();
                }
            }
        }
        // The 1-D tables are margins of the pairs: district and service from district x service, the others
        // from service x them.
        margins(grids.get(List.of(Dimension.DISTRICT, Dimension.SERVICE)), vectors.get(Dimension.DISTRICT),
                vectors.get(Dimension.SERVICE));
        margins(grids.get(List.of(Dimension.SERVICE, Dimension.GAP)), null, vectors.get(Dimension.GAP));
        margins(grids.get(List.of(Dimension.SERVICE, Dimension.CHANNEL)), null, vectors.get(Dimension.CHANNEL));
        margins(grids.get(List.of(Dimension.SERVICE, Dimension.WEEK)), null, vectors.get(Dimension.WEEK));
        return new Counts(period, values, vectors, grids, sectors, sectorCounts,
                java.util.Arrays.stream(vectors.get(Dimension.DISTRICT)).sum());
    }

    private static void margins(long[][] grid, long[] rows, long[] columns) {
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
                if (rows != null) {
                    rows[i] += grid[i][j];
                }
                columns[j] += grid[i][j];
            }
        }
    }

    private static String key(Dimension d, CubeRow row, Map<Integer, String> districts, Map<Integer, String> sectors) {
        return switch (d) {
            case DISTRICT -> districts.get(row.districtId());
            case SECTOR -> row.sectorId() == null ? Counts.UNKNOWN_SECTOR : sectors.get(row.sectorId());
            case SERVICE -> row.service();
            case GAP -> row.gap();
            case CHANNEL -> row.channel();
            case WEEK -> Period.weekLabel(row.week());
            case MONTH -> throw new IllegalArgumentException("the cube has no month column");
        };
    }

    /** Today in Rwanda. */
    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(Rwanda.ZONE));
    }
}
