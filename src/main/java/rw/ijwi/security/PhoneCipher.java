package rw.ijwi.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the few phone numbers Ijwi must be able to use again (JOIN subscribers, replies waiting in the
 * outbox) with AES-256-GCM under a key of their own; the stored form is nonce followed by ciphertext and tag.
 */
public final class PhoneCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "ijwi phone number".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /** A Cipher per thread: looking one up per call showed in the inbound SMS profile, and a Cipher is not thread-safe. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    });

    public PhoneCipher(byte[] secretKey) {
        this.key = new SecretKeySpec(Keys.derive(secretKey, "ijwi/phone-encryption/v1"), "AES");
    }

    public byte[] encrypt(String phoneNumber) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(PhoneHasher.canonical(phoneNumber).getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /** The number in canonical form (+2507...). Throws when the data was not sealed with this key. */
    public String decrypt(byte[] stored) {
        if (stored == null || stored.length <= NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not an encrypted phone number");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.US_ASCII);
        } catch (javax.crypto.AEADBadTagException | java.security.ProviderException e) {
            throw new IllegalArgumentException("encrypted phone number does not open with this key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }
}
