package rw.ijwi.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decides whether an address given by a request (a login's next=, the page a link goes back to) is a plain path on
 * this site. Browsers forgive a lot: "/\t/evil.example" and "/\\evil.example" both read as "//evil.example", another
 * site. So only a single leading "/" is accepted, with no second "/" after it, no backslash, no whitespace or
 * control character, raw or percent-encoded (a leading "/" already rules out a scheme); anything else is "/".
 */
public final class LocalPath {

    static final int MAX = 2000;

    private LocalPath() {
    }

    public static String orRoot(String given) {
        return safe(given) ? given : "/";
    }

    public static boolean safe(String given) {
        if (given == null || given.length() > MAX || !plain(given)) {
            return false;
        }
        // The path part once more after each round of percent-decoding ("/%09/x", "/%2509/x", "/%5Cx"): whatever
        // decodes it later must not find a second slash, a backslash or a blank either. The query only needs to
        // be plain as given; it never changes where a browser goes.
        int end = indexOfAny(given, "?#");
        String path = end < 0 ? given : given.substring(0, end);
        for (int round = 0; round < 3; round++) {
            String decoded;
            try {
                decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return false;
            }
            if (decoded.equals(path)) {
                return true;
            }
            if (!plain(decoded)) {
                return false;
            }
            path = decoded;
        }
        return false;
    }

    /** Starts with one "/" (so no scheme and no host) and holds no backslash, blank or control character. */
    private static boolean plain(String address) {
        if (address.isEmpty() || address.charAt(0) != '/' || address.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                    || c == '\u200B' || c == '\uFEFF' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
