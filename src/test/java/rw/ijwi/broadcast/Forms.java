package rw.ijwi.broadcast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the hidden fields of a form on a page, as a browser would post them back. */
final class Forms {

    private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private Forms() {
    }

    static Map<String, String> hidden(String html, String formId) {
        int start = html.indexOf("id=\"" + formId + "\"");
        if (start < 0) {
            throw new AssertionError("no form #" + formId + " in page:\n" + html);
        }
        String form = html.substring(start, html.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(form);
        while (m.find()) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        return fields;
    }

    static String unescape(String html) {
        return html.replace("&#34;", "\"").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The text of the element with this id (no nested tags), unescaped. */
    static String byId(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no #" + id + " in page:\n" + html);
        }
        return unescape(m.group(1));
    }
}
