package rw.ijwi.broadcast;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a broadcast will be, shown before it is confirmed: who (how many), the text as it will travel (one per
 * language for a commitment, so each subscriber reads it in their own), its encoding and parts, and the estimated
 * cost. The fingerprint ties a confirmation to exactly these.
 */
public record Preview(int districtId, String district, Long commitmentId, List<Version> versions, int recipients,
        int demoRecipients, BigDecimal price, BigDecimal cost, String fingerprint) {

    /** The text one group of subscribers gets: language "" when everyone gets the same text. */
    public record Version(String language, String text, boolean unicode, int units, int segments, int recipients) {

        public String encoding() {
            return unicode ? "UCS-2" : "GSM-7";
        }
    }

    public Preview {
        versions = List.copyOf(versions);
    }

    /** Whether subscribers get the text of their own language (a commitment), not one typed text. */
    public boolean perLanguage() {
        return !versions.get(0).language().isEmpty();
    }

    /** The first text (the only one, unless per language). */
    public String text() {
        return versions.get(0).text();
    }

    public boolean unicode() {
        return versions.stream().anyMatch(Version::unicode);
    }

    public String encoding() {
        return unicode() ? "UCS-2" : "GSM-7";
    }

    public int units() {
        return versions.stream().mapToInt(Version::units).max().orElse(0);
    }

    /** Parts of the longest text. */
    public int segments() {
        return versions.stream().mapToInt(Version::segments).max().orElse(1);
    }

    /** The cost as a plain number without trailing zeros, e.g. "90" or "37.5". */
    public String costText() {
        return Broadcasts.plain(cost);
    }

    public String priceText() {
        return Broadcasts.plain(price);
    }
}
