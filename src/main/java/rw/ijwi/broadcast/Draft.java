package rw.ijwi.broadcast;

/**
 * A broadcast as composed: the district, optionally the commitment it reports on, the text (blank: made from the
 * commitment in the given language) and, once previewed, the fingerprint and one-time confirmation of the preview.
 */
public record Draft(String district, String commitment, String text, String language, String fingerprint,
        String confirmation) {

    public static Draft empty(String district) {
        return new Draft(district, "", "", "rw", "", "");
    }
}
