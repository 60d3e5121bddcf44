package rw.ijwi.broadcast;

import java.math.BigDecimal;

/**
 * What a broadcast will be, shown before it is confirmed: who (how many), the text as it will travel, its
 * encoding and parts, and the estimated cost. The fingerprint ties a confirmation to exactly these.
 */
public record Preview(int districtId, String district, Long commitmentId, String text, boolean unicode, int units,
        int segments, int recipients, BigDecimal price, BigDecimal cost, String fingerprint) {

    public String encoding() {
        return unicode ? "UCS-2" : "GSM-7";
    }

    /** The cost as a plain number without trailing zeros, e.g. "90" or "37.5". */
    public String costText() {
        return Broadcasts.plain(cost);
    }

    public String priceText() {
        return Broadcasts.plain(price);
    }
}
