package rw.ijwi.sms;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

import rw.ijwi.security.PhoneCipher;
import rw.ijwi.security.PhoneHasher;

/**
 * Fills a district with made-up JOIN subscribers (hashed and encrypted exactly as JOIN stores them) so a broadcast
 * can be measured at size. Numbers are +25078 followed by seven digits counted from a start. Never on real data.
 * Marked demo (V29): a broadcast's preview counts them apart.
 */
public final class SubscriberSeeder {

    static final int BATCH = 1_000;

    /** One made-up subscriber row. */
    public record Seeded(byte[] phoneHash, int districtId, byte[] phoneEncrypted, String language,
            OffsetDateTime subscribedAt) {
    }

    /** Batch insert of subscribers; a number already subscribed to the district is left as it is. */
    public interface SeedDao {
        @SqlBatch("""
                INSERT INTO sms_subscriber (phone_hash, district_id, phone_encrypted, language, subscribed_at, demo)
                VALUES (:phoneHash, :districtId, :phoneEncrypted, :language, :subscribedAt, true)
                ON CONFLICT DO NOTHING""")
        int[] insert(@BindMethods List<Seeded> subscribers);
    }

    private final Jdbi jdbi;
    private final PhoneHasher hasher;
    private final PhoneCipher cipher;

    public SubscriberSeeder(Jdbi jdbi, PhoneHasher hasher, PhoneCipher cipher) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.cipher = cipher;
    }

    /** Inserts {@code count} subscribers of the district in batches of 1,000; returns how many were new. */
    public long seed(int districtId, int count, int firstNumber, OffsetDateTime now) {
        if (firstNumber < 0 || (long) firstNumber + count > 10_000_000) {
            throw new IllegalArgumentException("numbers run out: start " + firstNumber + " + count " + count
                    + " exceeds seven digits");
        }
        SeedDao dao = jdbi.onDemand(SeedDao.class);
        long stored = 0;
        List<Seeded> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            String number = String.format("+25078%07d", firstNumber + i);
            batch.add(new Seeded(hasher.hash(number), districtId, cipher.encrypt(number), "rw", now));
            if (batch.size() == BATCH) {
                stored += sum(dao.insert(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            stored += sum(dao.insert(batch));
        }
        return stored;
    }

    private static long sum(int[] counts) {
        long s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }
}
