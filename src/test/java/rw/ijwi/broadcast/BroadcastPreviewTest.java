package rw.ijwi.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * A broadcast before it is sent: exact preview figures (recipients, encoding, parts, cost at IJWI_SMS_PRICE),
 * the district rule, neutral wording, and a confirmation refused when the audience or text changed. Nothing here
 * reaches Africa's Talking (none is configured): the outbox is read instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BroadcastPreviewTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of("IJWI_SMS_PRICE", "12.5"), clock, false);
    private final Staff rusizi = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
    private int phones = 0;

    BroadcastPreviewTest() {
        for (int i = 0; i < 3; i++) {
            join("Rusizi");
        }
        join("Huye");
        String stopped = join("Rusizi");
        clock.advance(Duration.ofMinutes(2));
        Texting.text(app, stopped, "STOP");
        app.app().sms().inbound().processAvailable();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @BeforeEach
    void nothing_sent_yet() {
        app.database().jdbi().useHandle(h -> {
            h.execute("DELETE FROM sms_outbox WHERE broadcast_id IS NOT NULL");
            h.execute("DELETE FROM broadcast");
        });
    }

    record Case(String label, String text, String sent, String encoding, int units, int segments, String cost) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        String long160 = "Polisi yashyize abapolisi babiri kuri sitasiyo ya Bugarama, amanywa n'ijoro. ".repeat(3);
        return Stream.of(
                new Case("Short GSM-7 text", "Polisi yashyize abapolisi i Bugarama.",
                        "Polisi yashyize abapolisi i Bugarama.", "GSM-7", 37, 1, "37.5"),
                new Case("Smart quotes made plain stay GSM-7", "\u201CYego\u201D \u2013 byakozwe",
                        "\"Yego\" - byakozwe", "GSM-7", 17, 1, "37.5"),
                new Case("Extension characters count two", "Sitasiyo [Bugarama] ifunguye", "Sitasiyo [Bugarama] ifunguye",
                        "GSM-7", 30, 1, "37.5"),
                new Case("Over 160 GSM-7 needs parts of 153", long160, long160.strip(), "GSM-7", 230, 2, "75"),
                new Case("An emoji makes it UCS-2", "Murakoze \uD83D\uDE4F", "Murakoze \uD83D\uDE4F", "UCS-2", 11, 1,
                        "37.5"),
                new Case("Over 70 UCS-2 needs parts of 67", "\uD83D\uDE4F " + "a".repeat(70),
                        "\uD83D\uDE4F " + "a".repeat(70), "UCS-2", 73, 2, "75"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_preview_shows_exact_figures(Case c) {
        HttpResponse<String> page = preview("Rusizi", c.text());
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(Forms.byId(html, "preview-recipients")).as("3 subscribers; the one who sent STOP is not counted")
                .isEqualTo("3");
        assertThat(Forms.byId(html, "preview-text")).isEqualTo(c.sent());
        assertThat(Forms.byId(html, "preview-encoding")).isEqualTo(c.encoding());
        assertThat(Forms.byId(html, "preview-units")).isEqualTo(String.valueOf(c.units()));
        assertThat(Forms.byId(html, "preview-segments")).isEqualTo(String.valueOf(c.segments()));
        assertThat(Forms.byId(html, "preview-price")).isEqualTo("12.5 RWF");
        assertThat(Forms.byId(html, "preview-cost")).isEqualTo(c.cost() + " RWF");
        assertThat(Forms.hidden(html, "confirm").get("text")).isEqualTo(c.sent());
        assertThat(broadcasts()).as("a preview sends nothing").isZero();
    }

    record Unsafe(String label, String text, String word) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Unsafe> unsafe() {
        return Stream.of(
                new Unsafe("English acronym", "New GBV desk at Bugarama", "GBV"),
                new Unsafe("English word", "Less violence in Rusizi", "violence"),
                new Unsafe("English abuse", "Report abuse at the station", "abuse"),
                new Unsafe("French", "Moins de violences a Rusizi", "violences"),
                new Unsafe("French accents", "Personnes abus\u00E9es: un bureau ouvert", "abus\u00E9es"),
                new Unsafe("Kinyarwanda", "Ihohoterwa ryagabanutse i Rusizi", "Ihohoterwa"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void a_text_naming_what_the_service_is_about_is_refused_with_the_word(Unsafe u) {
        HttpResponse<String> page = preview("Rusizi", u.text());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("The text contains \"" + u.word() + "\"")
                .contains("Rephrase it neutrally");
        Map<String, String> form = new LinkedHashMap<>(Map.of("district", "Rusizi", "text", u.text(),
                "fingerprint", "0".repeat(64), "confirmation", Broadcasts.newConfirmation()));
        assertThat(rusizi.post("/broadcasts", form).statusCode()).isEqualTo(400);
        assertThat(broadcasts()).isZero();
    }

    @Test
    void a_coordinator_cannot_preview_or_send_to_another_district() {
        assertThat(preview("Huye", "Murakoze").statusCode()).isEqualTo(403);
        Map<String, String> form = new LinkedHashMap<>(Map.of("district", "Huye", "text", "Murakoze",
                "fingerprint", "0".repeat(64), "confirmation", Broadcasts.newConfirmation()));
        assertThat(rusizi.post("/broadcasts", form).statusCode()).isEqualTo(403);
        assertThat(broadcasts()).isZero();
        assertThat(count("SELECT count(*) FROM sms_outbox WHERE cause = 'broadcast'")).isZero();
    }

    @Test
    void a_confirmation_is_refused_when_someone_joined_since_the_preview_and_shows_the_new_figures() {
        Map<String, String> confirm = Forms.hidden(preview("Rusizi", "Polisi yashyize abapolisi i Bugarama.").body(),
                "confirm");
        String joined = join("Rusizi");
        try {
            HttpResponse<String> refused = rusizi.post("/broadcasts", confirm);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("The subscribers or the text changed since your preview");
            assertThat(Forms.byId(refused.body(), "preview-recipients")).isEqualTo("4");
            assertThat(broadcasts()).isZero();
            assertThat(count("SELECT count(*) FROM sms_outbox WHERE cause = 'broadcast'")).isZero();

            HttpResponse<String> sent = rusizi.post("/broadcasts", Forms.hidden(refused.body(), "confirm"));
            assertThat(sent.statusCode()).isEqualTo(303);
            assertThat(count("SELECT count(*) FROM sms_outbox WHERE cause = 'broadcast'")).isEqualTo(4);
        } finally {
            app.database().jdbi().useHandle(h -> h.execute("DELETE FROM sms_subscriber WHERE phone_hash = "
                    + Texting.hash(joined)));
        }
    }

    @Test
    void a_confirmation_with_a_changed_text_is_refused() {
        Map<String, String> confirm = new LinkedHashMap<>(Forms.hidden(preview("Rusizi", "Sitasiyo ifunguye.").body(),
                "confirm"));
        confirm.put("text", "Sitasiyo ifunguye ejo.");
        assertThat(rusizi.post("/broadcasts", confirm).statusCode()).isEqualTo(409);
        assertThat(broadcasts()).isZero();
    }

    @Test
    void a_commitment_of_the_district_makes_the_text_and_one_of_another_district_is_refused() {
        long own = commitment("Rusizi", "National Police", "Two officers at Bugarama station", "done");
        long other = commitment("Huye", "District", "A shelter in Huye", "pledged");
        Map<String, String> form = new LinkedHashMap<>(Map.of("district", "Rusizi", "commitment", String.valueOf(own),
                "language", "rw", "text", ""));
        HttpResponse<String> page = rusizi.post("/broadcasts/preview", form);
        assertThat(page.statusCode()).isEqualTo(200);
        // The district's subscribers here all joined in English: the status word is English too.
        assertThat(Forms.byId(page.body(), "preview-text-en"))
                .isEqualTo("Rusizi: National Police - Two officers at Bugarama station (Done)");
        assertThat(page.body()).doesNotContain("preview-text-rw").doesNotContain("Byakozwe");
        assertThat(Forms.hidden(page.body(), "confirm").get("commitment")).isEqualTo(String.valueOf(own));

        form.put("commitment", String.valueOf(other));
        HttpResponse<String> refused = rusizi.post("/broadcasts/preview", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("That commitment is not one of Rusizi.");
    }

    @Test
    void a_double_submitted_confirmation_sends_once() {
        Map<String, String> confirm = Forms.hidden(preview("Rusizi", "Murakoze cyane.").body(), "confirm");
        HttpResponse<String> first = rusizi.post("/broadcasts", confirm);
        HttpResponse<String> second = rusizi.post("/broadcasts", confirm);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(broadcasts()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sms_outbox WHERE cause = 'broadcast'")).isEqualTo(3);
    }

    @Test
    void viewers_cannot_broadcast() {
        Staff viewer = Staff.signIn(app, Role.VIEWER);
        assertThat(viewer.get("/broadcasts").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/broadcasts/preview", Map.of("district", "Rusizi", "text", "x")).statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> preview(String district, String text) {
        return rusizi.post("/broadcasts/preview", Map.of("district", district, "text", text));
    }

    private String join(String district) {
        String phone = "+2507889" + String.format("%05d", ++phones);
        Texting.text(app, phone, "JOIN " + district);
        app.app().sms().inbound().processAvailable();
        return phone;
    }

    private long commitment(String district, String actor, String promise, String status) {
        return app.database().jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO commitment (district_id, actor, promise, status)
                SELECT id, :actor, :promise, :status FROM district WHERE name = :district RETURNING id""")
                .bind("actor", actor).bind("promise", promise).bind("status", status).bind("district", district)
                .mapTo(Long.class).one());
    }

    private long broadcasts() {
        return count("SELECT count(*) FROM broadcast");
    }

    private long count(String sql) {
        return app.database().count(sql);
    }
}
