package rw.ijwi.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import rw.ijwi.testing.Campaigns;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** Votes, comments and replies of a radio poll, through the real webhook, worker and tally endpoint. */
class CampaignVotesTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:30:00Z"));
    private final TestApp app = new TestApp(TestDatabase.fresh(), Map.of(), clock, false);
    private final long radio = Campaigns.create(app, "RADIO", "2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z");

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void votes_by_code_number_and_word_count_one_per_number_and_a_later_vote_replaces_the_earlier() {
        Texting.text(app, "+250788400001", "RADIO A");
        Texting.text(app, "+250788400002", "radio 2");
        Texting.text(app, "+250788400003", "Radyo yego");
        Texting.text(app, "+250788400004", "RADIO oui");
        Texting.text(app, "+250788400004", "RADIO non");
        process();
        assertThat(tally()).isEqualTo("{\"total\":4,\"options\":[{\"code\":\"A\",\"count\":2},{\"code\":\"B\","
                + "\"count\":2}],\"comments\":0}");
        assertThat(replies("+250788400001")).containsExactly("Murakoze! Igisubizo cyanyu cyakiriwe: Yego.");
        assertThat(replies("+250788400004")).as("'oui' is French").containsExactly(
                "Merci! Votre reponse a ete recue: Oui.");
        Texting.text(app, "+250788400014", "yes");
        process();
        assertThat(replies("+250788400014")).containsExactly("Thank you! Your answer was received: Yes.");
    }

    @Test
    void a_later_vote_wins_even_when_it_is_processed_first() {
        Texting.text(app, "+250788400005", "RADIO A");
        Texting.text(app, "+250788400005", "RADIO B");
        // Another instance took the later message first.
        app.database().jdbi().useHandle(h -> h.execute("UPDATE sms_inbound SET processed_at = now() WHERE id = "
                + "(SELECT min(id) FROM sms_inbound)"));
        process();
        app.database().jdbi().useHandle(h -> h.execute("UPDATE sms_inbound SET processed_at = NULL WHERE id = "
                + "(SELECT min(id) FROM sms_inbound)"));
        process();
        assertThat(app.database().value("SELECT option_code FROM campaign_vote")).isEqualTo("B");
    }

    @Test
    void text_after_the_keyword_that_is_no_option_is_kept_as_a_comment_and_after_an_option_as_both() {
        Texting.text(app, "+250788400006", "RADIO Abapolisi ntibaje");
        Texting.text(app, "+250788400007", "RADIO B sinabonye ubufasha");
        process();
        assertThat(tally()).isEqualTo("{\"total\":1,\"options\":[{\"code\":\"A\",\"count\":0},{\"code\":\"B\","
                + "\"count\":1}],\"comments\":2}");
        List<String> comments = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT text FROM campaign_comment ORDER BY id").mapTo(String.class).list());
        assertThat(comments).containsExactly("Abapolisi ntibaje", "sinabonye ubufasha");
        assertThat(replies("+250788400006")).containsExactly("Murakoze! Ubutumwa bwanyu bwakiriwe.");
    }

    @Test
    void a_bare_option_votes_only_while_exactly_one_campaign_is_on_air() {
        Texting.text(app, "+250788400008", "Yego");
        process();
        assertThat(outcome("+250788400008")).isEqualTo("vote");
        Campaigns.create(app, "TV", "2026-12-01T17:15:00Z", "2026-12-01T18:00:00Z");
        Texting.text(app, "+250788400009", "B");
        process();
        assertThat(outcome("+250788400009")).isEqualTo("inbox");
        assertThat(tally()).contains("\"total\":1");
    }

    @Test
    void outside_its_window_a_campaign_answers_politely_that_it_is_closed_and_counts_nothing() {
        clock.set(Instant.parse("2026-12-01T19:00:00Z"));
        Texting.text(app, "+250788400010", "RADIO A");
        Texting.text(app, "+250788400011", "A");
        process();
        assertThat(outcome("+250788400010")).isEqualTo("closed");
        assertThat(replies("+250788400010")).containsExactly(
                "Murakoze. Iki kibazo ntikigifunguye ubu. Muzakurikire ikiganiro gitaha.");
        assertThat(outcome("+250788400011")).isEqualTo("inbox");
        assertThat(tally()).contains("\"total\":0");
    }

    @Test
    void the_keyword_alone_explains_how_to_answer() {
        Texting.text(app, "+250788400012", "radio");
        process();
        assertThat(replies("+250788400012")).containsExactly(
                "Murakoze. Kugira ngo musubize, ohereza urugero: RADIO A");
    }

    @Test
    void the_same_comment_from_many_numbers_within_seconds_is_flagged_but_still_counted() {
        for (int i = 0; i < 12; i++) {
            Texting.text(app, "+2507884010" + String.format("%02d", i), "RADIO  Vote for X now!");
            if (i % 4 == 3) {
                process();
                clock.advance(Duration.ofSeconds(2));
            }
        }
        process();
        assertThat(app.database().value("SELECT numbers FROM campaign_burst")).isEqualTo(12);
        assertThat(app.apiGet("/api/v1/campaigns/" + radio).body()).contains("\"bursts\":1");
        assertThat(tally()).contains("\"comments\":12");
    }

    @Test
    void a_burst_inside_one_batch_is_flagged_with_every_number_of_it() {
        for (int i = 0; i < 11; i++) {
            Texting.text(app, "+2507884030" + String.format("%02d", i), "RADIO vote for x now");
        }
        Texting.text(app, "+250788403000", "RADIO A vote for X, now!");
        process();
        assertThat(app.database().value("SELECT numbers FROM campaign_burst")).isEqualTo(11);
        assertThat(tally()).contains("\"total\":1").contains("\"comments\":12");
    }

    @Test
    void votes_and_comments_of_a_batch_the_database_refuses_are_stored_when_its_messages_go_one_by_one() {
        Texting.text(app, "+250788404001", "RADIO A");
        Texting.text(app, "+250788404002", "RADIO B and a comment");
        Texting.text(app, "+250788404003", "JOIN Rusizi");
        Texting.text(app, "+250788404001", "RADIO B");
        // The JOIN fails, and with it the batch's transaction: every message is then routed in one of its own.
        app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE sms_subscriber ADD CONSTRAINT no_rusizi "
                + "CHECK (district_id <> 28)"));
        assertThat(app.app().sms().inbound().processAvailable()).isEqualTo(4);
        assertThat(outcome("+250788404003")).isEqualTo("error");
        assertThat(tally()).isEqualTo("{\"total\":2,\"options\":[{\"code\":\"A\",\"count\":0},{\"code\":\"B\","
                + "\"count\":2}],\"comments\":1}");
    }

    @Test
    void identical_comments_spread_over_minutes_are_not_a_burst() {
        for (int i = 0; i < 12; i++) {
            Texting.text(app, "+2507884020" + String.format("%02d", i), "RADIO Murakoze cyane");
            process();
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(app.database().count("SELECT count(*) FROM campaign_burst")).isZero();
    }

    @Test
    void a_vote_from_a_number_that_opted_out_counts_but_gets_no_reply() {
        Texting.text(app, "+250788400013", "STOP");
        Texting.text(app, "+250788400013", "RADIO A");
        process();
        assertThat(tally()).contains("\"total\":1");
        assertThat(replies("+250788400013")).isEmpty();
    }

    private void process() {
        app.app().sms().inbound().processAvailable();
    }

    private String tally() {
        return app.apiGet("/api/v1/campaigns/" + radio + "/tally").body();
    }

    private String outcome(String phone) {
        return (String) app.database().value("SELECT outcome FROM sms_inbound WHERE phone_hash = "
                + Texting.hash(phone) + " ORDER BY id DESC LIMIT 1");
    }

    private List<String> replies(String phone) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT text FROM sms_outbox WHERE phone_hash = "
                + Texting.hash(phone) + " ORDER BY id").mapTo(String.class).list());
    }
}
