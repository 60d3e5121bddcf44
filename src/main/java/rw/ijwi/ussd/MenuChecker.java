package rw.ijwi.ussd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rw.ijwi.gsm.Gsm7;

/**
 * Proves a loaded menu safe to serve: every text translated and GSM-7, every page of every screen within the
 * USSD limit in every language, every transition to an existing screen, every screen reachable.
 */
public final class MenuChecker {

    static final List<String> REQUIRED_STRINGS = List.of("back", "exit", "more", "goodbye", "invalid_choice",
            "invalid_input", "unavailable");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Set<String> BUILT_IN_PLACEHOLDERS = Set.of("ref", "hotlines", "verified");

    private final Lists lists;
    private final Map<String, Set<String>> actions;
    private final int limit;

    /** With the actions END screens may run, each with the answer keys it reads. */
    public MenuChecker(Lists lists, Map<String, Set<String>> actions, int limit) {
        this.lists = lists;
        this.actions = Map.copyOf(actions);
        this.limit = limit;
    }

    public List<Problem> check(Menu menu) {
        List<Problem> problems = new ArrayList<>();
        Set<String> saved = new HashSet<>();
        menu.screens().values().forEach(s -> s.save().ifPresent(saved::add));

        for (String key : REQUIRED_STRINGS) {
            if (!menu.strings().containsKey(key)) {
                problems.add(new Problem(MenuLoader.INDEX, null, null, "strings." + key + " is missing"));
            }
        }
        menu.strings().forEach((key, text) -> texts(menu, MenuLoader.INDEX, "strings." + key, text, saved, problems));
        menu.hotlines().lines().forEach(line ->
                texts(menu, "hotlines", "hotline " + line.number(), line.label(), saved, problems));
        if (!menu.screens().containsKey(menu.start())) {
            problems.add(new Problem(MenuLoader.INDEX, null, null, "start screen '" + menu.start() + "' does not exist"));
        }
        for (Screen screen : menu.screens().values()) {
            checkScreen(menu, screen, saved, problems);
        }
        unreachable(menu, problems);
        if (problems.isEmpty()) {
            lengths(menu, problems);
        }
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    private void checkScreen(Menu menu, Screen s, Set<String> saved, List<Problem> problems) {
        texts(menu, s.file(), s.id(), s.text(), saved, problems);
        s.options().forEach(o -> texts(menu, s.file(), s.id(), o.label(), saved, problems));
        s.empty().ifPresent(t -> texts(menu, s.file(), s.id(), t, saved, problems));
        s.otherwise().ifPresent(t -> texts(menu, s.file(), s.id(), t, saved, problems));
        s.input().flatMap(Screen.Input::error).ifPresent(t -> texts(menu, s.file(), s.id(), t, saved, problems));

        for (Screen.Option option : s.options()) {
            target(menu, s, option.next(), problems);
        }
        if (s.list().isPresent() && !lists.sources().contains(s.list().get())) {
            problems.add(new Problem(s.file(), s.id(), null, "unknown list '" + s.list().get() + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(lists.sources())) + ")"));
        }
        boolean needsNext = s.input().isPresent() || (s.list().isPresent() && !s.readOnly());
        if (needsNext && s.next().isEmpty()) {
            problems.add(new Problem(s.file(), s.id(), null, "has no next screen"));
        }
        s.next().ifPresent(next -> target(menu, s, next, problems));
        if (s.action().isPresent() && !s.isEnd()) {
            problems.add(new Problem(s.file(), s.id(), null, "an action runs only on an END screen (no options, list or input)"));
        }
        s.action().filter(a -> !actions.containsKey(a)).ifPresent(a -> problems.add(new Problem(s.file(), s.id(), null,
                "unknown action '" + a + "' (known: " + String.join(", ", new java.util.TreeSet<>(actions.keySet()))
                        + ")")));
        // A renamed save: key passes every other check and makes the action fail (or lose a field) at run time.
        s.action().ifPresent(a -> new java.util.TreeSet<>(actions.getOrDefault(a, Set.of())).stream()
                .filter(key -> !saved.contains(key))
                .forEach(key -> problems.add(new Problem(s.file(), s.id(), null, "action " + a
                        + " needs the answer '" + key + "', which no screen saves (save: " + key + ")"))));
        if (s.save().isPresent() && s.options().isEmpty() && s.list().isEmpty() && s.input().isEmpty()) {
            problems.add(new Problem(s.file(), s.id(), null, "save needs options, a list or an input"));
        }
        if (s.options().size() > 0 && s.save().isPresent()) {
            for (int i = 0; i < s.options().size(); i++) {
                if (s.options().get(i).value().isEmpty()) {
                    problems.add(new Problem(s.file(), s.id(), null, "option " + (i + 1) + " needs a value to save"));
                }
            }
        }
        if (Engine.LANGUAGE_KEY.equals(s.save().orElse(null))) {
            s.options().forEach(o -> o.value().filter(v -> !menu.languages().contains(v)).ifPresent(v ->
                    problems.add(new Problem(s.file(), s.id(), null, "language '" + v + "' is not in languages"))));
        }
    }

