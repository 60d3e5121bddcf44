package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import rw.ijwi.testing.TestApp;

/**
 * PostgreSQL goes away: /health says so with 503, USSD still answers with the help lines in the person's
 * language (an END screen, never an error), and when the database is back Ijwi serves again without a restart.
 */
class DatabaseOutageTest {

    @Test
    void ussd_answers_with_the_help_lines_while_the_database_is_away_and_recovers_on_its_own() {
        try (TestApp app = new TestApp()) {
            String name = app.database().name();
            String text = "";
            for (String input : new String[] {"5", "2", "1", "1", "28", "1", "1", "3", "1", "2"}) {
                app.ussd("before", "+250788000321", text);
                text = text.isEmpty() ? input : text + "*" + input;
            }
            // In English, at the confirm screen: the last hop must write to the database.
            assertThat(app.ussd("before", "+250788000321", text)).contains("Send your feedback");

            cutOff(app, name, true);
            assertThat(app.get("/health").statusCode()).isEqualTo(503);
            assertThat(app.get("/health").body()).contains("\"database\":\"down\"");
            String english = app.ussd("before", "+250788000321", text + "*1");
            assertThat(english).startsWith("END Service unavailable now.").contains("112 Police emergency");
            String fresh = app.ussd("during", "+250788000999", "");
            assertThat(fresh).startsWith("END ").contains("112").contains("3029");

            cutOff(app, name, false);
            // The pool checks a connection idle for over 0.5 s before lending it, so the ones the server closed
            // are replaced rather than handed out; a real outage lasts longer than that.
            pause(600);
            int status = 0;
            for (int i = 0; i < 50 && status != 200; i++) {
                status = app.get("/health").statusCode();
            }
            assertThat(status).isEqualTo(200);
            assertThat(app.ussd("after", "+250788000999", "1*1*28*1*1*3*1*2*1")).startsWith("END Murakoze!");
            assertThat(app.database().count("SELECT count(*) FROM report")).isEqualTo(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Refuses new connections to the test database and ends the open ones (or lets them in again). */
    private static void cutOff(TestApp app, String database, boolean away) {
        var admin = org.jdbi.v3.core.Jdbi.create(app.database().url().replace("/" + database, "/postgres"), "postgres", "");
        admin.useHandle(h -> {
            h.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + !away);
            if (away) {
                h.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", database);
            }
        });
    }
}
