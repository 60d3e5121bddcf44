package rw.ijwi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.geo.Rwanda;
import rw.ijwi.testing.TestDatabase;

/**
 * The roll-ups (V26) answer exactly what one scan of the reports answers, for random reports, random periods,
 * before and after folds, after deletions and updates; seeded so a failure can be replayed. One report in ten is
 * the phone simulator's (V29): in neither.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupEquivalenceTest {

    private static final String[] SERVICES = {"police", "health", "justice", "local_leaders", "shelter", "other"};
    private static final String[] GAPS = {"not_available", "no_response", "asked_to_pay", "treated_badly",
        "not_followed_up", "other"};
    private static final LocalDate FIRST = LocalDate.of(2025, 3, 1);

    private final TestDatabase database = TestDatabase.fresh();
    private final Jdbi jdbi = database.jdbi();
    private final AggregateDao dao = jdbi.onDemand(AggregateDao.class);
    private final List<int[]> sectors = jdbi.withHandle(h -> h.createQuery("SELECT id, district_id FROM sector")
            .map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2)}).list());
    private final Random random = new Random(20261128L);
    private int refs = 100_000;

    @Test
    void random_periods_read_from_roll_ups_equal_the_scan_through_inserts_folds_deletes_and_updates() {
        insert(1500);
        assertSameForRandomPeriods("all pending");
        dao.fold();
        assertSameForRandomPeriods("folded");
        insert(800);
        jdbi.useHandle(h -> h.execute("DELETE FROM report WHERE id % 7 = 0"));
        assertSameForRandomPeriods("folded, then inserts and deletions pending");
        dao.fold();
        jdbi.useHandle(h -> h.execute("""
                UPDATE report SET created_at = created_at - interval '9 days',
                                  service = CASE WHEN id % 2 = 0 THEN 'shelter' ELSE service END
                WHERE id % 11 = 0"""));
        jdbi.useHandle(h -> h.execute("UPDATE report SET comment = NULL, purged_at = now() WHERE id % 5 = 0"));
        assertSameForRandomPeriods("updates pending");
        dao.fold();
        assertSameForRandomPeriods("all folded");
        assertThat(database.count("SELECT count(*) FROM report_rollup_pending")).isZero();
        assertThat(dao.reports()).isEqualTo(database.count("SELECT count(*) FROM report WHERE origin <> 'simulator'"));
        assertThat(database.count("SELECT count(*) FROM report WHERE origin = 'simulator'")).isPositive();
    }

    @Test
    void a_simulator_report_counts_nowhere_before_or_after_a_fold_nor_when_deleted() {
        Period today = new Period(LocalDate.now(Rwanda.ZONE).minusDays(363), LocalDate.now(Rwanda.ZONE));
        long before = total(today);
        long reports = dao.reports();
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO report (ref, channel, session_id, phone_hash, district_id, service, gap, language)
                VALUES ('999998', 'ussd', 'sim-7-rollup0001', '\\x01'::bytea, 5, 'health', 'other', 'en')"""));
        assertThat(database.value("SELECT origin FROM report WHERE ref = '999998'")).isEqualTo("simulator");
        assertThat(total(today)).isEqualTo(before);
        assertThat(dao.reports()).isEqualTo(reports);
        dao.fold();
        assertThat(total(today)).isEqualTo(before);
        jdbi.useHandle(h -> h.execute("UPDATE report SET service = 'police' WHERE ref = '999998'"));
        jdbi.useHandle(h -> h.execute("DELETE FROM report WHERE ref = '999998'"));
        dao.fold();
        assertThat(total(today)).isEqualTo(before);
        assertThat(dao.cube(today)).containsExactlyInAnyOrderElementsOf(dao.scan(today.start(), today.end()));
    }

    @Test
    void a_new_report_counts_at_once_before_any_fold_and_the_same_after() {
        Period today = new Period(LocalDate.now(Rwanda.ZONE).minusDays(363), LocalDate.now(Rwanda.ZONE));
        long before = total(today);
        long reports = dao.reports();
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language)
                VALUES ('999999', 'sms', '\\x01'::bytea, 5, 'health', 'other', 'en')"""));
        assertThat(total(today)).isEqualTo(before + 1);
        assertThat(dao.reports()).isEqualTo(reports + 1);
        dao.fold();
        assertThat(total(today)).isEqualTo(before + 1);
        assertThat(dao.cube(today)).containsExactlyInAnyOrderElementsOf(dao.scan(today.start(), today.end()));
    }

    private long total(Period period) {
        // district x service (grouping 0b010111 = 23) adds up to every report of the period
        return dao.cube(period).stream().filter(r -> r.grouping() == 23).mapToLong(CubeRow::count).sum();
    }

    private void assertSameForRandomPeriods(String when) {
        for (int i = 0; i < 40; i++) {
            LocalDate from = FIRST.minusDays(20).plusDays(random.nextInt(560));
            Period period = new Period(from, from.plusDays(random.nextInt(i % 4 == 0 ? 20 : 420)));
            assertThat(dao.cube(period)).as(when + ", " + period)
                    .containsExactlyInAnyOrderElementsOf(dao.scan(period.start(), period.end()));
        }
    }

    private void insert(int count) {
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO report (ref, channel, session_id, phone_hash, district_id, sector_id, service, gap,
                                        language, created_at)
                    VALUES (:ref, :channel, :session, '\\x01'::bytea, :district, :sector, :service, :gap, 'rw', :at)""");
            for (int i = 0; i < count; i++) {
                int[] sector = sectors.get(random.nextInt(sectors.size()));
                // a few districts only, so counts pile up in the same cells
                // one in ten the simulator's, which the roll-ups and the scan both leave out
                batch.bind("session", random.nextInt(10) == 0 ? "sim-1-" + refs : null)
                        .bind("ref", String.valueOf(refs++)).bind("channel", random.nextBoolean() ? "ussd" : "sms")
                        .bind("district", sector[1] % 4 + 1)
                        .bind("sector", random.nextInt(10) == 0 || sector[1] % 4 + 1 != sector[1] ? null : sector[0])
                        .bind("service", SERVICES[random.nextInt(3)]).bind("gap", GAPS[random.nextInt(GAPS.length)])
                        .bind("at", FIRST.atStartOfDay().atOffset(ZoneOffset.UTC)
                                .plusSeconds(random.nextInt(500 * 24 * 3600)))
                        .add();
            }
            batch.execute();
        });
    }
}
