package rw.ijwi.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import rw.ijwi.config.Config;

/**
 * Stops start-up when the secret key is not the one the database was made with: a valid key of the wrong
 * deployment would otherwise let Ijwi start and every stored hash silently stop matching (deletion by reference,
 * language choices, opt-outs). The database keeps only a fingerprint, HMAC-SHA256 of a constant under the key.
 */
public final class KeyCheck {

    private static final byte[] CONSTANT = "ijwi secret key check v1".getBytes(StandardCharsets.US_ASCII);

    private KeyCheck() {
    }

    public static byte[] fingerprint(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(CONSTANT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /**
     * Records the key's fingerprint if the database has none yet, else compares; `source` names where the key
     * came from (the setting, or the data dir's file) for the one-line refusal.
     */
    public static void verify(Jdbi jdbi, byte[] key, Config config) {
        byte[] mine = fingerprint(key);
        byte[] stored = jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO secret_key_check (fingerprint) VALUES (:f) ON CONFLICT DO NOTHING")
                    .bind("f", mine).execute();
            return h.createQuery("SELECT fingerprint FROM secret_key_check").mapTo(byte[].class).one();
        });
        if (!MessageDigest.isEqual(stored, mine)) {
            String value = config.secretKey().isPresent() ? "(hidden)"
                    : "(unset, so " + config.dataDir().resolve("secret.key") + ")";
            throw new Config.BadSetting("IJWI_SECRET_KEY", value, "not the key this database was made with "
                    + "(key fingerprints " + short8(stored) + " and " + short8(mine) + "); stored hashes would stop "
                    + "matching: start with that key, or change keys with privacy rotate-key");
        }
    }

    /** Within a key rotation's transaction: the database is now made with the new key. */
    public static void record(Handle handle, byte[] key) {
        handle.createUpdate("""
                INSERT INTO secret_key_check (fingerprint) VALUES (:f)
                ON CONFLICT (one) DO UPDATE SET fingerprint = excluded.fingerprint, recorded_at = now()""")
                .bind("f", fingerprint(key)).execute();
    }

    private static String short8(byte[] fingerprint) {
        return HexFormat.of().formatHex(fingerprint, 0, 4);
    }
}
