package rw.ijwi.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import rw.ijwi.feedback.Figures.Count;

/**
 * Rwanda's 30 districts as a schematic tile map: one square per district on a 6 x 6 grid, placed by hand roughly
 * where it lies (Rubavu north-west on Lake Kivu, Rusizi south-west, Nyagatare north-east, Kigali's three districts in
 * the middle, each province in one piece). Tiles are coloured on a sequential scale by their published count; a
 * "&lt;k" or a range gets a neutral hatch instead, because its colour would otherwise draw a size the release does not
 * give. Drawn as SVG by map.jte in real pixels (1 unit = 1 px) so its text is never scaled below its size.
 */
public final class TileMap {

    /** A district's place: column (west to east) and row (north to south), and its province. */
    public record Place(String district, String province, int col, int row) {
    }

    /** One drawn tile: where, its class (a colour step, or "hatched"), the figure shown, and whether highlighted. */
    public record Tile(Place place, double x, double y, String css, String shown, boolean highlight) {
        public boolean longName() {
            return place.district().length() > 8;
        }
    }

    /** One legend entry: its class and label. */
    public record Key(String css, String label) {
    }

    /** A rendered map: tiles, legend, size in px, and the description for assistive technology. */
    public record Drawn(List<Tile> tiles, List<Key> legend, int width, int height, String label) {
    }

    public static final int TILE = 64;
    public static final int GAP = 3;
    static final int STEPS = 5;

    /** The grid: [province, district, col, row]. */
    public static final List<Place> PLACES = List.of(
            new Place("Rubavu", "West", 0, 0), new Place("Nyabihu", "West", 0, 1), new Place("Rutsiro", "West", 0, 2),
            new Place("Ngororero", "West", 1, 2), new Place("Karongi", "West", 0, 3),
            new Place("Nyamasheke", "West", 0, 4), new Place("Rusizi", "West", 0, 5),
            new Place("Musanze", "North", 1, 0), new Place("Burera", "North", 2, 0), new Place("Gicumbi", "North", 3, 0),
            new Place("Gakenke", "North", 1, 1), new Place("Rulindo", "North", 2, 1),
            new Place("Gasabo", "Kigali", 3, 1), new Place("Nyarugenge", "Kigali", 2, 2),
            new Place("Kicukiro", "Kigali", 3, 2),
            new Place("Nyagatare", "East", 4, 0), new Place("Gatsibo", "East", 4, 1), new Place("Rwamagana", "East", 4, 2),
            new Place("Kayonza", "East", 5, 2), new Place("Bugesera", "East", 3, 3), new Place("Ngoma", "East", 4, 3),
            new Place("Kirehe", "East", 5, 3),
            new Place("Muhanga", "South", 1, 3), new Place("Kamonyi", "South", 2, 3),
            new Place("Nyamagabe", "South", 1, 4), new Place("Ruhango", "South", 2, 4), new Place("Nyanza", "South", 3, 4),
            new Place("Nyaruguru", "South", 1, 5), new Place("Huye", "South", 2, 5), new Place("Gisagara", "South", 3, 5));

    private TileMap() {
    }

    /**
     * Draws the map: each district's published count, labelled by {@code shown}, the highlighted one outlined.
     * Colour steps split 0..max (of the exact counts) into five equal bands with round bounds.
     */
    public static Drawn draw(Map<String, Count> counts, Function<Count, String> shown, String highlight,
            String label, String hiddenLabel) {
        long max = 0;
        for (Count c : counts.values()) {
            if (c.exact()) {
                max = Math.max(max, c.value());
            }
        }
        long step = niceStep(max);
        List<Tile> tiles = new ArrayList<>();
        for (Place p : PLACES) {
            Count c = counts.get(p.district());
            String css;
            String text;
            if (c == null) {
                css = "hatched";
                text = "";
            } else if (!c.exact()) {
                css = "hatched";
                text = shown.apply(c);
            } else {
                css = "step" + (c.value() == 0 ? 0 : Math.min(STEPS, 1 + (c.value() - 1) / step));
                text = shown.apply(c);
            }
            tiles.add(new Tile(p, GAP + p.col() * (TILE + GAP), GAP + p.row() * (TILE + GAP), css, text,
                    p.district().equals(highlight)));
        }
        List<Key> legend = new ArrayList<>();
        legend.add(new Key("step0", "0"));
        for (int s = 1; s <= STEPS; s++) {
            legend.add(new Key("step" + s, ((s - 1) * step + 1) + "-" + (s * step)));
        }
        legend.add(new Key("hatched", hiddenLabel));
        int size = GAP + 6 * (TILE + GAP);
        return new Drawn(tiles, legend, size, size, label);
    }

    /** A round band width so five bands cover 0..max: 1, 2, 5, 10, 20, 50, ... */
    static long niceStep(long max) {
        long raw = Math.max(1, (max + STEPS - 1) / STEPS);
        long base = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (base * m >= raw) {
                    return base * m;
                }
            }
            base *= 10;
        }
    }

    /** The districts by province, in grid order (for the unit test and the accessible table). */
    static Map<String, List<Place>> provinces() {
        Map<String, List<Place>> byProvince = new LinkedHashMap<>();
        for (Place p : PLACES) {
            byProvince.computeIfAbsent(p.province(), x -> new ArrayList<>()).add(p);
        }
        return byProvince;
    }
}
