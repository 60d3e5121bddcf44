package rw.ijwi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The words no SMS may carry (messages/unsafe_words.yaml), in three languages, whatever the case and accents. */
class UnsafeWordsTest {

    record Case(String label, String text, String found) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("English acronym", "Update on GBV services in Rusizi", "GBV"),
                new Case("English word", "Less violence reported", "violence"),
                new Case("English verb form", "Those abused can call", "abused"),
                new Case("French word with accents", "Les violences conjugales", "violences"),
                new Case("French acronym", "Centre VBG ouvert", "VBG"),
                new Case("French participle with accent", "Les personnes abus\u00E9es", "abus\u00E9es"),
                new Case("Kinyarwanda noun", "Ihohoterwa ryagabanutse", "Ihohoterwa"),
                new Case("Kinyarwanda passive", "Abahohotewe bafashijwe", "Abahohotewe"),
                new Case("Kinyarwanda phrase", "gufata ku ngufu", "ku ngufu"),
                new Case("Organisation name", "Murakoze, Pro-Femmes", "Pro-Femmes"),
                new Case("Neutral Kinyarwanda", "Polisi yashyize abapolisi babiri i Bugarama", null),
                new Case("Part of a longer word is fine", "Violet flowers at the abuserie", null),
                new Case("Neutral French", "La police a ouvert un poste a Bugarama", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unsafe_words_are_found_as_written(Case c) {
        assertThat(UnsafeWords.find(c.text()).orElse(null)).isEqualTo(c.found());
    }
}
