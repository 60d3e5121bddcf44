package rw.ijwi.ussd;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import rw.ijwi.config.MenuSource;

/**
 * Reads menus/ijwi.yaml, the screen files it lists and the help lines into a {@link Menu}. Jackson binds each
 * file to {@link MenuFiles}, which say which keys exist and what type each holds, and {@link ShapeProblems}
 * reports every unknown key and wrong type with its file and screen instead of stopping at the first. What
 * binding cannot say (required keys, defaults, ranges, one kind per screen) is checked here; what the screens
 * say is judged afterwards by {@link MenuChecker}.
 */
public final class MenuLoader {

    public static final String INDEX = "ijwi.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The menu if its files could be read into shape, and every problem found doing so. */
    public record Result(Optional<Menu> menu, List<Problem> problems) {
    }

    public Result load(MenuSource source) {
        List<Problem> problems = new ArrayList<>();
        Optional<MenuFiles.Index> read = parse(source, INDEX, problems)
                .flatMap(node -> bind(node, MenuFiles.Index.class, INDEX, null, problems));
        if (read.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        MenuFiles.Index index = read.get();
        List<String> languages = index.languages() == null ? List.of()
                : index.languages().stream().filter(Objects::nonNull).toList();
        if (languages.isEmpty()) {
            problems.add(new Problem(INDEX, null, null, "languages: list the language codes, e.g. [rw, en, fr]"));
        }
        String defaultLanguage = Objects.requireNonNullElse(index.defaultLanguage(),
                languages.isEmpty() ? "rw" : languages.get(0));
        if (!languages.isEmpty() && !languages.contains(defaultLanguage)) {
            problems.add(new Problem(INDEX, null, null, "default_language " + defaultLanguage + " is not in languages"));
        }
        String start = Objects.requireNonNullElse(index.start(), "");
        if (start.isEmpty()) {
            problems.add(new Problem(INDEX, null, null, "start: name the first screen"));
        }
        MenuFiles.Keys keys = Objects.requireNonNullElse(index.keys(), new MenuFiles.Keys(null, null, null));
        Menu.Keys menuKeys = new Menu.Keys(Objects.requireNonNullElse(keys.back(), "0"),
                Objects.requireNonNullElse(keys.exit(), "00"), Objects.requireNonNullElse(keys.more(), "99"));

        Map<String, Localized> strings = new LinkedHashMap<>();
        orEmpty(index.strings()).forEach((key, text) ->
                strings.put(key, localized(text, INDEX, "strings." + key, problems)));

        Map<String, Screen> screens = new LinkedHashMap<>();
        if (index.files() == null || index.files().isEmpty()) {
            problems.add(new Problem(INDEX, null, null, "files: list the screen files, e.g. [main.yaml, report.yaml]"));
        } else {
            for (String file : index.files()) {
                if (file == null || file.isBlank()) {
                    problems.add(new Problem(INDEX, null, null, "files: an entry names no file"));
                    continue;
                }
                parse(source, file, problems).flatMap(node -> bind(node, MenuFiles.Screens.class, file, null, problems))
                        .ifPresent(screensFile -> readScreens(file, screensFile, screens, problems));
            }
        }

        Menu.Hotlines hotlines = new Menu.Hotlines(List.of(), LocalDate.EPOCH);
        String hotlinesFile = Objects.requireNonNullElse(index.hotlines(), "");
        if (hotlinesFile.isEmpty()) {
            problems.add(new Problem(INDEX, null, null, "hotlines: name the file of emergency numbers"));
        } else {
            Optional<MenuFiles.Hotlines> file = parse(source, hotlinesFile, problems)
                    .flatMap(node -> bind(node, MenuFiles.Hotlines.class, hotlinesFile, null, problems));
            if (file.isPresent()) {
                hotlines = readHotlines(hotlinesFile, file.get(), problems);
            }
        }
        Menu menu = new Menu(languages, defaultLanguage, start, menuKeys, screens, strings, hotlines);
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

    /** Binds a mapping to its record; unknown keys and wrong types become problems at file and screen. */
    private <T> Optional<T> bind(JsonNode node, Class<T> type, String file, String screen, List<Problem> problems) {
        try {
            return Optional.of(yaml.readerFor(type).withHandler(new ShapeProblems(file, screen, problems))
                    .readValue(node));
        } catch (IOException e) {
            problems.add(new Problem(file, screen, null, "cannot read: " + e.getMessage().lines().findFirst().orElse("")));
            return Optional.empty();
        }
    }

    private void readScreens(String file, MenuFiles.Screens read, Map<String, Screen> screens, List<Problem> problems) {
        if (orEmpty(read.screens()).isEmpty()) {
            problems.add(new Problem(file, null, null, "screens: expected a mapping of screen ids to screens"));
            return;
        }
        read.screens().forEach((id, node) -> {
            if (screens.containsKey(id)) {
                problems.add(new Problem(file, id, null, "screen id already used in " + screens.get(id).file()));
                return;
            }
            Optional<MenuFiles.Screen> screen = node != null && node.isObject()
                    ? bind(node, MenuFiles.Screen.class, file, id, problems) : Optional.empty();
            if (screen.isEmpty()) {
                problems.add(new Problem(file, id, null, "expected a mapping of the screen's keys"));
                screen = Optional.of(new MenuFiles.Screen(null, null, null, null, null, null, null, null, null, null));
            }
            screens.put(id, readScreen(file, id, screen.get(), problems));
        });
    }

    private Screen readScreen(String file, String id, MenuFiles.Screen read, List<Problem> problems) {
        Localized text = localized(read.text(), file, id, problems);
        List<Screen.Option> options = new ArrayList<>();
        for (MenuFiles.Option option : orEmpty(read.options())) {
            String next = option == null ? "" : Objects.requireNonNullElse(option.next(), "");
            if (next.isEmpty()) {
                problems.add(new Problem(file, id, null, "option " + (options.size() + 1) + " has no next screen"));
            }
            options.add(new Screen.Option(localized(option == null ? null : option.label(), file, id, problems),
                    Optional.ofNullable(option == null ? null : option.value()), next));
        }
        Optional<Screen.Input> input = Optional.ofNullable(read.input()).map(in -> readInput(file, id, in, problems));
        Screen screen = new Screen(id, file, text, options, Optional.ofNullable(read.list()),
                Boolean.TRUE.equals(read.readOnly()), optionalLocalized(read.empty(), file, id, problems), input,
                Optional.ofNullable(read.save()), Optional.ofNullable(read.next()), Optional.ofNullable(read.action()),
                optionalLocalized(read.otherwise(), file, id, problems));
        int kinds = (options.isEmpty() ? 0 : 1) + (screen.list().isPresent() ? 1 : 0) + (input.isPresent() ? 1 : 0);
        if (kinds > 1) {
            problems.add(new Problem(file, id, null, "a screen has options, a list or an input, not several"));
        }
        return screen;
    }

    private static Screen.Input readInput(String file, String id, MenuFiles.Input in, List<Problem> problems) {
        String kindText = Objects.requireNonNullElse(in.kind(), "text");
        Screen.Input.Kind kind = Screen.Input.Kind.TEXT;
        if (kindText.equals("digits")) {
            kind = Screen.Input.Kind.DIGITS;
        } else if (!kindText.equals("text")) {
            problems.add(new Problem(file, id, null, "input kind " + kindText + " is not text or digits"));
        }
        int min = Objects.requireNonNullElse(in.min(), 1);
        int max = Objects.requireNonNullElse(in.max(), 140);
        if (min < 1 || max < min || max > 160) {
            problems.add(new Problem(file, id, null, "input needs 1 <= min <= max <= 160, got min " + min + " max " + max));
        }
        return new Screen.Input(kind, min, max, Optional.ofNullable(in.skip()),
                optionalLocalized(in.error(), file, id, problems));
    }

    private static Menu.Hotlines readHotlines(String file, MenuFiles.Hotlines read, List<Problem> problems) {
        LocalDate verified = LocalDate.EPOCH;
        String date = Objects.requireNonNullElse(read.lastVerified(), "");
        try {
            verified = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(file, null, null, "last_verified: expected a date YYYY-MM-DD, got '" + date + "'"));
        }
        List<Menu.Hotline> lines = new ArrayList<>();
        for (MenuFiles.Hotline line : orEmpty(read.lines())) {
            String number = line == null ? "" : Objects.requireNonNullElse(line.number(), "");
            if (!number.matches("[0-9*#+]{3,15}")) {
                problems.add(new Problem(file, null, null, "hotline number '" + number + "' is not a dialable number"));
            }
            lines.add(new Menu.Hotline(number,
                    localized(line == null ? null : line.label(), file, "hotline " + number, problems)));
        }
        if (lines.isEmpty()) {
            problems.add(new Problem(file, null, null, "lines: list at least one emergency number"));
        }
        return new Menu.Hotlines(lines, verified);
    }

    private static Optional<Localized> optionalLocalized(JsonNode node, String file, String where,
            List<Problem> problems) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(localized(node, file, where, problems));
    }

    private static Localized localized(JsonNode node, String file, String where, List<Problem> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            problems.add(new Problem(file, where, null, "expected a text per language, e.g. {rw: ..., en: ..., fr: ...}"));
            return new Localized(texts);
        }
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                texts.put(e.getKey(), e.getValue().asText().strip());
            } else {
                problems.add(new Problem(file, where, e.getKey(), "expected a text"));
            }
        });
        return new Localized(texts);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
