package rw.ijwi.ussd;

/** One thing wrong with the menu files, located by file, screen and language where they apply. */
public record Problem(String file, String screen, String language, String message) {

    @Override
    public String toString() {
        var where = new StringBuilder(file);
        if (screen != null) {
            where.append(": screen ").append(screen);
        }
        if (language != null) {
            where.append(" [").append(language).append(']');
        }
        return where + ": " + message;
    }
}
