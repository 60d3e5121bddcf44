package rw.ijwi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** docs/openapi.yaml describes the API as wired: every /api/ and /export/ route, and nothing that is not one. */
class OpenApiTest {

    private static final Pattern ROUTE = Pattern.compile(
            "routes\\.(get|post|put|patch|delete)\\(\"(/(?:api|export)/[^\"]+)\"");
    private static final Pattern REF = Pattern.compile("\"\\$ref\":\"#/components/schemas/([^\"]+)\"");

    private final JsonNode spec = read();

    @Test
    void every_api_route_is_documented_with_its_method_and_every_documented_path_is_a_route() {
        Set<String> wired = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher m = ROUTE.matcher(text(f));
                while (m.find()) {
                    wired.add(m.group(1).toUpperCase() + " " + m.group(2));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> documented = new TreeSet<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(wired).as("API routes wired in the main sources").isNotEmpty();
        assertThat(documented).as("operations in docs/openapi.yaml").isEqualTo(wired);
    }

    @Test
    void every_schema_a_path_or_schema_refers_to_is_defined() {
        Set<String> defined = new TreeSet<>();
        spec.path("components").path("schemas").fieldNames().forEachRemaining(defined::add);
        Set<String> referred = new TreeSet<>();
        Matcher m = REF.matcher(spec.toString());
        while (m.find()) {
            referred.add(m.group(1));
        }
        assertThat(referred).isNotEmpty();
        assertThat(defined).containsAll(referred);
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs/openapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
