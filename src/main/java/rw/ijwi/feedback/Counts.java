package rw.ijwi.feedback;

import java.util.List;
import java.util.Map;

/**
 * Exact counts of one period laid out as tables: the values of each dimension (zeros included), a 1-D table
 * per dimension, a 2-D table per published pair, and per district its sectors (last: "unknown").
 */
public record Counts(Period period, Map<Dimension, List<String>> values, Map<Dimension, long[]> vectors,
        Map<List<Dimension>, long[][]> grids, Map<String, List<String>> sectors, Map<String, long[]> sectorCounts,
        long total) {

    /** The pairs published as 2-D tables, row dimension first (district rows carry the insiders). */
    public static final List<List<Dimension>> PAIRS = List.of(
            List.of(Dimension.DISTRICT, Dimension.SERVICE), List.of(Dimension.DISTRICT, Dimension.GAP),
            List.of(Dimension.DISTRICT, Dimension.CHANNEL), List.of(Dimension.DISTRICT, Dimension.WEEK),
            List.of(Dimension.SERVICE, Dimension.GAP), List.of(Dimension.SERVICE, Dimension.CHANNEL),
            List.of(Dimension.SERVICE, Dimension.WEEK));

    public static final String UNKNOWN_SECTOR = "unknown";

    public int index(Dimension dimension, String value) {
        return values.get(dimension).indexOf(value);
    }
}
