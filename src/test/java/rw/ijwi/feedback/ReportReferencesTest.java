package rw.ijwi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import rw.ijwi.testing.TestDatabase;

/** References are unique per reporter's number: two callers may hold the same one, and a draw never runs out. */
@Tag("slow")
class ReportReferencesTest {

    private static final byte[] ALICE = {1, 1, 1};
    private static final byte[] BOB = {2, 2, 2};

    private final TestDatabase database = TestDatabase.fresh();
    private final ReportDao reports = database.jdbi().onDemand(ReportDao.class);

    private static NewReport from(byte[] phoneHash) {
        return new NewReport("ussd", Optional.empty(), phoneHash, 1, Optional.empty(), "police", "asked_to_pay", "rw",
                Optional.empty(), false);
    }

    @Test
    void two_callers_can_hold_the_same_reference_and_each_deletes_only_their_own() {
        assertThat(reports.insert("123456", from(ALICE), null, null, null)).contains("123456");
        assertThat(reports.insert("123456", from(BOB), null, null, null)).contains("123456");
        assertThat(reports.insert("123456", from(ALICE), null, null, null)).as("one caller, one report per code")
                .isEmpty();

        assertThat(reports.deleteOwn("123456", BOB)).isEqualTo(1);
        assertThat(reports.deleteOwn("123456", BOB)).isZero();
        assertThat(database.count("SELECT count(*) FROM report WHERE ref = '123456'")).isEqualTo(1);
        assertThat(reports.deleteOwn("123456", ALICE)).isEqualTo(1);
    }

    @Test
    void a_caller_whose_codes_are_all_taken_but_one_still_gets_that_one() {
        // Another number holding every code changes nothing for Alice. The 900,000 rows are valid; their foreign
        // key checks and the roll-up trigger (nothing this test reads) are skipped, which halves the insert.
        database.jdbi().useHandle(h -> h.execute("SET session_replication_role = replica; " + """
                INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language)
                SELECT g::text, 'ussd', '\\x020202'::bytea, 1, 'police', 'asked_to_pay', 'rw'
                FROM generate_series(100000, 999999) g"""));
        Set<String> alices = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            alices.add(reports.file(from(ALICE)));
        }
        assertThat(alices).hasSize(50);
        // Bob now holds all 900,000 but 424242: 20 random draws all collide, and the lowest free code is his.
        database.jdbi().useHandle(h -> h.execute("DELETE FROM report WHERE phone_hash = '\\x020202' AND ref = '424242'"));
        assertThat(reports.file(from(BOB))).isEqualTo("424242");
    }
}
