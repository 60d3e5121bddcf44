package rw.ijwi.privacy;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;

import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;

/**
 * Moves everything keyed by the secret key to a new key, in one transaction: encrypted numbers are decrypted and
 * encrypted again, and every keyed hash whose number is known (through an encrypted copy) is recomputed. Hashes
 * whose number Ijwi never kept cannot be recomputed; they stay as they are and no longer match that phone, which
 * only makes them more anonymous (their owner's language choice and report deletion stop applying).
 */
public final class KeyRotation {

    /** Tables holding encrypted numbers, with the column of the number and of its hash. */
    private record Encrypted(String table, String key, String number, String hash) {
    }

    private static final List<Encrypted> ENCRYPTED = List.of(
            new Encrypted("sms_subscriber", "phone_hash, district_id", "phone_encrypted", "phone_hash"),
            new Encrypted("sms_inbound", "id", "reply_to", "phone_hash"),
            new Encrypted("sms_outbox", "id", "phone_encrypted", "phone_hash"));

    /** Tables holding only the hash: updated through the old-to-new map of known numbers. */
    private static final List<String> HASHED = List.of("report", "phone_preference", "sms_opt_out", "sms_reply_limit",
            "campaign_vote", "campaign_comment", "sms_inbound", "sms_outbox");

    /** What the rotation did. */
    public record Result(int numbersReencrypted, int hashesRecomputed, int hashesLeftUnlinkable) {
    }

    private final Jdbi jdbi;

    public KeyRotation(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Result rotate(byte[] oldKey, byte[] newKey) {
        PhoneCipher oldCipher = new PhoneCipher(oldKey);
        PhoneCipher newCipher = new PhoneCipher(newKey);
        PhoneHasher oldHasher = new PhoneHasher(oldKey);
        PhoneHasher newHasher = new PhoneHasher(newKey);
        return jdbi.inTransaction(h -> {
            Map<String, byte[]> newHashByOld = new HashMap<>();
            int reencrypted = 0;
            for (Encrypted t : ENCRYPTED) {
                List<Map<String, Object>> rows = h.createQuery("SELECT ctid::text AS row, " + t.number() + " AS sealed FROM "
                        + t.table() + " WHERE " + t.number() + " IS NOT NULL").mapToMap().list();
                for (Map<String, Object> row : rows) {
                    String number = oldCipher.decrypt((byte[]) row.get("sealed"));
                    newHashByOld.put(hex(oldHasher.hash(number)), newHasher.hash(number));
                    h.createUpdate("UPDATE " + t.table() + " SET " + t.number() + " = :sealed WHERE ctid = :row::tid")
                            .bind("sealed", newCipher.encrypt(number)).bind("row", (String) row.get("row")).execute();
                    reencrypted++;
                }
            }
            h.execute("CREATE TEMPORARY TABLE key_map (old_hash bytea PRIMARY KEY, new_hash bytea NOT NULL) ON COMMIT DROP");
            var batch = h.prepareBatch("INSERT INTO key_map (old_hash, new_hash) VALUES (:old, :next)");
            newHashByOld.forEach((old, next) -> batch.bind("old", HexFormat.of().parseHex(old)).bind("next", next).add());
            if (!newHashByOld.isEmpty()) {
                batch.execute();
            }
            int recomputed = 0;
            for (String table : HASHED) {
                recomputed += h.execute("UPDATE " + table + " t SET phone_hash = m.new_hash FROM key_map m "
                        + "WHERE t.phone_hash = m.old_hash");
            }
            int left = 0;
            for (String table : List.of("report", "phone_preference", "sms_opt_out")) {
                left += h.createQuery("SELECT count(*) FROM " + table + " t WHERE NOT EXISTS "
                        + "(SELECT 1 FROM key_map m WHERE m.new_hash = t.phone_hash)").mapTo(Integer.class).one();
            }
            rw.ijwi.security.KeyCheck.record(h, newKey);
            return new Result(reencrypted, recomputed, left);
        });
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
