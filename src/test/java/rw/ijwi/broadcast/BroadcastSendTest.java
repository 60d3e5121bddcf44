package rw.ijwi.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.FakeAt;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** A confirmed broadcast through the outbox to Africa's Talking (WireMock): once to each subscriber, never more. */
class BroadcastSendTest {

    static final String TEXT = "Rusizi: Polisi yashyize abapolisi babiri kuri sitasiyo ya Bugarama.";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
    private final FakeAt at = new FakeAt();
    private final TestApp app = new TestApp(TestDatabase.fresh(), at.env(), clock, false);

    @AfterEach
    void stop() {
        try {
            at.assertNoUnexpectedRequests();
        } finally {
            app.close();
            at.close();
        }
    }

    @Test
    @Tag("slow")
    @Tag("load") // sends to thousands through the fake AT: 4-6 s
    void every_subscriber_gets_exactly_one_message_and_a_number_that_stopped_gets_none() throws Exception {
        List<String> rusizi = IntStream.range(0, 120).mapToObj(i -> "+25078850" + String.format("%04d", i)).toList();
        rusizi.forEach(phone -> Texting.text(app, phone, "JOIN Rusizi"));
        Texting.text(app, "+250788519999", "INJIRA Huye");
        app.app().sms().inbound().processAvailable();
        app.app().sms().outbox().sendDue();
        at.acceptAll(); // forget the JOIN replies: from here on, only the broadcast is counted

        Staff coordinator = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
        HttpResponse<String> preview = coordinator.post("/broadcasts/preview", Map.of("district", "Rusizi",
                "text", TEXT));
        assertThat(Forms.byId(preview.body(), "preview-recipients")).isEqualTo("120");
        assertThat(Forms.byId(preview.body(), "preview-cost")).isEqualTo("1800 RWF");
        assertThat(preview.body()).as("a gateway is configured").doesNotContain("id=\"no-gateway\"");
        HttpResponse<String> confirmed = coordinator.post("/broadcasts", Forms.hidden(preview.body(), "confirm"));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        String location = confirmed.headers().firstValue("Location").orElseThrow();
        assertThat(app.database().count("SELECT count(*) FROM sms_outbox WHERE broadcast_id IS NOT NULL"))
                .as("written with the broadcast, before anything is sent").isEqualTo(120);

        String stopped = rusizi.get(7);
        clock.advance(Duration.ofMinutes(2));
        Texting.text(app, stopped, "STOP");
        app.app().sms().inbound().processAvailable();
        app.app().sms().outbox().sendDue();

        assertThat(at.accepted()).hasSize(119).doesNotContainKeys(stopped, "+250788519999")
                .allSatisfy((number, times) -> assertThat(times).isEqualTo(1));
        assertThat(at.requests()).allSatisfy(form -> assertThat(form.get("message")).isEqualTo(TEXT));
        assertThat(at.requests()).hasSize(2); // 100 numbers per request at most
        assertThat(app.app().sms().outbox().sendDue()).as("nothing is sent twice").isZero();

        JsonNode progress = new ObjectMapper().readTree(coordinator.get(location + "/progress").body());
        assertThat(progress.get("sent").asLong()).isEqualTo(119);
        assertThat(progress.get("skipped").asLong()).isEqualTo(1);
        assertThat(progress.get("queued").asLong()).isZero();
        assertThat(progress.get("done").asBoolean()).isTrue();

        String messageId = (String) app.database().value("SELECT provider_message_id FROM sms_outbox "
                + "WHERE broadcast_id IS NOT NULL AND state = 'sent' ORDER BY id LIMIT 1");
        assertThat(Texting.delivery(app, messageId, "Success").statusCode()).isEqualTo(200);
        HttpResponse<String> page = coordinator.get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-count=\"delivered\">1<").contains("data-count=\"sent\">119<")
                .contains("<script src=\"/static/broadcast.js\" defer></script>");

        String audit = (String) app.database().value("SELECT action || ' ' || detail FROM audit_log "
                + "WHERE action = 'broadcast_sent'");
        assertThat(audit).startsWith("broadcast_sent id=").contains("district=Rusizi", "recipients=120",
                "segments=1", "encoding=GSM-7", "cost=1800").doesNotContain("Polisi").doesNotContain("+250");

        Staff huye = Staff.signIn(app, Role.COORDINATOR, "Huye");
        // Another district's broadcast answers as a missing one would: 404, naming no district (ids are sequential).
        assertThat(huye.get(location).statusCode()).isEqualTo(404);
        assertThat(huye.get(location).body()).doesNotContain("Rusizi");
        assertThat(huye.get(location + "/progress").statusCode()).isEqualTo(404);
    }
}
