package rw.ijwi.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import rw.ijwi.auth.User;

/**
 * What every dashboard page needs around its content: title, who is signed in, the CSRF token, the words, the
 * formats of the language, and the page's own address (path and query, for the language links and the way back).
 */
public record Chrome(String title, String active, User user, String csrf, Messages.Words words, String here) {

    public String t(String key) {
        return words.t(key);
    }

    public String lang() {
        return words.language();
    }

    public Format format() {
        return Format.in(words.language());
    }

    public boolean signedIn() {
        return user != null;
    }

    /** This page in another language: the same path and query with only lang= changed. */
    public String langHref(String language) {
        int q = here.indexOf('?');
        String path = q < 0 ? here : here.substring(0, q);
        StringBuilder query = new StringBuilder();
        if (q >= 0) {
            for (String pair : here.substring(q + 1).split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (pair.isEmpty() || decoded(name).equals("lang")) {
                    continue;
                }
                query.append(pair).append('&');
            }
        }
        return path + "?" + query + "lang=" + URLEncoder.encode(language, StandardCharsets.UTF_8);
    }

    private static String decoded(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return part;
        }
    }
}
