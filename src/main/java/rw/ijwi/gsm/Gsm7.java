package rw.ijwi.gsm;

/** The GSM 03.38 default alphabet: which characters a USSD screen or a cheap SMS can carry, and their cost. */
public final class Gsm7 {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7() {
    }

    public static boolean isEncodable(int codePoint) {
        return codePoint < 0x10000 && (BASIC.indexOf(codePoint) >= 0 || EXTENSION.indexOf(codePoint) >= 0);
    }

    /** The first character of the text that GSM-7 cannot carry, or -1 when it all fits. */
    public static int firstUnencodable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!isEncodable(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** Length in 7-bit units: extension characters take two. Assumes the text is encodable. */
    public static int septets(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            count += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return count;
    }

    /**
     * The closest GSM-7 text: smart quotes and dashes made plain, accents the alphabet lacks dropped (ê -> e),
     * anything else that cannot be carried replaced by '?'.
     */
    public static String normalise(String text) {
        return plain(text, true);
    }

    /**
     * As {@link #normalise} but keeping what has no GSM-7 equivalent (an emoji, another script): the text then
     * travels as UCS-2, which a broadcast preview shows with its cost.
     */
    public static String normaliseWherePossible(String text) {
        return plain(text, false);
    }

    private static String plain(String text, boolean replaceTheRest) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isEncodable(cp)) {
                out.appendCodePoint(cp);
                return;
            }
            switch (cp) {
                case '\u2018', '\u2019', '\u201A', '\u2032', '\u00B4', '`' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB' -> out.append('"');
                case '\u2013', '\u2014', '\u2212' -> out.append('-');
                case '\u2026' -> out.append("...");
                case '\u00A0', '\t' -> out.append(' ');
                default -> {
                    String stripped = java.text.Normalizer.normalize(new String(Character.toChars(cp)),
                            java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                    if (!stripped.isEmpty() && stripped.codePoints().allMatch(Gsm7::isEncodable)) {
                        out.append(stripped);
                    } else if (replaceTheRest) {
                        out.append('?');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** How an SMS text travels: GSM-7 or UCS-2, its length in that encoding's units, and the parts it is billed as. */
    public record Segments(boolean unicode, int units, int parts) {
    }

    /**
     * Segments of an SMS: GSM-7 carries 160 septets in one part or 153 per part when concatenated (extension
     * characters take two); one character outside GSM-7 makes the whole text UCS-2, 70 in one part, 67 per part.
     */
    public static Segments segments(String text) {
        if (text.isEmpty()) {
            return new Segments(false, 0, 1);
        }
        if (firstUnencodable(text) < 0) {
            int units = septets(text);
            return new Segments(false, units, units <= 160 ? 1 : ceilDiv(units, 153));
        }
        int units = text.length(); // UTF-16 code units: a character outside the BMP takes two
        return new Segments(true, units, units <= 70 ? 1 : ceilDiv(units, 67));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
