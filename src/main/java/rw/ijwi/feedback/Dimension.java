package rw.ijwi.feedback;

import java.util.Locale;
import java.util.Optional;

/** A way to break reports down: the names the API's groupBy accepts, in the order tables are laid out. */
public enum Dimension {
    DISTRICT, SECTOR, SERVICE, GAP, CHANNEL, WEEK, MONTH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> of(String code) {
        for (Dimension d : values()) {
            if (d.code().equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
