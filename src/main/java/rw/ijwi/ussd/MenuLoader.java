package rw.ijwi.ussd;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import rw.ijwi.config.MenuSource;

/**
 * Reads menus/ijwi.yaml, the screen files it lists and the help lines into a {@link Menu}. Reports every
 * problem of shape (bad YAML, unknown keys, wrong types, duplicate screens) with its file and screen;
 * what the screens say is judged afterwards by {@link MenuChecker}.
 */
public final class MenuLoader {

    public static final String INDEX = "ijwi.yaml";
    private static final Set<String> INDEX_KEYS = Set.of("languages", "default_language", "start", "keys", "files",
            "hotlines", "strings");
    private static final Set<String> SCREEN_KEYS = Set.of("text", "options", "list", "read_only", "empty", "input",
            "save", "next", "action", "otherwise");
    private static final Set<String> OPTION_KEYS = Set.of("label", "value", "next");
    private static final Set<String> INPUT_KEYS = Set.of("kind", "min", "max", "skip", "error");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** The menu if its files could be read into shape, and every problem found doing so. */
    public record Result(Optional<Menu> menu, List<Problem> problems) {
    }

    public Result load(MenuSource source) {
        List<Problem> problems = new ArrayList<>();
        Optional<JsonNode> index = parse(source, INDEX, problems);
        if (index.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        JsonNode root = index.get();
        unknownKeys(root, INDEX_KEYS, INDEX, null, problems);

        List<String> languages = new ArrayList<>();
        root.path("languages").forEach(l -> languages.add(l.asText()));
        if (languages.isEmpty()) {
            problems.add(new Problem(INDEX, null, null, "languages: list the language codes, e.g. [rw, en, fr]"));
        }
        String defaultLanguage = root.path("default_language").asText(languages.isEmpty() ? "rw" : languages.get(0));
        if (!languages.isEmpty() && !languages.contains(defaultLanguage)) {
            problems.add(new Problem(INDEX, null, null, "default_language " + defaultLanguage + " is not in languages"));
        }
        String start = root.path("start").asText("");
        if (start.isEmpty()) {
            problems.add(new Problem(INDEX, null, null, "start: name the first screen"));
        }
        JsonNode keysNode = root.path("keys");
        Menu.Keys keys = new Menu.Keys(keysNode.path("back").asText("0"), keysNode.path("exit").asText("00"),
                keysNode.path("more").asText("99"));

        Map<String, Localized> strings = new LinkedHashMap<>();
        fields(root.path("strings")).forEachRemaining(e ->
                strings.put(e.getKey(), localized(e.getValue(), INDEX, "strings." + e.getKey(), problems)));

        Map<String, Screen> screens = new LinkedHashMap<>();
        JsonNode files = root.path("files");
        if (!files.isArray() || files.isEmpty()) {
            problems.add(new Problem(INDEX, null, null, "files: list the screen files, e.g. [main.yaml, report.yaml]"));
        }
        for (JsonNode fileNode : files) {
            String file = fileNode.asText();
            parse(source, file, problems).ifPresent(node -> readScreens(file, node, screens, problems));
        }

        Menu.Hotlines hotlines = new Menu.Hotlines(List.of(), LocalDate.EPOCH);
        String hotlinesFile = root.path("hotlines").asText("");
        if (hotlinesFile.isEmpty()) {
            problems.add(new Problem(INDEX, null, null, "hotlines: name the file of emergency numbers"));
        } else {
            Optional<JsonNode> node = parse(source, hotlinesFile, problems);
            if (node.isPresent()) {
                hotlines = readHotlines(hotlinesFile, node.get(), problems);
            }
        }
        Menu menu = new Menu(languages, defaultLanguage, start, keys, screens, strings, hotlines);
        return new Result(Optional.of(menu), problems);
    }

    private Optional<JsonNode> parse(MenuSource source, String file, List<Problem> problems) {
        Optional<String> text = source.read(file);
        if (text.isEmpty()) {
            problems.add(new Problem(file, null, null, "file not found in " + source.describe()));
            return Optional.empty();
        }
        try {
            JsonNode node = yaml.readTree(text.get());
            if (node == null || !node.isObject()) {
                problems.add(new Problem(file, null, null, "expected a YAML mapping at the top"));
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, null, null, "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "")));
            return Optional.empty();
        }
    }

    private void readScreens(String file, JsonNode root, Map<String, Screen> screens, List<Problem> problems) {
        unknownKeys(root, Set.of("screens"), file, null, problems);
        Iterator<Map.Entry<String, JsonNode>> entries = fields(root.path("screens"));
        if (!entries.hasNext()) {
            problems.add(new Problem(file, null, null, "screens: expected a mapping of screen ids to screens"));
        }
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String id = entry.getKey();
            if (screens.containsKey(id)) {
                problems.add(new Problem(file, id, null, "screen id already used in " + screens.get(id).file()));
                continue;
            }
            screens.put(id, readScreen(file, id, entry.getValue(), problems));
        }
    }

    private Screen readScreen(String file, String id, JsonNode node, List<Problem> problems) {
        unknownKeys(node, SCREEN_KEYS, file, id, problems);
        Localized text = localized(node.get("text"), file, id, problems);
        List<Screen.Option> options = new ArrayList<>();
        for (JsonNode option : node.path("options")) {
            unknownKeys(option, OPTION_KEYS, file, id, problems);
            String next = option.path("next").asText("");
            if (next.isEmpty()) {
                problems.add(new Problem(file, id, null, "option " + (options.size() + 1) + " has no next screen"));
            }
            options.add(new Screen.Option(localized(option.get("label"), file, id, problems),
                    optionalText(option, "value"), next));
        }
        Optional<Screen.Input> input = Optional.empty();
        if (node.has("input")) {
            JsonNode in = node.get("input");
            unknownKeys(in, INPUT_KEYS, file, id, problems);
            Screen.Input.Kind kind = Screen.Input.Kind.TEXT;
            String kindText = in.path("kind").asText("text");
            if (kindText.equals("digits")) {
                kind = Screen.Input.Kind.DIGITS;
            } else if (!kindText.equals("text")) {
                problems.add(new Problem(file, id, null, "input kind " + kindText + " is not text or digits"));
            }
            int min = in.path("min").asInt(1);
            int max = in.path("max").asInt(140);
            if (min < 1 || max < min || max > 160) {
                problems.add(new Problem(file, id, null, "input needs 1 <= min <= max <= 160, got min "
                        + min + " max " + max));
            }
            Optional<Localized> error = in.has("error")
                    ? Optional.of(localized(in.get("error"), file, id, problems)) : Optional.empty();
            input = Optional.of(new Screen.Input(kind, min, max, optionalText(in, "skip"), error));
        }
        Optional<Localized> empty = node.has("empty")
                ? Optional.of(localized(node.get("empty"), file, id, problems)) : Optional.empty();
        Optional<Localized> otherwise = node.has("otherwise")
                ? Optional.of(localized(node.get("otherwise"), file, id, problems)) : Optional.empty();
        Screen screen = new Screen(id, file, text, options, optionalText(node, "list"),
                node.path("read_only").asBoolean(false), empty, input, optionalText(node, "save"),
                optionalText(node, "next"), optionalText(node, "action"), otherwise);
        int kinds = (options.isEmpty() ? 0 : 1) + (screen.list().isPresent() ? 1 : 0) + (input.isPresent() ? 1 : 0);
        if (kinds > 1) {
            problems.add(new Problem(file, id, null, "a screen has options, a list or an input, not several"));
        }
        return screen;
    }

    private Menu.Hotlines readHotlines(String file, JsonNode root, List<Problem> problems) {
        unknownKeys(root, Set.of("last_verified", "verified_by", "lines"), file, null, problems);
        LocalDate verified = LocalDate.EPOCH;
        try {
            verified = LocalDate.parse(root.path("last_verified").asText(""));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(file, null, null, "last_verified: expected a date YYYY-MM-DD, got '"
                    + root.path("last_verified").asText("") + "'"));
        }
        List<Menu.Hotline> lines = new ArrayList<>();
        for (JsonNode line : root.path("lines")) {
            String number = line.path("number").asText("");
            if (!number.matches("[0-9*#+]{3,15}")) {
                problems.add(new Problem(file, null, null, "hotline number '" + number + "' is not a dialable number"));
            }
            lines.add(new Menu.Hotline(number, localized(line.get("label"), file, "hotline " + number, problems)));
        }
        if (lines.isEmpty()) {
            problems.add(new Problem(file, null, null, "lines: list at least one emergency number"));
        }
        return new Menu.Hotlines(lines, verified);
    }

    private static Localized localized(JsonNode node, String file, String where, List<Problem> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            problems.add(new Problem(file, where, null, "expected a text per language, e.g. {rw: ..., en: ..., fr: ...}"));
            return new Localized(texts);
        }
        fields(node).forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                texts.put(e.getKey(), e.getValue().asText().strip());
            } else {
                problems.add(new Problem(file, where, e.getKey(), "expected a text"));
            }
        });
        return new Localized(texts);
    }

    private static Optional<String> optionalText(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String file, String screen,
            List<Problem> problems) {
        fields(node).forEachRemaining(e -> {
            if (!allowed.contains(e.getKey())) {
                problems.add(new Problem(file, screen, null, "unknown key '" + e.getKey() + "' (expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        });
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node != null && node.isObject() ? node.fields() : java.util.Collections.emptyIterator();
    }
}
