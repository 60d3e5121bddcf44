package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import rw.ijwi.feedback.Figures.Count;
import rw.ijwi.feedback.Figures.State;
import rw.ijwi.geo.Geography;

/** The schematic map: every district once, no tiles on top of each other, each province in one piece. */
class TileMapTest {

    @Test
    void every_one_of_the_thirty_districts_has_exactly_one_tile() {
        Set<String> districts = Geography.fromPackagedCsv().districts().stream().map(Geography.District::name)
                .collect(Collectors.toSet());
        assertThat(districts).hasSize(30);
        assertThat(TileMap.PLACES).extracting(TileMap.Place::district).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(districts);
    }

    @Test
    void no_two_tiles_overlap() {
        TileMap.Drawn drawn = TileMap.draw(Map.of(), c -> "", null, "map", "hidden");
        List<TileMap.Tile> tiles = drawn.tiles();
        for (int i = 0; i < tiles.size(); i++) {
            for (int j = i + 1; j < tiles.size(); j++) {
                TileMap.Tile a = tiles.get(i);
                TileMap.Tile b = tiles.get(j);
                boolean apart = a.x() + TileMap.TILE <= b.x() || b.x() + TileMap.TILE <= a.x()
                        || a.y() + TileMap.TILE <= b.y() || b.y() + TileMap.TILE <= a.y();
                assertThat(apart).as(a.place().district() + " and " + b.place().district()).isTrue();
                assertThat(a.x() + TileMap.TILE).isLessThanOrEqualTo(drawn.width());
            }
        }
    }

    @Test
    void each_province_is_contiguous() {
        for (Map.Entry<String, List<TileMap.Place>> province : TileMap.provinces().entrySet()) {
            List<TileMap.Place> places = province.getValue();
            Set<TileMap.Place> seen = new HashSet<>();
            Deque<TileMap.Place> todo = new ArrayDeque<>(List.of(places.get(0)));
            while (!todo.isEmpty()) {
                TileMap.Place p = todo.pop();
                if (seen.add(p)) {
                    places.stream().filter(q -> Math.abs(q.col() - p.col()) + Math.abs(q.row() - p.row()) == 1)
                            .forEach(todo::push);
                }
            }
            assertThat(seen).as(province.getKey()).hasSameSizeAs(places);
        }
    }

    @Test
    void provinces_are_the_ones_of_the_packaged_geography() throws Exception {
        Map<String, String> provinceOf = new HashMap<>();
        try (var in = TileMapTest.class.getResourceAsStream("/db/migration/rwanda-sectors.csv")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes()).split("\n")) {
                    String[] f = line.split(",");
                    if (f.length >= 2 && !f[0].equals("province")) {
                        provinceOf.put(f[1].strip(), f[0].strip());
                    }
                }
            }
        }
        assertThat(provinceOf).as("the packaged geography CSV").hasSize(30);
        for (TileMap.Place p : TileMap.PLACES) {
            assertThat(p.province()).as(p.district()).isEqualTo(provinceOf.get(p.district()));
        }
    }

    @Test
    void kigali_is_in_the_middle_rusizi_south_west_and_nyagatare_north_east() {
        Map<String, TileMap.Place> at = TileMap.PLACES.stream()
                .collect(Collectors.toMap(TileMap.Place::district, p -> p));
        assertThat(at.get("Rusizi").col()).isZero();
        assertThat(at.get("Rusizi").row()).isEqualTo(5);
        assertThat(at.get("Nyagatare").row()).isZero();
        assertThat(at.get("Nyagatare").col()).isGreaterThanOrEqualTo(4);
        for (String kigali : List.of("Nyarugenge", "Gasabo", "Kicukiro")) {
            assertThat(at.get(kigali).col()).isBetween(2, 3);
            assertThat(at.get(kigali).row()).isBetween(1, 2);
        }
    }

    @Test
    void a_small_count_or_a_range_is_hatched_never_coloured_by_size() {
        Map<String, Count> counts = Map.of("Rusizi", new Count(0, State.SMALL, 0, 4), "Huye",
                new Count(0, State.RANGE, 12, 17), "Gasabo", Count.exact(50), "Kicukiro", Count.exact(10));
        TileMap.Drawn drawn = TileMap.draw(counts, c -> c.exact() ? Long.toString(c.value()) : "<5", "Huye", "m", "h");
        Map<String, TileMap.Tile> tiles = drawn.tiles().stream()
                .collect(Collectors.toMap(t -> t.place().district(), t -> t));
        assertThat(tiles.get("Rusizi").css()).isEqualTo("hatched");
        assertThat(tiles.get("Huye").css()).isEqualTo("hatched");
        assertThat(tiles.get("Huye").highlight()).isTrue();
        assertThat(tiles.get("Gasabo").css()).isEqualTo("step5");
        assertThat(tiles.get("Kicukiro").css()).isEqualTo("step1");
        assertThat(drawn.legend()).extracting(TileMap.Key::label).contains("1-10", "41-50", "h");
    }
}
