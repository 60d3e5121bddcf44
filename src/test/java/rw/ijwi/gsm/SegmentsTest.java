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

    static Stream<String[]> wherePossible() {
        return Stream.of(
                new String[] {"Smart quotes and dashes made plain", "\u201CMurakoze\u201D \u2013 it\u2019s done",
                        "\"Murakoze\" - it's done"},
                new String[] {"Accents outside GSM-7 dropped", "D\u00E9j\u00E0 r\u00E9alis\u00E9, \u00EAtre re\u00E7u",
                        "D\u00E9j\u00E0 r\u00E9alis\u00E9, etre recu"},
                new String[] {"An emoji is kept (the text goes UCS-2)", "Murakoze \uD83D\uDE4F", "Murakoze \uD83D\uDE4F"},
                new String[] {"Another script is kept", "\u12A0\u121B\u122D\u129B", "\u12A0\u121B\u122D\u129B"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wherePossible")
    void normalising_where_possible_keeps_what_gsm7_has_no_equivalent_for(String label, String text, String expected) {
        assertThat(Gsm7.normaliseWherePossible(text)).isEqualTo(expected);
    }
}
