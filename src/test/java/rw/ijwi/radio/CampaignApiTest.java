package rw.ijwi.radio;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.testing.Campaigns;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;

/** POST /api/v1/campaigns and the tally: a good campaign is stored as sent, a bad one refused with one line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignApiTest {

    static final String OPENS = "2026-12-01T17:00:00Z";
    static final String CLOSES = "2026-12-01T19:00:00Z";

    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(),
            new TestClock(Instant.parse("2026-12-01T16:00:00Z")), false);
    private final ObjectMapper json = new ObjectMapper();

    /** A body changed from the good one, and the one-line reason the 400 must give. */
    record Bad(String label, String body, String reason) {
        @Override
        public String toString() {
            return label;
        }
    }

    static String good(String keyword) {
        return Campaigns.body(keyword, OPENS, CLOSES);
    }

    static Stream<Bad> bad() {
        String ok = good("BAD");
        return Stream.of(
                new Bad("Not Json", "{name:", "body is not JSON"),
                new Bad("Not An Object", "[1,2]", "expected a JSON object"),
                new Bad("Unknown Field", ok.replace("\"station\"", "\"channel\""), "unknown field channel"),
                new Bad("Missing Name", ok.replace("\"name\":\"Rusizi talk show 1\",", ""), "missing field name"),
                new Bad("Empty Station", ok.replace("Radio Rusizi", " "), "station must be a non-empty string"),
                new Bad("Keyword With Space", good("RA DIO"), "keyword must be 2 to 20 letters or digits"),
                new Bad("Reserved Keyword", good("Stop"), "keyword STOP is (or is one letter from) a reserved SMS keyword"),
                new Bad("Keyword One Letter From Help", good("HELPS"),
                        "keyword HELPS is (or is one letter from) a reserved SMS keyword"),
                new Bad("Question Missing French", ok.replaceAll(",\\s*\"fr\":\"La police[^\"]*\"", ""),
                        "missing field question.fr"),
                new Bad("Question In Another Language", ok.replace("\"en\":\"Did", "\"sw\":\"x\",\"en\":\"Did"),
                        "question.sw is not a language (rw, en, fr)"),
                new Bad("One Option", ok.replaceAll(",\\s*\\{\"code\":\"B\".*?]}]", "]"),
                        "options must be a list of 2 to 9 options"),
                new Bad("Duplicate Code", ok.replace("\"code\":\"B\"", "\"code\":\"a\""),
                        "options[1].code: 'A' already means something else in this campaign"),
                new Bad("Alias Used Twice", ok.replace("\"oya\"", "\"yego\""),
                        "options[1].aliases: 'YEGO' already means something else in this campaign"),
                new Bad("Alias Of Two Words", ok.replace("\"oya\"", "\"oya rwose\""),
                        "options[1].aliases: 'oya rwose' is not a single word of letters or digits"),
                new Bad("Label Too Long", ok.replace("\"Oya\"", "\"" + "O".repeat(31) + "\""),
                        "options[1].labels.rw is longer than 30 characters"),
                new Bad("Closes Before Opens", Campaigns.body("BAD", CLOSES, OPENS), "closesAt must be after opensAt"),
                new Bad("Date Without Offset", Campaigns.body("BAD", "2026-12-01 17:00", CLOSES),
                        "opensAt must be a date-time with offset, such as 2026-12-01T17:00:00Z"),
                new Bad("Reply Not Gsm", ok.replace("\"opensAt\"", "\"replies\":{\"vote\":{\"rw\":\"Murakoze \u2764\","
                        + "\"en\":\"Thanks\",\"fr\":\"Merci\"}},\"opensAt\""),
                        "replies.vote.rw: character '\u2764' is not GSM-7 (use plain quotes and letters)"),
                new Bad("Reply With A Word Never Sent", ok.replace("\"opensAt\"", "\"replies\":{\"comment\":{\"rw\":"
                        + "\"Murakoze\",\"en\":\"Thank you for speaking about violence\",\"fr\":\"Merci\"}},\"opensAt\""),
                        "replies.comment.en: the word 'violence' must never be sent by SMS"),
                new Bad("Reply Of Unknown Kind", ok.replace("\"opensAt\"", "\"replies\":{\"welcome\":{}},\"opensAt\""),
                        "replies.welcome is not a campaign reply (closed, comment, how_to_vote, vote)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void bad_input_is_refused_with_a_one_line_reason_and_nothing_stored(Bad bad) {
        long before = app.database().count("SELECT count(*) FROM campaign");
        HttpResponse<String> response = app.apiPost("/api/v1/campaigns", bad.body(), "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(bad.reason());
        assertThat(app.database().count("SELECT count(*) FROM campaign")).isEqualTo(before);
    }

    @Test
    void a_campaign_is_stored_as_sent_and_answered_with_its_id() throws Exception {
        HttpResponse<String> response = app.apiPost("/api/v1/campaigns", good("radio"), "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json.readTree(response.body());
        long id = created.get("id").asLong();
        assertThat(id).isPositive();
        assertThat(created.get("keyword").asText()).isEqualTo("RADIO");
        assertThat(created.get("station").asText()).isEqualTo("Radio Rusizi");
        assertThat(created.get("question").get("en").asText()).isEqualTo("Did the police receive you well?");
        assertThat(created.get("options").get(1).get("aliases").toString()).isEqualTo("[\"2\",\"oya\",\"no\",\"non\"]");
        assertThat(created.get("opensAt").asText()).isEqualTo(OPENS);
        assertThat(json.readTree(app.apiGet("/api/v1/campaigns/" + id).body())).isEqualTo(((com.fasterxml.jackson.databind
                .node.ObjectNode) created.deepCopy()).put("bursts", 0));
        assertThat(app.apiGet("/api/v1/campaigns/" + id + "/tally").body())
                .isEqualTo("{\"total\":0,\"options\":[{\"code\":\"A\",\"count\":0},{\"code\":\"B\",\"count\":0}],"
                        + "\"comments\":0}");
    }

    @Test
    void the_body_exactly_as_in_the_issue_is_accepted() throws Exception {
        String body = "{\"name\":\"Rusizi talk show 1\",\"station\":\"Radio Rusizi\",\"keyword\":\"ISSUE\","
                + "\"question\":{\"rw\":\"..\",\"en\":\"..\",\"fr\":\"..\"},\"options\":[{\"code\":\"A\",\"labels\":"
                + "{\"rw\":\"Yego\",\"en\":\"Yes\",\"fr\":\"Oui\"},\"aliases\":[\"1\",\"yego\",\"yes\",\"oui\"]},"
                + "{\"code\":\"B\",\"labels\":{\"rw\":\"Oya\",\"en\":\"No\",\"fr\":\"Non\"},\"aliases\":[\"2\","
                + "\"oya\",\"no\",\"non\"]}],\"opensAt\":\"2026-12-01T17:00:00Z\",\"closesAt\":\"2026-12-01T19:00:00Z\"}";
        HttpResponse<String> response = app.apiPost("/api/v1/campaigns", body, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json.readTree(response.body());
        assertThat(created.get("id").asLong()).isPositive();
        assertThat(created.get("show").isNull()).isTrue();
        assertThat(created.get("options").get(0).get("labels").toString())
                .isEqualTo("{\"rw\":\"Yego\",\"en\":\"Yes\",\"fr\":\"Oui\"}");
    }

    @Test
    void a_keyword_is_refused_while_another_campaign_uses_it() {
        Campaigns.create(app, "KIGALI", OPENS, CLOSES);
        HttpResponse<String> overlapping = app.apiPost("/api/v1/campaigns",
                Campaigns.body("KIGALI", "2026-12-01T18:00:00Z", "2026-12-01T20:00:00Z"), "application/json");
        assertThat(overlapping.statusCode()).isEqualTo(400);
        assertThat(overlapping.body()).isEqualTo("keyword KIGALI is used by another campaign at that time");
        assertThat(app.apiPost("/api/v1/campaigns", Campaigns.body("KIGALI", CLOSES, "2026-12-01T21:00:00Z"),
                "application/json").statusCode()).as("the next show may reuse it").isEqualTo(201);
    }

    @Test
    void an_unknown_campaign_is_not_found() {
        assertThat(app.apiGet("/api/v1/campaigns/999999/tally").statusCode()).isEqualTo(404);
        assertThat(app.apiGet("/api/v1/campaigns/abc").statusCode()).isEqualTo(404);
        assertThat(app.apiGet("/radio/999999/live").statusCode()).isEqualTo(404);
    }

    @AfterAll
    void stop() {
        app.close();
    }
}
