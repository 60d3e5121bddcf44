package rw.ijwi.ussd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.config.MenuSource;
import rw.ijwi.geo.Geography;

/** Every way a menu edit can be refused: one labelled edit of the real menus per row, and the message it earns. */
class MenuCheckerTest {

    private static final Geography GEOGRAPHY = Geography.fromPackagedCsv();

    @TempDir
    Path dir;

    /** Replace `find` with `replace` in `file` of a copy of menus/, then expect a problem containing `expected`. */
    record Edit(String label, String file, String find, String replace, String expected) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Edit> edits() {
        return Stream.of(
                new Edit("a screen over the limit", "report.yaml", "en: \"What went wrong?\"",
                        "en: \"" + "What went wrong? ".repeat(8) + "\"",
                        "report.yaml: screen gap [en]: 186 characters, over the limit of 160"),
                new Edit("a list page that cannot fit one item", "report.yaml", "en: \"Choose your sector ({district}):\"",
                        "en: \"" + "Choose your sector please, ".repeat(5) + "({district}):\"",
                        "report.yaml: screen sector [en]"),
                new Edit("a character outside GSM-7", "main.yaml", "en: \"Free help lines:\\n{hotlines}\"",
                        "en: \"Free help lines \u2014 call:\\n{hotlines}\"",
                        "main.yaml: screen hotlines [en]: character '\u2014' (U+2014) at position 17 is not GSM-7"),
                new Edit("a smart quote in Kinyarwanda", "main.yaml", "rw: \"Nimero z'ubutabazi\"",
                        "rw: \"Nimero z\u2019ubutabazi\"", "main.yaml: screen welcome [rw]: character '\u2019'"),
                new Edit("a missing translation", "report.yaml", "      fr: \"Quel problème?\"\n", "",
                        "report.yaml: screen gap [fr]: translation missing"),
                new Edit("an option label without French", "report.yaml", ", fr: \"Police\"}", "}",
                        "report.yaml: screen service [fr]: translation missing"),
                new Edit("a language no index lists", "report.yaml", "fr: \"Quel problème?\"",
                        "fr: \"Quel problème?\"\n      sw: \"Nini?\"",
                        "report.yaml: screen gap [sw]: language not listed in ijwi.yaml"),
                new Edit("a transition to a missing screen", "report.yaml", "next: quote", "next: qoute",
                        "report.yaml: screen comment: goes to missing screen 'qoute'"),
                new Edit("an option to a missing screen", "main.yaml", "next: hotlines", "next: helplines",
                        "main.yaml: screen welcome: goes to missing screen 'helplines'"),
                new Edit("an unreachable screen", "main.yaml", "screens:\n", "screens:\n  orphan:\n    text: "
                        + "{rw: \"a\", en: \"a\", fr: \"a\"}\n", "main.yaml: screen orphan: unreachable from the start screen"),
                new Edit("an unknown key", "report.yaml", "    save: gap\n", "    save: gap\n    colour: red\n",
                        "report.yaml: screen gap: unknown key 'colour'"),
                new Edit("a list nobody provides", "report.yaml", "list: sectors", "list: villages",
                        "report.yaml: screen sector: unknown list 'villages'"),
                new Edit("an action nobody provides", "report.yaml", "action: submit_report", "action: send_sms",
                        "report.yaml: screen thanks: unknown action 'send_sms'"),
                new Edit("a renamed answer the report needs", "report.yaml", "    save: service\n",
                        "    save: services\n", "report.yaml: screen thanks: action submit_report needs the answer"
                        + " 'service', which no screen saves"),
                new Edit("a renamed answer the deletion needs", "main.yaml", "    save: ref\n",
                        "    save: reference\n", "main.yaml: screen delete_done: action delete_report needs the answer"
                        + " 'ref', which no screen saves"),
                new Edit("a placeholder nothing fills", "report.yaml", "Votre référence: {ref}.",
                        "Votre référence: {reference}.", "report.yaml: screen thanks [fr]: placeholder {reference} is never filled"),
                new Edit("a duplicate screen id", "main.yaml", "  cancelled:\n", "  consent:\n",
                        "report.yaml: screen consent: screen id already used in main.yaml"),
                new Edit("broken YAML", "report.yaml", "screens:\n", "screens:\n  bad: [\n",
                        "report.yaml: not valid YAML"),
                new Edit("a screen file that is missing", "ijwi.yaml", "  - report.yaml", "  - reports.yaml",
                        "reports.yaml: file not found"),
                new Edit("a first screen that would take two pages", "main.yaml",
                        "en: \"Ijwi: how did services treat you?\"",
                        "en: \"Ijwi: how did the services you went to treat you this month?\"",
                        "main.yaml: screen welcome [en]: the first screen must fit on one page"),
                new Edit("a required string removed", "ijwi.yaml", "  goodbye:\n", "  farewell:\n",
                        "ijwi.yaml: strings.goodbye is missing"),
                new Edit("a hotline number that cannot be dialled", "hotlines.yaml", "number: \"116\"",
                        "number: \"one-one-six\"", "hotlines.yaml: hotline number 'one-one-six' is not a dialable number"),
                new Edit("a bad verification date", "hotlines.yaml", "last_verified: 2026-11-28",
                        "last_verified: last week", "hotlines.yaml: last_verified: expected a date YYYY-MM-DD"),
                new Edit("an unknown key in an option", "report.yaml", "{value: police, next: gap,",
                        "{value: police, colour: red, next: gap,", "report.yaml: screen service: unknown key 'colour'"
                        + " (expected one of label, next, value)"),
                new Edit("an unknown key in an input", "report.yaml", "      skip: \"1\"\n",
                        "      skip: \"1\"\n      maximum: 9\n", "report.yaml: screen comment: unknown key 'maximum'"
                        + " (expected one of error, kind, max, min, skip)"),
                new Edit("an unknown key in the index", "ijwi.yaml", "start: welcome\n",
                        "start: welcome\nbegin: welcome\n", "ijwi.yaml: unknown key 'begin' (expected one of"
                        + " default_language, files, hotlines, keys, languages, start, strings)"),
                new Edit("an unknown key in the help lines", "hotlines.yaml", "last_verified: 2026-11-28\n",
                        "last_verified: 2026-11-28\nchecked: yes\n", "hotlines.yaml: unknown key 'checked'"
                        + " (expected one of last_verified, lines, verified_by)"),
                new Edit("an input of an unknown kind", "report.yaml", "      kind: text\n", "      kind: words\n",
                        "report.yaml: screen comment: input kind words is not text or digits"),
                new Edit("an input longer than an SMS", "report.yaml", "      max: 140\n", "      max: 200\n",
                        "report.yaml: screen comment: input needs 1 <= min <= max <= 160, got min 2 max 200"),
                new Edit("an input length that is not a number", "report.yaml", "      max: 140\n",
                        "      max: lots\n", "report.yaml: screen comment: input.max: expected a whole number, got 'lots'"),
                new Edit("a yes-or-no that is neither", "main.yaml", "    read_only: true\n",
                        "    read_only: maybe\n", "main.yaml: screen promised: read_only: expected true or false,"
                        + " got 'maybe'"),
                new Edit("options written as a mapping", "report.yaml", "    options:\n      - {value: police,",
                        "    options:\n      first: {value: police, next: gap}\n    optionz:\n      - {value: police,",
                        "report.yaml: screen service: options: expected a list, got a mapping"),
                new Edit("an option's next screen written as a list", "report.yaml", "{value: police, next: gap,",
                        "{value: police, next: [gap, comment],", "report.yaml: screen service: options[1].next: expected"
                        + " a text, got a list"),
                new Edit("an input written as a word", "report.yaml", "    input:\n      kind: text\n      min: 2\n"
                        + "      max: 140\n      skip: \"1\"\n", "    input: text\n    inputs:\n      kind: text\n",
                        "report.yaml: screen comment: input: expected a mapping, got 'text'"),
                new Edit("a text in one language only", "report.yaml", "    text:\n      rw: \"Ni iki kitagenze neza?\"\n"
                        + "      en: \"What went wrong?\"\n      fr: \"Quel problème?\"\n", "    text: \"What went wrong?\"\n",
                        "report.yaml: screen gap: expected a text per language, e.g. {rw: ..., en: ..., fr: ...}"),
                new Edit("a translation that is a list", "report.yaml", "en: \"What went wrong?\"",
                        "en: [\"What went wrong?\"]", "report.yaml: screen gap [en]: expected a text"),
                new Edit("an option without a next screen", "report.yaml",
                        "{value: police, next: gap, label:", "{value: police, label:",
                        "report.yaml: screen service: option 1 has no next screen"),
                new Edit("a screen with both options and a list", "report.yaml", "    list: districts\n",
                        "    list: districts\n    options:\n      - {next: sector, label: {rw: a, en: a, fr: a}}\n",
                        "report.yaml: screen district: a screen has options, a list or an input, not several"),
                new Edit("no languages", "ijwi.yaml", "languages: [rw, en, fr]\n", "",
                        "ijwi.yaml: languages: list the language codes, e.g. [rw, en, fr]"),
                new Edit("a default language not offered", "ijwi.yaml", "default_language: rw\n",
                        "default_language: sw\n", "ijwi.yaml: default_language sw is not in languages"),
                new Edit("no screen files", "ijwi.yaml", "files:\n  - main.yaml\n  - report.yaml\n", "files: []\n",
                        "ijwi.yaml: files: list the screen files, e.g. [main.yaml, report.yaml]"),
                new Edit("an empty entry in the screen files", "ijwi.yaml", "  - report.yaml\n", "  - report.yaml\n  -\n",
                        "ijwi.yaml: files: an entry names no file"),
                new Edit("a screen file without screens", "report.yaml", "screens:\n", "screenz:\n",
                        "report.yaml: screens: expected a mapping of screen ids to screens"),
                new Edit("a screen file that is a list", "report.yaml", "screens:\n", "- screens:\n",
                        "report.yaml: expected a YAML mapping at the top"),
                new Edit("an input without a next screen", "main.yaml", "    save: ref\n    next: delete_confirm\n",
                        "    save: ref\n", "main.yaml: screen delete_ref: has no next screen"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void an_edit_is_refused_with_file_screen_and_language(Edit edit) throws IOException {
        copyMenus();
        Path file = dir.resolve(edit.file());
        String before = Files.readString(file);
        assertThat(before).as("the edit must apply to " + edit.file()).contains(edit.find());
        Files.writeString(file, before.replace(edit.find(), edit.replace()));

        assertThatThrownBy(() -> Menus.load(MenuSource.directory(dir), GEOGRAPHY, d -> List.of(), 160))
                .isInstanceOf(Menus.Invalid.class)
                .satisfies(e -> assertThat(((Menus.Invalid) e).problems()).map(Problem::toString)
                        .anySatisfy(p -> assertThat(p).contains(edit.expected())));
    }

    @Test
    void the_project_menus_pass_at_160_and_at_the_protocol_limit() {
        Menus.load(MenuSource.directory(Path.of("menus")), GEOGRAPHY, d -> List.of(), 160);
        Menus.load(MenuSource.directory(Path.of("menus")), GEOGRAPHY, d -> List.of(), 182);
    }

    @Test
    void the_menus_packaged_in_the_jar_are_the_project_menus() {
        Menu packaged = Menus.load(MenuSource.classpath(), GEOGRAPHY, d -> List.of(), 160).menu();
        Menu project = Menus.load(MenuSource.directory(Path.of("menus")), GEOGRAPHY, d -> List.of(), 160).menu();
        assertThat(packaged).isEqualTo(project);
    }

    @Test
    void a_lower_limit_refuses_screens_that_fit_at_160_and_says_by_how_much() {
        assertThatThrownBy(() -> Menus.load(MenuSource.directory(Path.of("menus")), GEOGRAPHY, d -> List.of(), 100))
                .hasMessageContaining("over the limit of 100");
    }

    private void copyMenus() {
        try (Stream<Path> files = Files.list(Path.of("menus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
