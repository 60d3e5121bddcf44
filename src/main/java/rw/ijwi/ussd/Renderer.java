package rw.ijwi.ussd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rw.ijwi.gsm.Gsm7;

/**
 * Turns a session state into the text of one USSD screen: the prompt (or the error that replaces it), the
 * numbered choices of the current page, "more", and the back/exit line. Pure: same state, same text.
 */
public final class Renderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Menu menu;
    private final Lists lists;
    private final int limit;

    public Renderer(Menu menu, Lists lists, int limit) {
        this.menu = menu;
        this.lists = lists;
        this.limit = limit;
    }

    /** The same renderer over lists loaded for one hop. */
    public Renderer withLists(Lists loaded) {
        return new Renderer(menu, loaded, limit);
    }

    /** The text to send after CON or END; vars fill placeholders such as {ref} and take precedence over answers. */
    public String render(SessionState state, Map<String, String> vars) {
        String language = state.language();
        if (state.exited()) {
            return menu.string("goodbye", language);
        }
        Screen screen = menu.screen(state.screen());
        Map<String, String> values = values(state, vars);
        if (screen.isEnd()) {
            Localized text = "false".equals(vars.get("ok")) && screen.otherwise().isPresent()
                    ? screen.otherwise().get() : screen.text();
            return fill(text.in(language), values);
        }
        String head = state.error().isPresent() ? errorText(screen, state.error().get(), language) : screen.text().in(language);
        List<String> lines = new ArrayList<>();
        lines.add(fill(head, values));
        List<String> choices = choices(screen, state);
        if (screen.list().isPresent() && choices.isEmpty()) {
            screen.empty().ifPresent(empty -> lines.add(fill(empty.in(language), values)));
        }
        List<int[]> pages = pages(screen, state, values);
        int[] page = pages.isEmpty() ? new int[] {0, 0} : pages.get(Math.min(state.page(), pages.size() - 1));
        for (int i = page[0]; i < page[1]; i++) {
            lines.add(choices.get(i));
        }
        if (state.page() < pages.size() - 1) {
            lines.add(moreLine(language));
        }
        lines.add(footer(state));
        return String.join("\n", lines);
    }

    /** How many pages the current screen's choices take. */
    public int pageCount(SessionState state) {
        return Math.max(1, pages(menu.screen(state.screen()), state, values(state, Map.of())).size());
    }

    /** Pages as [from, to) item ranges: as many choices as fit with the prompt, "more" and the footer. */
    List<int[]> pages(Screen screen, SessionState state, Map<String, String> values) {
        List<String> choices = choices(screen, state);
        String language = state.language();
        int head = Math.max(septets(fill(screen.text().in(language), values)), longestError(screen, language));
        int base = head + 1 + septets(footer(state));
        int more = septets(moreLine(language)) + 1;
        List<int[]> pages = new ArrayList<>();
        int i = 0;
        while (i < choices.size()) {
            int all = base;
            for (int k = i; k < choices.size(); k++) {
                all += septets(choices.get(k)) + 1;
            }
            if (all <= limit) {
                pages.add(new int[] {i, choices.size()});
                break;
            }
            int used = base + more;
            int j = i;
            while (j < choices.size() && used + septets(choices.get(j)) + 1 <= limit) {
                used += septets(choices.get(j)) + 1;
                j++;
            }
            if (j == i) {
                j = i + 1; // a single choice too long for any page: shown alone; the checker reports it
            }
            pages.add(new int[] {i, j});
            i = j;
        }
        return pages;
    }

    List<String> choices(Screen screen, SessionState state) {
        List<String> labels = new ArrayList<>();
        if (!screen.options().isEmpty()) {
            screen.options().forEach(o -> labels.add(o.label().in(state.language())));
        } else if (screen.list().isPresent()) {
            lists.items(screen.list().get(), state.answers(), state.language()).forEach(item -> labels.add(item.label()));
        }
        List<String> lines = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            lines.add((i + 1) + ". " + labels.get(i));
        }
        return lines;
    }

    String footer(SessionState state) {
        String language = state.language();
        String exit = menu.keys().exit() + "." + menu.string("exit", language);
        boolean canGoBack = state.previous() != null;
        return canGoBack ? menu.keys().back() + "." + menu.string("back", language) + " " + exit : exit;
    }

    String moreLine(String language) {
        return menu.keys().more() + ". " + menu.string("more", language);
    }

    String errorText(Screen screen, String key, String language) {
        if (key.equals("input") && screen.input().flatMap(Screen.Input::error).isPresent()) {
            return screen.input().get().error().get().in(language);
        }
        return menu.string(key.equals("input") ? "invalid_input" : key, language);
    }

    private int longestError(Screen screen, String language) {
        int longest = septets(menu.string("invalid_choice", language));
        if (screen.input().isPresent()) {
            longest = Math.max(longest, septets(errorText(screen, "input", language)));
        }
        return longest;
    }

    private Map<String, String> values(SessionState state, Map<String, String> vars) {
        Map<String, String> values = new HashMap<>(state.answers());
        values.put("hotlines", menu.hotlines().render(state.language()));
        values.put("verified", menu.hotlines().lastVerified().toString());
        values.putAll(vars);
        return values;
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    static int septets(String text) {
        return Gsm7.septets(text);
    }
}
