package rw.ijwi.feedback;

import java.time.LocalDate;

/**
 * One line of the grouping-sets query: a count for one combination of the dimensions named by
 * {@code grouping} (a bit per column, district first, set when that column is rolled up).
 */
public record CubeRow(Integer districtId, Integer sectorId, String service, String gap, String channel,
        LocalDate week, int grouping, long count) {
}
