package rw.ijwi.sms.keywords;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How SMS words are compared: accents and case ignored, and "one typo" measured; knows no keyword. */
public final class Words {

    /** Compiled once: String.replaceAll compiled both for every word of every message. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");

    private Words() {
    }

    /** "Arrêt," -> "ARRET": accents dropped, upper case, punctuation around the word removed. */
    public static String normalise(String word) {
        String plain = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
        return EDGE_PUNCTUATION.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    /** The first word of a text and what follows it (stripped); empty strings when there is none. */
    public static String[] firstAndRest(String text) {
        String stripped = text.strip();
        int space = 0;
        while (space < stripped.length() && !Character.isWhitespace(stripped.charAt(space))) {
            space++;
        }
        return new String[] {stripped.substring(0, space), stripped.substring(space).strip()};
    }

    /**
     * True when the two words are equal or one typo apart: a letter wrong, missing or extra, or two neighbouring
     * letters swapped (optimal string alignment distance of at most 1).
     */
    public static boolean withinOneTypo(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        if (la == lb) {
            int first = -1;
            int second = -1;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (first < 0) {
                        first = i;
                    } else if (second < 0) {
                        second = i;
                    } else {
                        return false;
                    }
                }
            }
            if (second < 0) {
                return true; // one substitution
            }
            return second == first + 1 && a.charAt(first) == b.charAt(second) && a.charAt(second) == b.charAt(first);
        }
        String longer = la > lb ? a : b;
        String shorter = la > lb ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    /** Typos are forgiven only on words long enough that one wrong letter cannot make another word. */
    public static boolean matches(String given, String keyword) {
        return given.equals(keyword) || keyword.length() >= 4 && withinOneTypo(given, keyword);
    }
}
