package rw.ijwi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.config.MenuSource;

/** menus/sms.yaml is checked before Ijwi starts: translated, GSM-7, one SMS, nothing revealing. */
class SmsTextsTest {

    @TempDir
    Path dir;

    @Test
    void the_shipped_replies_pass_the_check() {
        SmsTexts texts = SmsTexts.load(MenuSource.directory(Path.of("menus")));
        assertThat(texts.text("joined", "en", Map.of("district", "Rusizi"))).contains("news of Rusizi district");
    }

    @Test
    void every_problem_is_named_by_reply_and_language() throws Exception {
        String yaml = Files.readString(Path.of("menus", SmsTexts.FILE))
                .replace("en: \"Thank you! Your message was received.\"", "en: \"Thanks for reporting abuse\"")
                .replace("fr: \"Merci! Votre message a ete recu.\"", "fr: \"Merci! Votre message a été reçu \u2019\"")
                .replace("    rw: \"Andika INJIRA", "    rx: \"Andika INJIRA")
                .replace("en: \"Thank you. To answer, send for example: {example}\"",
                        "en: \"" + "Thank you. ".repeat(13) + "{example} {name}\"");
        Files.writeString(dir.resolve(SmsTexts.FILE), yaml);
        assertThatThrownBy(() -> SmsTexts.load(MenuSource.directory(dir)))
                .isInstanceOf(SmsTexts.Invalid.class)
                .hasMessageContaining("reply join_which [rw]: missing")
                .hasMessageContaining("reply comment [en]: the word 'abuse' must never be sent by SMS")
                .hasMessageContaining("reply comment [fr]: character '\u00E7' is not GSM-7")
                .hasMessageContaining("reply how_to_vote [en]: unknown placeholder {name}")
                .hasMessageContaining("reply how_to_vote [en]: 168 characters with the longest placeholder values, "
                        + "over 160 (one SMS)");
    }

    @Test
    void the_names_behind_the_service_are_refused_like_the_words_for_what_it_is_about() {
        assertThat(SmsTexts.check("Murakoze, Pro-Femmes / Twese Hamwe")).containsExactly(
                "the word 'Pro-Femmes' must never be sent by SMS");
        assertThat(SmsTexts.check("Merci, Reseau des Femmes")).hasSize(1);
        assertThat(SmsTexts.check("Thanks. Gender-based services: call us")).hasSize(1);
        assertThat(SmsTexts.check("Murakoze cyane! Ubutumwa bwanyu bwakiriwe.")).isEmpty();
    }

    @Test
    void start_up_refuses_replies_that_fail_the_check() throws Exception {
        for (Path f : Files.list(Path.of("menus")).toList()) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        Files.writeString(dir.resolve(SmsTexts.FILE), Files.readString(dir.resolve(SmsTexts.FILE))
                .replace("en: \"Thank you! Your answer was received: {choice}.\"", "en: \"GBV line: {choice}\""));
        assertThatThrownBy(() -> new TestApp(TestDatabase.fresh(), Map.of("IJWI_MENUS_DIR", dir.toString())))
                .isInstanceOf(SmsTexts.Invalid.class)
                .hasMessageContaining(SmsTexts.FILE)
                .hasMessageContaining("reply vote [en]: the word 'GBV' must never be sent by SMS");
    }
}
