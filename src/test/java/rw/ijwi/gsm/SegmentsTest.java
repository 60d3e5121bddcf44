package rw.ijwi.gsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How many SMS parts a text is billed as: 160/153 GSM-7 (extension characters count two), 70/67 UCS-2. */
class SegmentsTest {

    record Case(String label, String text, boolean unicode, int units, int parts) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("Empty", "", false, 0, 1),
                new Case("One full GSM-7 part", "a".repeat(160), false, 160, 1),
                new Case("One over a GSM-7 part", "a".repeat(161), false, 161, 2),
                new Case("Two full concatenated parts", "a".repeat(306), false, 306, 2),
                new Case("Three concatenated parts", "a".repeat(307), false, 307, 3),
                new Case("Extension characters count two", "{}".repeat(40), false, 160, 1),
                new Case("Euro sign pushes over", "\u20AC" + "a".repeat(159), false, 161, 2),
                new Case("Accents GSM-7 carries", "\u00E9\u00E8\u00E0\u00F9", false, 4, 1),
                new Case("One smart quote makes it UCS-2", "\u201Cyego\u201D", true, 6, 1),
                new Case("Full UCS-2 part", "\u00EA".repeat(70), true, 70, 1),
                new Case("One over a UCS-2 part", "\u00EA".repeat(71), true, 71, 2),
                new Case("Two full UCS-2 parts", "\u00EA".repeat(134), true, 134, 2),
                new Case("Emoji take two UCS-2 units", "\uD83D\uDE00", true, 2, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void segments_are_counted_as_the_network_bills_them(Case c) {
        assertThat(Gsm7.segments(c.text())).isEqualTo(new Gsm7.Segments(c.unicode(), c.units(), c.parts()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void normalised_text_always_fits_gsm7(Case c) {
        assertThat(Gsm7.segments(Gsm7.normalise(c.text())).unicode()).isFalse();
    }
}
