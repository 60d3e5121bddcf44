package rw.ijwi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import rw.ijwi.auth.UserDao;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.ussd.UssdDao;

/** Housekeeping removes what is past its time and nothing else, and survives a chore that fails. */
class HousekeepingTest {

    private final TestDatabase database = TestDatabase.fresh();

    @Test
    void old_spans_and_stale_sessions_go_and_fresh_ones_stay() {
        database.jdbi().useHandle(h -> {
            h.execute("INSERT INTO ussd_free_text (session_id, start_offset, end_offset, created_at) VALUES "
                    + "('old', 1, 3, now() - interval '2 days'), ('fresh', 1, 3, now())");
            h.execute("INSERT INTO app_user (username, password_hash, role) VALUES ('u1', 'x', 'viewer')");
            h.execute("INSERT INTO web_session (id_hash, user_id, csrf_token, expires_at, last_seen) SELECT '\\x01', id, 'c', "
                    + "now() + interval '1 hour', now() - interval '3 hours' FROM app_user");
            h.execute("INSERT INTO web_session (id_hash, user_id, csrf_token, expires_at) SELECT '\\x02', id, 'c', "
                    + "now() + interval '1 hour' FROM app_user");
        });
        Housekeeping housekeeping = new Housekeeping(List.of(
                new Housekeeping.Chore("sessions", database.jdbi().onDemand(UserDao.class)::endStaleSessions),
                new Housekeeping.Chore("broken", () -> {
                    throw new IllegalStateException("boom");
                }),
                new Housekeeping.Chore("spans", database.jdbi().onDemand(UssdDao.class)::forgetOldFreeText)),
                Duration.ofHours(1));
        assertThat(housekeeping.runOnce()).isEqualTo(2);
        assertThat(database.count("SELECT count(*) FROM ussd_free_text WHERE session_id = 'fresh'")).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM ussd_free_text")).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM web_session")).isEqualTo(1);
    }
}
