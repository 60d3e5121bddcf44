package rw.ijwi.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Puts reports straight into a test database with SQL, for tests of what the dashboard shows of them. */
public final class Reports {

    private static final AtomicInteger REF = new AtomicInteger(300_000);

    private Reports() {
    }

    /** Inserts n reports of a district (by name) with a service and gap, today, without comment. */
    public static void insert(TestApp app, String district, String service, String gap, int n) {
        insert(app.database(), district, service, gap, n);
    }

    public static void insert(TestDatabase database, String district, String service, String gap, int n) {
        for (int i = 0; i < n; i++) {
            insert(database, district, service, gap, null, false, false);
        }
    }

    /** Inserts one report, with an optional comment, its consent and whether it was approved for quoting. */
    public static void insert(TestApp app, String district, String service, String gap, String comment,
            boolean consent, boolean approved) {
        insert(app.database(), district, service, gap, comment, consent, approved);
    }

    /** The same, straight into a database before any app runs on it (so no release is made before the data). */
    public static void insert(TestDatabase database, String district, String service, String gap, String comment,
            boolean consent, boolean approved) {
        database.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language, comment,
                                    quote_consent, quote_approved)
                SELECT :ref, 'ussd', '\\x01'::bytea, d.id, :service, :gap, 'rw', :comment, :consent, :approved
                FROM district d WHERE d.name = :district""")
                .bind("ref", String.valueOf(REF.incrementAndGet())).bind("service", service).bind("gap", gap)
                .bind("comment", comment).bind("consent", consent).bind("approved", approved)
                .bind("district", district).execute());
    }

    /** Inserts n reports at a moment, with a channel and an optional sector (by name, within the district). */
    public static void insertAt(TestDatabase database, java.time.OffsetDateTime at, String district, String sector,
            String service, String gap, String channel, int n) {
        int first = REF.getAndAdd(n) + 1;
        database.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO report (ref, channel, phone_hash, district_id, sector_id, service, gap, language,
                                    created_at)
                SELECT (:first + g)::text, :channel, '\\x01'::bytea, d.id,
                       (SELECT s.id FROM sector s WHERE s.district_id = d.id AND s.name = :sector), :service, :gap,
                       'rw', :at
                FROM district d, generate_series(0, :n - 1) g WHERE d.name = :district""")
                .bind("first", first).bind("channel", channel).bind("sector", sector).bind("service", service)
                .bind("gap", gap).bind("at", at).bind("n", n).bind("district", district).execute());
    }
}
