package rw.ijwi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The dashboard's words: three languages required, Kinyarwanda plain and GSM-7, labels not doubled in rw. */
class MessagesTest {

    private static Messages parse(String yaml) throws IOException {
        return Messages.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void a_key_without_its_kinyarwanda_stops_the_start_naming_the_key_and_the_language() {
        assertThatThrownBy(() -> parse("""
                sign_in: {en: "Sign in", fr: "Se connecter", rw: "Injira"}
                district: {en: "District", fr: "District"}
                """)).hasMessage("test.yaml: district has no rw text");
        assertThatThrownBy(() -> parse("save: {en: \"Save\", rw: \"Bika\", fr: \"\"}"))
                .hasMessage("test.yaml: save has no fr text");
    }

    @Test
    void the_shipped_file_has_every_key_in_three_languages_and_its_kinyarwanda_fits_gsm7() {
        Messages messages = Messages.load();
        for (String key : messages.keysStartingWith("")) {
            String rw = messages.get("rw", key);
            assertThat(rw).as(key).isNotBlank().doesNotContain("\u2019");
            assertThat(rw.chars().allMatch(c -> c >= 32 && c < 127)).as(key + ": plain ASCII (GSM-7) " + rw).isTrue();
        }
    }

    @Test
    void a_term_carries_its_kinyarwanda_label_in_english_and_french_but_is_not_doubled_in_kinyarwanda() {
        Messages messages = new Messages(Map.of("district", Map.of("en", "District", "fr", "District", "rw", "Akarere")));
        assertThat(messages.in("en").tk("district")).isEqualTo("District (Akarere)");
        assertThat(messages.in("fr").tk("district")).isEqualTo("District (Akarere)");
        assertThat(messages.in("rw").tk("district")).isEqualTo("Akarere");
        assertThat(messages.in("rw").t("district")).isEqualTo("Akarere");
        assertThat(messages.in("xx").language()).isEqualTo("en");
    }
}
