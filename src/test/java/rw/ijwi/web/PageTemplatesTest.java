package rw.ijwi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page template takes the chrome and one record, {@code page}: what Templates.render hands it. A template
 * that grew another @param would get null from the renderer (JTE fills a missing parameter with null), and a
 * parameter that is not a record would bring back the untyped maps the records replaced.
 */
class PageTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    /** Pieces that pages include with named, compiler-checked arguments; never rendered on their own. */
    private static final Set<String> PARTIALS = Set.of("layout.jte", "bars.jte", "map.jte");
    private static final Pattern PARAM = Pattern.compile("(?m)^\\s*@param\\b.*$");
    private static final Pattern PAGE = Pattern.compile("@param ([\\w.]+) page");
    private static final Pattern IMPORT = Pattern.compile("(?m)^@import\\s+([\\w.]+)\\s*$");

    static Stream<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jte") && !PARTIALS.contains(n)).sorted().toList();
            assertThat(names).as("page templates in " + TEMPLATES).hasSizeGreaterThan(20);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void each_page_template_takes_the_chrome_and_one_record_named_page(String name) throws Exception {
        String template = Files.readString(TEMPLATES.resolve(name));
        List<String> params = PARAM.matcher(template).results().map(m -> m.group().strip()).toList();
        assertThat(params).as(name).hasSize(2).first().isEqualTo("@param Chrome chrome");
        Matcher page = PAGE.matcher(params.get(1));
        assertThat(page.matches()).as(name + ": one record named page, without a default: " + params.get(1)).isTrue();
        assertThat(recordClass(template, page.group(1))).as(name + ": " + page.group(1) + " is a record")
                .satisfies(c -> assertThat(c.isRecord()).isTrue());
    }

    /** The class of a type written as the template writes it (Outer.Inner), through the template's imports. */
    private static Class<?> recordClass(String template, String type) throws ClassNotFoundException {
        String outer = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        String nested = type.contains(".") ? type.substring(type.indexOf('.')).replace('.', '$') : "";
        Matcher imports = IMPORT.matcher(template);
        while (imports.find()) {
            String imported = imports.group(1);
            if (imported.endsWith("." + outer)) {
                return Class.forName(imported + nested);
            }
        }
        throw new AssertionError("no @import for " + outer);
    }
}
