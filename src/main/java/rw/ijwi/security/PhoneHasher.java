package rw.ijwi.security;

import java.nio.charset.StandardCharsets;

/** Turns a phone number into the keyed hash that is all Ijwi stores of a reporter; never keeps the number. */
public final class PhoneHasher {

    private final byte[] key;

    public PhoneHasher(byte[] secretKey) {
        this.key = Keys.derive(secretKey, "ijwi/phone-hash/v1");
    }

    /** HMAC-SHA256 of the number in a canonical form, so "+250 788 123 456" and "250788123456" hash alike. */
    public byte[] hash(String phoneNumber) {
        return Keys.hmac(key, canonical(phoneNumber).getBytes(StandardCharsets.US_ASCII));
    }

    /** The number as Ijwi compares and sends it: +, country code, digits. */
    public static String canonical(String phoneNumber) {
        String digits = phoneNumber.replaceAll("[^0-9]", "");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (digits.length() == 10 && digits.startsWith("07")) {
            digits = "250" + digits.substring(1);
        }
        return "+" + digits;
    }
}