    private void target(Menu menu, Screen from, String next, List<Problem> problems) {
        if (!menu.screens().containsKey(next)) {
            problems.add(new Problem(from.file(), from.id(), null, "goes to missing screen '" + next + "'"));
        }
    }

    private void texts(Menu menu, String file, String where, Localized text, Set<String> saved, List<Problem> problems) {
        for (String language : menu.languages()) {
            String value = text.byLanguage().get(language);
            if (value == null || value.isBlank()) {
                problems.add(new Problem(file, where, language, "translation missing"));
                continue;
            }
            int bad = Gsm7.firstUnencodable(value);
            if (bad >= 0) {
                problems.add(new Problem(file, where, language, "character '" + new String(Character.toChars(
                        value.codePointAt(bad))) + "' (U+" + String.format("%04X", value.codePointAt(bad))
                        + ") at position " + (bad + 1) + " is not GSM-7: \"" + value + "\""));
            }
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                String name = m.group(1);
                if (!BUILT_IN_PLACEHOLDERS.contains(name) && !saved.contains(name)) {
                    problems.add(new Problem(file, where, language, "placeholder {" + name + "} is never filled"));
                }
            }
        }
        for (String language : text.byLanguage().keySet()) {
            if (!menu.languages().contains(language)) {
                problems.add(new Problem(file, where, language, "language not listed in " + MenuLoader.INDEX));
            }
        }
    }

    private void unreachable(Menu menu, List<Problem> problems) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(menu.start());
        while (!todo.isEmpty()) {
            String id = todo.poll();
            Screen screen = menu.screens().get(id);
            if (screen == null || !seen.add(id)) {
                continue;
            }
            screen.options().forEach(o -> todo.add(o.next()));
            screen.next().ifPresent(todo::add);
        }
        for (Screen screen : menu.screens().values()) {
            if (!seen.contains(screen.id())) {
                problems.add(new Problem(screen.file(), screen.id(), null, "unreachable from the start screen"));
            }
        }
    }

    private void lengths(Menu menu, List<Problem> problems) {
        Renderer renderer = new Renderer(menu, lists, limit);
        Map<String, String> longest = longestAnswers(menu);
        for (Screen screen : menu.screens().values()) {
            for (String language : menu.languages()) {
                List<Map<String, String>> contexts = screen.list().isPresent()
                        ? lists.everyContext(screen.list().get()) : List.of(Map.of());
                for (Map<String, String> context : contexts) {
                    Map<String, String> answers = new HashMap<>(longest);
                    answers.putAll(context);
                    measure(renderer, menu, screen, language, answers, problems);
                }
            }
        }
        for (String language : menu.languages()) {
            String goodbye = menu.string("goodbye", language);
            if (Gsm7.septets(goodbye) > limit) {
                problems.add(new Problem(MenuLoader.INDEX, "strings.goodbye", language, tooLong(goodbye)));
            }
        }
    }

    private void measure(Renderer renderer, Menu menu, Screen screen, String language, Map<String, String> answers,
            List<Problem> problems) {
        SessionState state = new SessionState(screen.id(), 0, answers, language,
                screen.id().equals(menu.start()) ? null : SessionState.at(menu.start(), language), Optional.empty(), false);
        Map<String, String> vars = Map.of("ref", "000000");
        boolean first = screen.id().equals(menu.start());
        int pages = renderer.pageCount(state);
        for (int page = 0; page < pages; page++) {
            SessionState onPage = new SessionState(state.screen(), page, answers, language, state.previous(),
                    Optional.empty(), false);
            List<SessionState> variants = new ArrayList<>(List.of(onPage));
            if (!screen.isEnd()) {
                variants.add(onPage.withError(screen.input().isPresent() ? "input" : "invalid_choice"));
            }
            for (SessionState variant : variants) {
                check(renderer.render(variant, vars), screen, first, language, page, pages, problems);
                if (screen.isEnd() && screen.otherwise().isPresent()) {
                    check(renderer.render(variant, Map.of("ref", "000000", "ok", "false")), screen, first, language, page,
                            pages, problems);
                }
            }
        }
    }

    private void check(String text, Screen screen, boolean first, String language, int page, int pages,
            List<Problem> problems) {
        if (pages > 1 && first && page == 0) {
            problems.add(new Problem(screen.file(), screen.id(), language, "the first screen must fit on one page "
                    + "(its options, the emergency numbers among them, must all show at once); it takes " + pages));
        }
        if (Gsm7.septets(text) > limit) {
            String where = pages > 1 ? " (page " + (page + 1) + " of " + pages + ")" : "";
            problems.add(new Problem(screen.file(), screen.id(), language, tooLong(text) + where));
        }
    }

    private String tooLong(String text) {
        return Gsm7.septets(text) + " characters, over the limit of " + limit + ": \"" + text.replace("\n", "\\n") + "\"";
    }

    /**
     * Screens of written options (not data lists) that need "more" in some language: allowed, but worth
     * shortening, since a person may never see the options past the first page.
     */
    public List<String> notes(Menu menu) {
        Renderer renderer = new Renderer(menu, lists, limit);
        List<String> notes = new ArrayList<>();
        for (Screen screen : menu.screens().values()) {
            if (screen.options().isEmpty()) {
                continue;
            }
            for (String language : menu.languages()) {
                SessionState state = new SessionState(screen.id(), 0, longestAnswers(menu), language,
                        screen.id().equals(menu.start()) ? null : SessionState.at(menu.start(), language),
                        Optional.empty(), false);
                int pages = renderer.pageCount(state);
                if (pages > 1) {
                    notes.add(screen.file() + ": screen " + screen.id() + " [" + language + "] takes " + pages
                            + " pages; shorten it so every option shows at once");
                }
            }
        }
        return notes;
    }

    /** For every saved key, the longest value it can take, so placeholders are measured at their worst. */
    private Map<String, String> longestAnswers(Menu menu) {
        Map<String, String> longest = new HashMap<>();
        for (Screen screen : menu.screens().values()) {
            if (screen.save().isEmpty()) {
                continue;
            }
            String key = screen.save().get();
            List<String> values = new ArrayList<>();
            screen.options().forEach(o -> o.value().ifPresent(values::add));
            screen.input().ifPresent(i -> values.add("9".repeat(i.max())));
            screen.list().filter(lists.sources()::contains).ifPresent(source -> {
                for (Map<String, String> context : lists.everyContext(source)) {
                    lists.items(source, context, menu.defaultLanguage()).forEach(item -> values.add(item.value()));
                }
            });
            for (String value : values) {
                if (value.length() > longest.getOrDefault(key, "").length()) {
                    longest.put(key, value);
                }
            }
        }
        return longest;
    }
}
