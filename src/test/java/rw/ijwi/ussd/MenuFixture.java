package rw.ijwi.ussd;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import rw.ijwi.commitments.Commitment;
import rw.ijwi.config.MenuSource;
import rw.ijwi.geo.Geography;

/** The project's own menus, loaded and checked without a database, for the pure engine tests. */
final class MenuFixture {

    static final int LIMIT = 160;

    final Menu menu;
    final Lists lists;
    final Renderer renderer;
    final Engine engine;

    MenuFixture(List<Commitment> commitments) {
        Menus.Loaded loaded = Menus.load(MenuSource.directory(Path.of("menus")), Geography.fromPackagedCsv(),
                district -> commitments.stream().filter(c -> c.district().equals(district)).toList(), LIMIT);
        this.menu = loaded.menu();
        // The engine reads no database: what the commitment screens list is loaded before it runs.
        this.lists = loaded.lists().loadedFor(commitments.stream().map(c -> Map.of("district", c.district())).toList());
        this.renderer = new Renderer(menu, lists, LIMIT);
        this.engine = new Engine(menu, lists, renderer);
    }

    MenuFixture() {
        this(List.of());
    }

    /** The state after typing each input in turn, from a fresh session in the language. */
    SessionState after(String language, String... inputs) {
        SessionState state = engine.start(language);
        for (String input : inputs) {
            state = engine.apply(state, input);
        }
        return state;
    }

    String screen(SessionState state) {
        return renderer.render(state, Map.of());
    }
}
