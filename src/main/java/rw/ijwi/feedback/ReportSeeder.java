package rw.ijwi.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

import rw.ijwi.geo.Geography;

/**
 * Fills the database with realistic made-up reports for demos and measurements: skewed across the 30
 * districts, spread over the 52 weeks before {@code now}, some with comments in Kinyarwanda, English or
 * French, some of those consented and approved for quoting. Never used by the running service.
 */
public final class ReportSeeder {

    /** One made-up report row. */
    public record Seeded(String ref, String channel, byte[] phoneHash, int districtId, Integer sectorId,
            String service, String gap, String language, String comment, boolean quoteConsent,
            boolean quoteApproved, OffsetDateTime createdAt) {
    }

    /** Batch insert of made-up reports; a reference already taken is skipped. */
    public interface SeedDao {
        @SqlBatch("""
                INSERT INTO report (ref, channel, phone_hash, district_id, sector_id, service, gap, language, comment,
                                    quote_consent, quote_approved, created_at)
                VALUES (:ref, :channel, :phoneHash, :districtId, :sectorId, :service, :gap, :language, :comment,
                        :quoteConsent, :quoteApproved, :createdAt)
                ON CONFLICT DO NOTHING""")
        int[] insert(@BindMethods List<Seeded> reports);
    }

    private static final String[][] COMMENTS = {
        {"rw", "Polisi ntiyaje nubwo twahamagaye kenshi."},
        {"rw", "Ikigo nderabuzima kiri kure cyane y'aho dutuye."},
        {"rw", "Badusabye amafaranga kugira ngo batwakire."},
        {"rw", "Umuyobozi w'umudugudu ntiyakurikiranye ikibazo."},
        {"en", "The station had no officer when we arrived."},
        {"en", "We were told to come back next week, twice."},
        {"en", "Nobody followed up after the first visit."},
        {"fr", "On nous a demandé de payer pour le certificat médical."},
        {"fr", "Le centre est trop loin et le transport coûte cher."},
        {"fr", "Personne ne nous a rappelés après la plainte."},
    };
    private static final String[] SERVICES = {"police", "health", "justice", "local_leaders", "shelter", "other"};
    private static final double[] SERVICE_WEIGHTS = {30, 25, 15, 18, 5, 7};
    private static final String[] GAPS = {"not_available", "no_response", "asked_to_pay", "treated_badly",
        "not_followed_up", "other"};
    private static final double[] GAP_WEIGHTS = {22, 25, 12, 14, 20, 7};

    private final Jdbi jdbi;
    private final Geography geography;

    public ReportSeeder(Jdbi jdbi, Geography geography) {
        this.jdbi = jdbi;
        this.geography = geography;
    }

    /**
     * Inserts {@code count} reports in batches of 1,000, folding the roll-ups every 100,000 and at the end so a
     * freshly seeded database answers the summary from roll-ups; returns how many were stored. References are
     * S and 7 digits (V27): never a reporter's code.
     */
    public long seed(int count, long seed, OffsetDateTime now) {
        Random random = new Random(seed);
        List<Geography.District> districts = geography.districts();
        double[] districtWeights = new double[districts.size()];
        for (int i = 0; i < districtWeights.length; i++) {
            // Skewed like a programme that works in a few districts: a long tail elsewhere.
            districtWeights[i] = 1.0 / Math.pow(1 + random.nextInt(districts.size()), 0.9);
        }
        int offset = random.nextInt(10_000_000);
        SeedDao dao = jdbi.onDemand(SeedDao.class);
        AggregateDao rollups = jdbi.onDemand(AggregateDao.class);
        long stored = 0;
        List<Seeded> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Geography.District district = districts.get(pick(random, districtWeights));
            List<Geography.Sector> sectors = geography.sectors(district);
            Integer sector = sectors.isEmpty() || random.nextDouble() < 0.08 ? null
                    : sectors.get(Math.min(sectors.size() - 1, (int) (sectors.size() * Math.pow(random.nextDouble(), 1.6))))
                            .id();
            String[] comment = random.nextDouble() < 0.3 ? COMMENTS[random.nextInt(COMMENTS.length)] : null;
            boolean consent = comment != null && random.nextDouble() < 0.4;
            String language = comment != null ? comment[0] : random.nextDouble() < 0.75 ? "rw"
                    : random.nextBoolean() ? "en" : "fr";
            // Later weeks get a little more: the programme grows.
            double age = Math.pow(random.nextDouble(), 1.2);
            OffsetDateTime at = now.minusSeconds((long) (age * 364 * 24 * 3600)).withOffsetSameInstant(ZoneOffset.UTC);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            batch.add(new Seeded(String.format("S%07d", (offset + (long) i * 7919) % 10_000_000),
                    random.nextDouble() < 0.85 ? "ussd" : "sms", hash, district.id(), sector,
                    SERVICES[pick(random, SERVICE_WEIGHTS)], GAPS[pick(random, GAP_WEIGHTS)], language,
                    comment == null ? null : comment[1], consent, consent && random.nextDouble() < 0.3, at));
            if (batch.size() == 1_000) {
                stored += sum(dao.insert(batch));
                batch.clear();
                if ((i + 1) % 100_000 == 0) {
                    rollups.fold();
                }
            }
        }
        if (!batch.isEmpty()) {
            stored += sum(dao.insert(batch));
        }
        rollups.fold();
        return stored;
    }

    private static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static long sum(int[] counts) {
        long s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }
}
