package rw.ijwi.ussd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;

/**
 * Replays each transcript in src/test/resources/transcripts through the real /at/ussd webhook, as Africa's
 * Talking would send it, then checks the database. Each transcript gets a fresh database.
 *
 * <p>A step is one of: {@code send: "3"} (the next input, joined to the text with '*'), {@code text: "1*2"}
 * (the whole text, for dial-through), {@code retry: true} (the last hop again), {@code restart: true} (a new
 * server on the same database), {@code session: id} (a new session), {@code sql: ...} (set up data).
 * {@code capture: {ref: "regex with (group)"}} keeps a value of the reply for later {@code send: "{{ref}}"}. {@code expect} is the whole reply,
 * {@code contains} a list of parts of it; every hop has one of the two, so none passes on whatever screen
 * comes back. The {@code db} list ends the file: {@code query} and {@code returns}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptTest {

    private static final Path DIR = Path.of("src/test/resources/transcripts");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    static Stream<Arguments> transcripts() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            return sorted.stream().map(f -> Arguments.of(f.getFileName().toString().replace(".yaml", ""), f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void transcript_replays_as_written(String name, Path file) throws IOException {
        JsonNode transcript = yaml.readTree(file.toFile());
        TestDatabase database = TestDatabase.fresh();
        try (TestApp app = new TestApp(database, Map.of())) {
            String phone = transcript.path("phone").asText("+250788000001");
            String session = transcript.path("session").asText(name);
            String text = null;
            Map<String, String> captured = new java.util.HashMap<>();
            int step = 0;
            for (JsonNode s : transcript.path("steps")) {
                step++;
                String where = file.getFileName() + " step " + step;
                if (s.path("restart").asBoolean(false)) {
                    app.restart();
                    continue;
                }
                if (s.has("sql")) {
                    database.jdbi().useHandle(h -> h.execute(s.get("sql").asText()));
                    continue;
                }
                if (s.has("api")) {
                    callApi(app, s.get("api"), where);
                    continue;
                }
                if (s.has("session")) {
                    session = s.get("session").asText();
                    text = null;
                }
                if (s.has("phone")) {
                    phone = s.get("phone").asText();
                }
                if (s.has("send")) {
                    String input = substitute(s.get("send").asText(), captured);
                    text = text == null || text.isEmpty() ? input : text + "*" + input;
                } else if (s.has("text")) {
                    text = s.get("text").asText();
                } else if (!s.path("retry").asBoolean(false)) {
                    if (s.has("session") || s.has("phone")) {
                        continue;
                    }
                    throw new AssertionError(where + ": a step needs send, text, retry, restart or session");
                }
                String reply = app.ussd(session, phone, text);
                if (!s.has("expect") && s.path("contains").isEmpty()) {
                    // A hop that checks nothing passes whatever screen comes back, the fallback included.
                    throw new AssertionError(where + ": a hop must assert its screen with expect or contains;"
                            + " it answered:\n" + reply);
                }
                if (s.has("expect")) {
                    assertThat(reply).as(where + " (text \"" + text + "\")").isEqualTo(s.get("expect").asText().strip());
                }
                for (JsonNode part : s.path("contains")) {
                    assertThat(reply).as(where + " (text \"" + text + "\")").contains(substitute(part.asText(), captured));
                }
                for (JsonNode part : s.path("lacks")) {
                    assertThat(reply).as(where + " (text \"" + text + "\")").doesNotContain(part.asText());
                }
                var capture = s.path("capture").fields();
                while (capture.hasNext()) {
                    var entry = capture.next();
                    var matcher = java.util.regex.Pattern.compile(entry.getValue().asText()).matcher(reply);
                    assertThat(matcher.find()).as(where + ": capture " + entry.getKey() + " in " + reply).isTrue();
                    captured.put(entry.getKey(), matcher.group(1));
                }
            }
            for (JsonNode check : transcript.path("db")) {
                List<List<Object>> rows = new ArrayList<>();
                database.jdbi().useHandle(h -> h.createQuery(check.get("query").asText()).map((rs, ctx) -> {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    return row;
                }).forEach(rows::add));
                List<List<Object>> expected = new ArrayList<>();
                JsonNode returns = check.get("returns");
                if (returns.isArray()) {
                    for (JsonNode row : returns) {
                        List<Object> values = new ArrayList<>();
                        if (row.isArray()) {
                            row.forEach(v -> values.add(scalar(v)));
                        } else {
                            values.add(scalar(row));
                        }
                        expected.add(values);
                    }
                } else {
                    expected.add(List.of(scalar(returns)));
                }
                assertThat(normalise(rows)).as(file.getFileName() + ": " + check.get("query").asText())
                        .isEqualTo(normalise(expected));
            }
        }
    }

    /** Posts JSON as a new user of the given role holding an API token, and checks the status. */
    private static void callApi(TestApp app, JsonNode api, String where) {
        rw.ijwi.auth.Role role = rw.ijwi.auth.Role.of(api.path("role").asText("admin")).orElseThrow();
        List<String> districts = new ArrayList<>();
        api.path("districts").forEach(d -> districts.add(d.asText()));
        String token = rw.ijwi.testing.Staff.apiToken(app, role, districts.toArray(String[]::new));
        var response = app.apiPost(token, api.get("post").asText(), api.get("json").toString(), "application/json");
        assertThat(response.statusCode()).as(where + ": " + response.body()).isEqualTo(api.path("status").asInt(201));
    }

    private static String substitute(String input, Map<String, String> captured) {
        String out = input;
        for (var entry : captured.entrySet()) {
            out = out.replace("{{" + entry.getKey() + "}}", entry.getValue());
        }
        return out;
    }

    private static Object scalar(JsonNode v) {
        return v.isNull() ? null : v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.asLong() : v.asText();
    }

    private static List<List<String>> normalise(List<List<Object>> rows) {
        return rows.stream().map(r -> r.stream().map(v -> v == null ? "null" : v.toString()).toList()).toList();
    }
}
