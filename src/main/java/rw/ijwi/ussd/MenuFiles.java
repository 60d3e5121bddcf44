package rw.ijwi.ussd;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape of the menu files as Jackson binds them: which keys each mapping may hold and what type each holds.
 * Every key is optional here (absent binds as null); {@link MenuLoader} says which are required and the defaults.
 * Texts per language stay JSON nodes: their keys are the languages, open-ended, and the loader reports each
 * bad one under its language.
 */
final class MenuFiles {

    private MenuFiles() {
    }

    record Index(List<String> languages, @JsonProperty("default_language") String defaultLanguage,
            String start, Keys keys, List<String> files, String hotlines, Map<String, JsonNode> strings) {
    }

    record Keys(String back, String exit, String more) {
    }

    record Screens(Map<String, JsonNode> screens) {
    }

    record Screen(JsonNode text, List<Option> options, String list,
            @JsonProperty("read_only") Boolean readOnly, JsonNode empty, Input input, String save, String next,
            String action, JsonNode otherwise) {
    }

    record Option(JsonNode label, String value, String next) {
    }

    record Input(String kind, Integer min, Integer max, String skip, JsonNode error) {
    }

    record Hotlines(@JsonProperty("last_verified") String lastVerified,
            @JsonProperty("verified_by") String verifiedBy, List<Hotline> lines) {
    }

    record Hotline(String number, JsonNode label) {
    }
}
