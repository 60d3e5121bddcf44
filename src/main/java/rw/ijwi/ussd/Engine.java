package rw.ijwi.ussd;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The USSD menu as a state machine: (state, input) -> next state. Pure: no HTTP, no SQL, no cache; the same
 * inputs always lead to the same state, which is what lets any server replay a session from AT's text. Lists
 * read from the database (commitments) are loaded before it runs and handed over with withLists.
 */
public final class Engine {

    public static final String LANGUAGE_KEY = "language";

    private final Menu menu;
    private final Lists lists;
    private final Renderer renderer;

    public Engine(Menu menu, Lists lists, Renderer renderer) {
        this.menu = menu;
        this.lists = lists;
        this.renderer = renderer;
    }

    /** The same engine over lists loaded for one hop (Lists.loadedFor). */
    public Engine withLists(Lists loaded) {
        return new Engine(menu, loaded, renderer.withLists(loaded));
    }

    public Lists lists() {
        return lists;
    }

    public Renderer renderer() {
        return renderer;
    }

    public Menu menu() {
        return menu;
    }

    public SessionState start(String language) {
        return SessionState.at(menu.start(), menu.languages().contains(language) ? language : menu.defaultLanguage());
    }

    public Screen screenOf(SessionState state) {
        return menu.screen(state.screen());
    }

    /** Whether the screen now shown takes free text, which may itself contain '*'. */
    public boolean awaitsFreeText(SessionState state) {
        return !state.exited() && screenOf(state).isFreeText();
    }

    public boolean isEnded(SessionState state) {
        return state.exited() || screenOf(state).isEnd();
    }

    public SessionState apply(SessionState state, String rawInput) {
        if (isEnded(state)) {
            return state;
        }
        String input = rawInput.strip();
        Menu.Keys keys = menu.keys();
        if (input.equals(keys.exit())) {
            return state.exit();
        }
        Screen screen = screenOf(state);
        if (input.equals(keys.back())) {
            return state.previous() == null ? state.withError("invalid_choice") : state.previous().withoutError();
        }
        if (input.equals(keys.more()) && !screen.isFreeText()) {
            return state.page() + 1 < renderer.pageCount(state)
                    ? state.moveTo(state.screen(), state.page() + 1, state.answers(), state.language())
                    : state.withError("invalid_choice");
        }
        if (screen.input().isPresent()) {
            return answerInput(state, screen, screen.input().get(), input);
        }
        if (!screen.options().isEmpty()) {
            int choice = choice(input, screen.options().size());
            if (choice < 0) {
                return state.withError("invalid_choice");
            }
            Screen.Option option = screen.options().get(choice);
            return go(state, option.next(), screen, option.value().orElse(null));
        }
        List<Lists.Item> items = lists.items(screen.list().orElseThrow(), state.answers(), state.language());
        int choice = screen.readOnly() ? -1 : choice(input, items.size());
        if (choice < 0) {
            return state.withError("invalid_choice");
        }
        return go(state, screen.next().orElseThrow(), screen, items.get(choice).value());
    }

    private SessionState answerInput(SessionState state, Screen screen, Screen.Input spec, String input) {
        if (spec.skip().isPresent() && input.equals(spec.skip().get())) {
            return go(state, screen.next().orElseThrow(), screen, null);
        }
        int length = input.codePointCount(0, input.length());
        boolean valid = length >= spec.min() && length <= spec.max()
                && (spec.kind() != Screen.Input.Kind.DIGITS || input.chars().allMatch(c -> c >= '0' && c <= '9'));
        if (!valid) {
            return state.withError("input");
        }
        return go(state, screen.next().orElseThrow(), screen, input);
    }

    private SessionState go(SessionState state, String next, Screen from, String value) {
        Map<String, String> answers = new HashMap<>(state.answers());
        String language = state.language();
        if (from.save().isPresent()) {
            String key = from.save().get();
            if (value == null) {
                answers.remove(key);
            } else if (key.equals(LANGUAGE_KEY)) {
                language = value;
            } else {
                answers.put(key, value);
            }
        }
        SessionState moved = state.moveTo(next, 0, answers, language);
        // Arriving at the first screen (after choosing a language) starts afresh: there is nothing to go back to.
        return next.equals(menu.start()) ? SessionState.at(next, language) : moved;
    }

    /** The zero-based index of a 1-based choice among n, or -1 when the input is not one of them. */
    private static int choice(String input, int n) {
        if (input.isEmpty() || input.length() > 3 || !input.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int number = Integer.parseInt(input);
        return number >= 1 && number <= n ? number - 1 : -1;
    }
}
