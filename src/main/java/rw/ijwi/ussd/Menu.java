package rw.ijwi.ussd;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The whole USSD service as loaded from menus/: screens, shared strings, navigation keys and help lines. */
public record Menu(
        List<String> languages,
        String defaultLanguage,
        String start,
        Keys keys,
        Map<String, Screen> screens,
        Map<String, Localized> strings,
        Hotlines hotlines) {

    public Menu {
        languages = List.copyOf(languages);
        screens = Map.copyOf(screens);
        strings = Map.copyOf(strings);
    }

    /** The keys that mean back, safety exit and next page on every screen. */
    public record Keys(String back, String exit, String more) {
    }

    /** Emergency and help numbers, from configuration, with the date someone last checked them. */
    public record Hotlines(List<Hotline> lines, LocalDate lastVerified) {
        public Hotlines {
            lines = List.copyOf(lines);
        }

        public String render(String language) {
            var text = new StringBuilder();
            for (Hotline line : lines) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(line.number()).append(' ').append(line.label().in(language));
            }
            return text.toString();
        }
    }

    public record Hotline(String number, Localized label) {
    }

    public Screen screen(String id) {
        Screen screen = screens.get(id);
        if (screen == null) {
            throw new IllegalArgumentException("no screen " + id);
        }
        return screen;
    }

    public String string(String key, String language) {
        Localized text = strings.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no string " + key);
        }
        return text.in(language);
    }
}
