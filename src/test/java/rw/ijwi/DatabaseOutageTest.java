package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import rw.ijwi.config.Config;
import rw.ijwi.testing.TestApp;

/**
 * PostgreSQL goes away: /health says so with 503, USSD still answers with the help lines in the person's
 * language (an END screen, never an error), and when the database is back Ijwi serves again without a restart.
 */
@Tag("slow")
@Tag("load")
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

    @Test
    void sms_callbacks_during_an_outage_are_spooled_acknowledged_and_replayed_once_in_order() throws Exception {
        try (TestApp app = new TestApp()) {
            String name = app.database().name();
            cutOff(app, name, true);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "ATXid_outage_" + i;
                String phone = "+25078830" + String.format("%04d", i);
                answers.add(pool.submit(() -> app.post("/at/sms?token=" + TestApp.TOKEN, java.util.Map.of("id", id,
                        "from", phone, "to", "8080", "text", "HELP", "date", "2026-11-28 10:00:00")).statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
            // AT retries a few of them: still acknowledged, still stored once.
            for (int i = 0; i < 5; i++) {
                assertThat(app.post("/at/sms?token=" + TestApp.TOKEN, java.util.Map.of("id", "ATXid_outage_" + i,
                        "from", "+25078830" + String.format("%04d", i), "to", "8080", "text", "HELP")).statusCode())
                        .isEqualTo(200);
            }
            pool.shutdown();
            int spooled = app.app().sms().receiver().spooled();
            assertThat(spooled).isEqualTo(45);
            assertThat(app.metrics().body()).contains("ijwi_sms_spool_entries 45.0");

            cutOff(app, name, false);
            long stored = 0;
            for (int i = 0; i < 100 && (stored < 40 || app.app().sms().receiver().spooled() > 0); i++) {
                pause(200);
                stored = app.database().count("SELECT count(*) FROM sms_inbound WHERE provider_id LIKE 'ATXid_outage_%'");
            }
            assertThat(stored).isEqualTo(40);
            assertThat(app.app().sms().receiver().spooled()).isZero();
            assertThat(app.database().count("SELECT count(DISTINCT provider_id) FROM sms_inbound")).isEqualTo(40);
            System.out.printf("outage: %d SMS callbacks acknowledged while PostgreSQL was away, %d spooled, "
                    + "%d stored after replay%n", 45, spooled, stored);
        }
    }

    @Test
    void stopping_and_restarting_postgresql_under_sms_load_loses_nothing() throws Exception {
        java.nio.file.Path pgData = java.nio.file.Files.createTempDirectory("ijwi-outage-pg");
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = startPostgres(pgData, port);
        rw.ijwi.db.Database.migrate(pg.getPostgresDatabase());
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (TestApp app = new TestApp(rw.ijwi.testing.TestDatabase.at(url), java.util.Map.of())) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.concurrent.atomic.AtomicInteger acknowledged = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<java.util.concurrent.Future<?>> load = new java.util.ArrayList<>();
            int messages = 300;
            java.util.concurrent.atomic.AtomicInteger mostSpooled = new java.util.concurrent.atomic.AtomicInteger();
            Thread watch = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    mostSpooled.accumulateAndGet(app.app().sms().receiver().spooled(), Math::max);
                    pause(10);
                }
            });
            watch.start();
            for (int i = 0; i < messages; i++) {
                String id = "ATXid_stop_" + i;
                String phone = "+25078840" + String.format("%04d", i);
                load.add(pool.submit(() -> {
                    for (int attempt = 0; attempt < 50; attempt++) {
                        int status = app.post("/at/sms?token=" + TestApp.TOKEN, java.util.Map.of("id", id, "from", phone,
                                "to", "8080", "text", "HELP")).statusCode();
                        if (status == 200) {
                            acknowledged.incrementAndGet();
                            return;
                        }
                        pause(100);
                    }
                }));
                if (i == messages / 3) {
                    pg.close(); // PostgreSQL stops in the middle of the traffic
                }
                if (i == 2 * messages / 3) {
                    pause(1_000); // a second of traffic with PostgreSQL away
                    pg = startPostgres(pgData, port); // then it comes back on the same data and port
                }
            }
            for (var f : load) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            pool.shutdown();
            long stored = 0;
            for (int i = 0; i < 150 && stored < messages; i++) {
                pause(200);
                stored = count(url, "SELECT count(*) FROM sms_inbound WHERE provider_id LIKE 'ATXid_stop_%'");
            }
            watch.interrupt();
            assertThat(mostSpooled.get()).as("callbacks went through the spool while PostgreSQL was stopped").isPositive();
            assertThat(acknowledged.get()).isEqualTo(messages);
            assertThat(stored).isEqualTo(messages);
            assertThat(count(url, "SELECT count(DISTINCT provider_id) FROM sms_inbound")).isEqualTo(messages);
            System.out.printf("outage with PostgreSQL stopped and restarted: %d SMS acknowledged, up to %d in the spool "
                    + "at once, %d stored once%n", acknowledged.get(), mostSpooled.get(), stored);
        } finally {
            pg.close();
            rw.ijwi.testing.Folders.delete(pgData);
        }
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres startPostgres(java.nio.file.Path data, int port)
            throws java.io.IOException {
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).setPort(port).start();
    }

    private static long count(String url, String sql) {
        return org.jdbi.v3.core.Jdbi.create(url, "postgres", "").withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void start_up_refuses_a_spool_directory_it_cannot_write() throws Exception {
        java.nio.file.Path readOnly = java.nio.file.Files.createTempDirectory("ijwi-ro");
        java.nio.file.Path file = readOnly.resolve("not-a-dir");
        java.nio.file.Files.writeString(file, "x");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TestApp(rw.ijwi.testing.TestDatabase.fresh(),
                    java.util.Map.of("IJWI_SPOOL_DIR", file.toString())))
                    .isInstanceOf(Config.BadSetting.class)
                    .hasMessageContaining("IJWI_SPOOL_DIR=" + file)
                    .hasMessageContaining("cannot write the SMS spool there");
        } finally {
            rw.ijwi.testing.Folders.delete(readOnly);
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
