package rw.ijwi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rw.ijwi.Main;
import rw.ijwi.config.Config;

/** `menus check [DIR]` says the menus are fine, or names every problem by file and screen and exits 2. */
class MenusCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run menus(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(() -> Config.from(env), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void without_a_directory_it_checks_the_menus_ijwi_menus_dir_names() throws IOException {
        copyMenus();
        Run run = menus(Map.of("IJWI_MENUS_DIR", dir.toString()), "menus", "check");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("menus in " + dir.toAbsolutePath() + " are fine: ")
                .contains("screens in rw, en, fr, every page within 160 GSM-7 characters");
    }

    @Test
    void a_broken_menu_is_refused_naming_file_screen_and_key() throws IOException {
        copyMenus();
        Path report = dir.resolve("report.yaml");
        Files.writeString(report, Files.readString(report).replace("      max: 140\n", "      max: lots\n")
                .replace("    save: gap\n", "    save: gap\n    colour: red\n"));
        Run run = menus(Map.of(), "menus", "check", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("report.yaml: screen comment: input.max: expected a whole number, got 'lots'")
                .contains("report.yaml: screen gap: unknown key 'colour'");
    }

    @Test
    void a_directory_that_is_not_there_is_named() {
        Run run = menus(Map.of(), "menus", "check", dir.resolve("nowhere").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("menus check: " + dir.resolve("nowhere") + " is not a directory");
    }

    private void copyMenus() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("menus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }
}
