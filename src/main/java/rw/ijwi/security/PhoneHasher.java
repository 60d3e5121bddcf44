package rw.ijwi.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Turns a phone number into the keyed hash that is all Ijwi stores of a reporter; never keeps the number. */
public final class PhoneHasher {

    private final byte[] key;
    /** A Mac per thread: looking one up costs more than the hash itself, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> mac;

    public PhoneHasher(byte[] secretKey) {
        this.key = Keys.derive(secretKey, "ijwi/phone-hash/v1");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(key, "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
            }
        });
    }

    /** HMAC-SHA256 of the number in a canonical form, so "+250 788 123 456" and "250788123456" hash alike. */
    public byte[] hash(String phoneNumber) {
        return mac.get().doFinal(canonical(phoneNumber).getBytes(StandardCharsets.US_ASCII));
    }

    /** The number as Ijwi compares and sends it: +, country code, digits. */
    public static String canonical(String phoneNumber) {
        StringBuilder kept = new StringBuilder(phoneNumber.length());
        for (int i = 0; i < phoneNumber.length(); i++) {
            char c = phoneNumber.charAt(i);
            if (c >= '0' && c <= '9') { // ASCII digits only, as the pattern [^0-9] kept them
                kept.append(c);
            }
        }
        String digits = kept.toString();
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (digits.length() == 10 && digits.startsWith("07")) {
            digits = "250" + digits.substring(1);
        }
        return "+" + digits;
    }
}
