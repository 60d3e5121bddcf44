package rw.ijwi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import rw.ijwi.testing.TestDatabase;

/**
 * Reports filed at one moment share a transaction: every one is committed before its reference is returned,
 * a retried session gets its first reference, and a report the database refuses fails alone.
 */
@Timeout(120)
class ReportCommitsTest {

    private final TestDatabase database = TestDatabase.fresh();
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final ExecutorService hops = Executors.newFixedThreadPool(32);
    private final ReportDao single;

    ReportCommitsTest() {
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        single = database.jdbi().onDemand(ReportDao.class);
    }

    @AfterEach
    void stop() {
        hops.shutdownNow();
    }

    @Test
    @Tag("slow")
    @Tag("load") // 400 concurrent END hops: 5-8 s
    void concurrent_end_hops_are_each_committed_before_they_are_answered_in_fewer_commits() throws Exception {
        List<Integer> groups = new CopyOnWriteArrayList<>();
        try (ReportCommits commits = new ReportCommits(single, group -> {
            groups.add(group.size());
            return ReportCommits.storeAll(dataSource, group);
        }, 200, new SimpleMeterRegistry(), 50)) {
            commits.start();
            List<Future<Boolean>> answered = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String session = "group-" + i;
                NewReport report = report(session, 1, i % 7 == 0 ? Optional.of("a*comment") : Optional.empty());
                answered.add(hops.submit(() -> {
                    String ref = commits.file(report);
                    // Answered: the report must be readable, with that reference, by anyone from now on.
                    return database.count("SELECT count(*) FROM report WHERE session_id = '" + session + "' AND ref = '"
                            + ref + "'") == 1;
                }));
            }
            for (Future<Boolean> f : answered) {
                assertThat(f.get()).as("committed before answered").isTrue();
            }
        }
        assertThat(database.count("SELECT count(*) FROM report")).isEqualTo(400);
        // References are unique per caller's number (two callers may hold the same one), so not across the table.
        assertThat(database.count("SELECT count(DISTINCT (phone_hash, ref)) FROM report")).isEqualTo(400);
        assertThat(groups.stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
        assertThat(groups.size()).as("commits for 400 concurrent reports").isLessThan(400);
    }

    @Test
    void a_report_the_database_refuses_fails_alone_and_its_group_is_stored() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> groups = new CopyOnWriteArrayList<>();
        try (ReportCommits commits = new ReportCommits(single, group -> {
            groups.add(group.size());
            if (groups.size() == 1) {
                await(release); // holds the committer so that the next reports queue up as one group
            }
            return ReportCommits.storeAll(dataSource, group);
        }, 200, new SimpleMeterRegistry(), 50)) {
            commits.start();
            Future<String> first = hops.submit(() -> commits.file(report("first", 1, Optional.empty())));
            while (groups.isEmpty()) {
                Thread.sleep(5);
            }
            List<Future<String>> good = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                NewReport report = report("good-" + i, 1, Optional.empty());
                good.add(hops.submit(() -> commits.file(report)));
            }
            Future<String> refused = hops.submit(() -> commits.file(report("refused", 9_999, Optional.empty())));
            while (commits.waiting() < 21) {
                Thread.sleep(5);
            }
            release.countDown();

            assertThat(first.get(50, TimeUnit.SECONDS)).matches("[0-9]{6}");
            java.util.Set<String> refs = new HashSet<>();
            for (Future<String> f : good) {
                refs.add(f.get(50, TimeUnit.SECONDS));
            }
            assertThat(refs.size()).isEqualTo(20);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> refused.get(50, TimeUnit.SECONDS)))
                    .as("the refused report's hop fails (and falls back to the help lines)").isNotNull();
        }
        assertThat(groups).startsWith(1, 21);
        assertThat(database.count("SELECT count(*) FROM report")).isEqualTo(21);
        assertThat(database.count("SELECT count(*) FROM report WHERE session_id = 'refused'")).isZero();
    }

    @Test
    void the_same_session_twice_in_one_group_is_stored_once_with_one_reference() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> groups = new CopyOnWriteArrayList<>();
        try (ReportCommits commits = new ReportCommits(single, group -> {
            groups.add(group.size());
            if (groups.size() == 1) {
                await(release);
            }
            return ReportCommits.storeAll(dataSource, group);
        }, 200, new SimpleMeterRegistry(), 50)) {
            commits.start();
            hops.submit(() -> commits.file(report("before", 1, Optional.empty())));
            while (groups.isEmpty()) {
                Thread.sleep(5);
            }
            Future<String> once = hops.submit(() -> commits.file(report("retried", 1, Optional.empty())));
            Future<String> again = hops.submit(() -> commits.file(report("retried", 1, Optional.empty())));
            while (commits.waiting() < 2) {
                Thread.sleep(5);
            }
            release.countDown();
            assertThat(again.get(50, TimeUnit.SECONDS)).isEqualTo(once.get(50, TimeUnit.SECONDS));
        }
        assertThat(database.count("SELECT count(*) FROM report WHERE session_id = 'retried'")).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM report WHERE session_id = 'retried' AND repeats_earlier"))
                .as("a retry is not a repeat").isZero();
    }

    private static NewReport report(String session, int districtId, Optional<String> comment) {
        byte[] phone = new byte[32];
        phone[0] = (byte) session.hashCode();
        phone[1] = (byte) (session.hashCode() >> 8);
        return new NewReport("ussd", Optional.of(session), phone, districtId, Optional.empty(), "police",
                "no_response", "rw", comment, false);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(40, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
