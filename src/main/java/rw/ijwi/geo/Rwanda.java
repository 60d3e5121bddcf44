package rw.ijwi.geo;

import java.time.ZoneId;
import java.util.List;

/**
 * The country Ijwi serves, in the two facts every feature needs: its one time zone (days, months and the times
 * shown are Rwanda's, whatever the server's zone) and the languages Ijwi speaks. Knows nothing of any feature.
 */
public final class Rwanda {

    /** Africa/Kigali: UTC+2, without daylight saving since 1935. */
    public static final ZoneId ZONE = ZoneId.of("Africa/Kigali");

    /** Kinyarwanda, English, French: Kinyarwanda first, the default where no choice was made. */
    public static final List<String> LANGUAGES = List.of("rw", "en", "fr");

    private Rwanda() {
    }
}
