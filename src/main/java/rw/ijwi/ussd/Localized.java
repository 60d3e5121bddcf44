package rw.ijwi.ussd;

import java.util.Map;

/** One text in each language of the menus, keyed by language code (rw, en, fr). */
public record Localized(Map<String, String> byLanguage) {

    public Localized {
        byLanguage = Map.copyOf(byLanguage);
    }

    public static Localized same(String text, Iterable<String> languages) {
        var map = new java.util.LinkedHashMap<String, String>();
        languages.forEach(language -> map.put(language, text));
        return new Localized(map);
    }

    public String in(String language) {
        String text = byLanguage.get(language);
        if (text == null) {
            throw new IllegalArgumentException("no text in language " + language);
        }
        return text;
    }
}
