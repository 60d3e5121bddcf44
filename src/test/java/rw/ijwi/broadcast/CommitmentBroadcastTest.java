package rw.ijwi.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/**
 * A commitment broadcast goes to each subscriber wholly in the language they joined in (the status word too), and
 * with no SMS gateway configured the pages say the messages are queued, not sent, before and after confirming.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitmentBroadcastTest {

    private static final String PROMISE = "Rusizi: National Police - Two officers at Bugarama station";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);
    private final Staff rusizi = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
    private final String location;

    record Case(String language, String phone, String join, String status) {
        @Override
        public String toString() {
            return language + ": " + join + " gets (" + status + ")";
        }
    }

    static Stream<Case> cases() {
        return Stream.of(new Case("rw", "+250788920001", "INJIRA Rusizi", "Byakozwe"),
                new Case("en", "+250788920002", "JOIN Rusizi", "Done"),
                new Case("fr", "+250788920003", "ABONNER Rusizi", "Réalisé"));
    }

    CommitmentBroadcastTest() {
        cases().forEach(c -> Texting.text(app, c.phone(), c.join()));
        app.app().sms().inbound().processAvailable();
        long commitment = app.database().count("""
                INSERT INTO commitment (district_id, actor, promise, status)
                SELECT id, 'National Police', 'Two officers at Bugarama station', 'done' FROM district
                WHERE name = 'Rusizi' RETURNING id""");
        HttpResponse<String> preview = rusizi.post("/broadcasts/preview", Map.of("district", "Rusizi",
                "commitment", String.valueOf(commitment), "text", ""));
        assertThat(preview.statusCode()).isEqualTo(200);
        previewPage = preview.body();
        HttpResponse<String> confirmed = rusizi.post("/broadcasts", Forms.hidden(previewPage, "confirm"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(303);
        location = confirmed.headers().firstValue("Location").orElseThrow();
    }

    private final String previewPage;

    @AfterAll
    void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_subscriber_gets_the_commitment_wholly_in_their_language(Case c) {
        String expected = PROMISE + " (" + c.status() + ")";
        assertThat(Forms.byId(previewPage, "preview-text-" + c.language())).isEqualTo(expected);
        assertThat(app.database().value("SELECT text FROM sms_outbox WHERE cause = 'broadcast' AND phone_hash = "
                + Texting.hash(c.phone()))).isEqualTo(expected);
        assertThat(Forms.unescape(rusizi.get(location).body())).contains(expected);
    }

    @Test
    void without_a_gateway_the_preview_warns_and_the_broadcast_says_queued_not_sent() {
        assertThat(previewPage).contains("id=\"no-gateway\"").contains("IJWI_AT_USERNAME");
        String page = rusizi.get(location).body();
        assertThat(page).contains("id=\"no-gateway\"").contains("Queued, not sent").doesNotContain("Still sending");
        assertThat(rusizi.get(location + "/progress").body()).contains("\"gateway\":false").contains("\"queued\":3");
    }

    @Test
    void a_preview_says_how_many_recipients_are_made_up_demo_subscribers() {
        String demo = "UPDATE sms_subscriber SET demo = %s WHERE phone_hash = " + Texting.hash("+250788920001");
        app.database().jdbi().useHandle(h -> h.execute(demo.formatted("true")));
        try {
            String page = rusizi.post("/broadcasts/preview", Map.of("district", "Rusizi", "text", "Murakoze.")).body();
            assertThat(Forms.byId(page, "preview-demo")).isEqualTo("1");
            assertThat(previewPage).doesNotContain("preview-demo");
        } finally {
            app.database().jdbi().useHandle(h -> h.execute(demo.formatted("false")));
        }
    }
}
