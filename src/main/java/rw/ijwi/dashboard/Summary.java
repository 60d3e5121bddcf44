package rw.ijwi.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rw.ijwi.feedback.Dimension;
import rw.ijwi.feedback.Figures;

/** The rows of a summary request as published: one per combination of the groupBy values, zeros included. */
public final class Summary {

    /** One row: the value of each groupBy dimension, and the count as a number or a label ("<5", "12-17"). */
    public record Row(Map<String, String> keys, Object count) {
    }

    private Summary() {
    }

    public static List<Row> rows(SummaryRequest request, Figures figures) {
        List<Row> rows = new ArrayList<>();
        List<Dimension> by = request.groupBy();
        List<String> first = values(figures, request, by.get(0));
        if (by.size() == 1) {
            for (String v : first) {
                rows.add(row(figures, Map.of(by.get(0), v), request));
            }
            return rows;
        }
        for (String v : first) {
            for (String w : values(figures, request, by.get(1))) {
                Map<Dimension, String> keys = new LinkedHashMap<>();
                keys.put(by.get(0), v);
                keys.put(by.get(1), w);
                rows.add(row(figures, keys, request));
            }
        }
        return rows;
    }

    private static List<String> values(Figures figures, SummaryRequest request, Dimension d) {
        if (d == Dimension.DISTRICT && request.district().isPresent()) {
            return List.of(request.district().get());
        }
        if (d == Dimension.SERVICE && request.service().isPresent()) {
            return List.of(request.service().get());
        }
        if (d == Dimension.SECTOR) {
            return figures.sectors(request.district().orElseThrow());
        }
        return figures.values(d);
    }

    private static Row row(Figures figures, Map<Dimension, String> keys, SummaryRequest request) {
        Map<Dimension, String> all = new LinkedHashMap<>(keys);
        request.district().ifPresent(d -> all.putIfAbsent(Dimension.DISTRICT, d));
        request.service().ifPresent(s -> all.putIfAbsent(Dimension.SERVICE, s));
        Figures.Count count = count(figures, all);
        Map<String, String> named = new LinkedHashMap<>();
        keys.forEach((d, v) -> named.put(d.code(), v));
        return new Row(named, count.exact() ? (Object) count.value() : figures.label(count));
    }

    /** The published count at these coordinates (one dimension, or a published pair, or district and sector). */
    public static Figures.Count count(Figures figures, Map<Dimension, String> at) {
        List<Dimension> dims = new ArrayList<>(at.keySet());
        if (dims.size() == 1) {
            return figures.of(dims.get(0), at.get(dims.get(0)));
        }
        if (dims.contains(Dimension.SECTOR)) {
            return figures.sector(at.get(Dimension.DISTRICT), at.get(Dimension.SECTOR));
        }
        return figures.of(dims.get(0), at.get(dims.get(0)), dims.get(1), at.get(dims.get(1)));
    }
}
