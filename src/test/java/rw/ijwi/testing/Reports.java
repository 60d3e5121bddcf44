package rw.ijwi.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Puts reports straight into a test database with SQL, for tests of what the dashboard shows of them. */
public final class Reports {

    private static final AtomicInteger REF = new AtomicInteger(300_000);

    private Reports() {
    }

    /** Inserts n reports of a district (by name) with a service and gap, today, without comment. */
    public static void insert(TestApp app, String district, String service, String gap, int n) {
        for (int i = 0; i < n; i++) {
            insert(app, district, service, gap, null, false, false);
        }
    }

    /** Inserts one report, with an optional comment, its consent and whether it was approved for quoting. */
    public static void insert(TestApp app, String district, String service, String gap, String comment,
            boolean consent, boolean approved) {
        app.database().jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language, comment,
                                    quote_consent, quote_approved)
                SELECT :ref, 'ussd', '\\x01'::bytea, d.id, :service, :gap, 'rw', :comment, :consent, :approved
                FROM district d WHERE d.name = :district""")
                .bind("ref", String.valueOf(REF.incrementAndGet())).bind("service", service).bind("gap", gap)
                .bind("comment", comment).bind("consent", consent).bind("approved", approved)
                .bind("district", district).execute());
    }
}
