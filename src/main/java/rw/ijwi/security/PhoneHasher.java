package rw.ijwi.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Turns a phone number into the keyed hash that is all Ijwi stores of a reporter; never keeps the number. */
public final class PhoneHasher {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

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

    /**
     * The number as Ijwi compares and sends it: E.164 (+, country code, digits) as libphonenumber reads it, a
     * number without a country code being Rwandan. For every number written in E.164, internationally (00...),
     * nationally (07...) or as 250... this is the form the hand-written rule before it gave, so stored hashes
     * keep identifying their callers (PhoneHasherTest pins them). It differs only where that rule misread the
     * number: a trunk 0 after the country code (+250 0788...) and a national number without its 0 (788...),
     * which both now reach the caller's real number; Africa's Talking sends neither.
     */
    public static String canonical(String phoneNumber) {
        if (isRwandanMobileInE164(phoneNumber)) {
            return phoneNumber; // what Africa's Talking sends, and already libphonenumber's answer: skip its ~10 µs
        }
        try {
            return NUMBERS.format(NUMBERS.parse(phoneNumber, "RW"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return unreadable(phoneNumber);
        }
    }

    /** +2507 then eight digits: E.164 as libphonenumber writes it (no trunk 0 to drop), so it stays as it is. */
    static boolean isRwandanMobileInE164(String phoneNumber) {
        if (phoneNumber.length() != 13 || !phoneNumber.startsWith("+2507")) {
            return false;
        }
        for (int i = 5; i < 13; i++) {
            char c = phoneNumber.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * What the hand-written rule made of a string libphonenumber cannot read (an unknown country code such as
     * +999..., or +07... with a + put before a national number), kept so such hashes stay as they were.
     */
    private static String unreadable(String phoneNumber) {
        StringBuilder kept = new StringBuilder(phoneNumber.length());
        for (int i = 0; i < phoneNumber.length(); i++) {
            char c = phoneNumber.charAt(i);
            if (c >= '0' && c <= '9') {
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
