package rw.ijwi.ussd;

import java.util.List;
import java.util.function.Function;

import rw.ijwi.commitments.Commitment;
import rw.ijwi.config.MenuSource;
import rw.ijwi.geo.Geography;

/** Loads the menu files and proves them safe, or fails with every problem found, named by file, screen, language. */
public final class Menus {

    /** The menu files cannot be served; the message lists each problem on its own line. */
    public static final class Invalid extends RuntimeException {
        private final List<Problem> problems;

        Invalid(String where, List<Problem> problems) {
            super("menus in " + where + " have " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** A checked menu, the lists it was checked against, and notes worth an editor's attention. */
    public record Loaded(Menu menu, UssdLists lists, List<String> notes) {
    }

    private Menus() {
    }

    public static Loaded load(MenuSource source, Geography geography,
            Function<String, List<Commitment>> commitments, int limit) {
        MenuLoader.Result result = new MenuLoader().load(source);
        if (!result.problems().isEmpty() || result.menu().isEmpty()) {
            throw new Invalid(source.describe(), result.problems());
        }
        Menu menu = result.menu().get();
        UssdLists lists = new UssdLists(geography, menu.strings(), commitments);
        MenuChecker checker = new MenuChecker(lists, UssdActions.ANSWERS, limit);
        List<Problem> problems = checker.check(menu);
        if (!problems.isEmpty()) {
            throw new Invalid(source.describe(), problems);
        }
        return new Loaded(menu, lists, checker.notes(menu));
    }
}
