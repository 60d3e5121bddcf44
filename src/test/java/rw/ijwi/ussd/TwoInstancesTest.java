package rw.ijwi.ussd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;

/** Two Ijwi servers on one PostgreSQL, with the hops of each session alternating between them. */
@Tag("slow")
@Tag("load")
class TwoInstancesTest {

    @Test
    void sessions_whose_hops_alternate_between_two_servers_complete_correctly_and_file_once() {
        TestDatabase database = TestDatabase.fresh();
        try (TestApp a = new TestApp(database, Map.of()); TestApp b = new TestApp(database, Map.of())) {
            List<TestApp> servers = List.of(a, b);
            int sessions = 40;
            for (int s = 0; s < sessions; s++) {
                String session = "two-" + s;
                String phone = "+25078800" + String.format("%04d", s);
                List<String> inputs = List.of("1", "1", String.valueOf(1 + s % 30), "1", String.valueOf(1 + s % 6),
                        String.valueOf(1 + s % 6), s % 2 == 0 ? "a*b " + s : "1", "1", "1");
                String text = "";
                String reply = servers.get(s % 2).ussd(session, phone, text);
                for (int i = 0; i < inputs.size(); i++) {
                    text = text.isEmpty() ? inputs.get(i) : text + "*" + inputs.get(i);
                    reply = servers.get((s + i + 1) % 2).ussd(session, phone, text);
                }
                assertThat(reply).as(session).startsWith("END ");
                // AT retries the last hop on the other server: the same reference, no second report.
                assertThat(servers.get((s + inputs.size()) % 2).ussd(session, phone, text)).isEqualTo(reply);
            }
            assertThat(database.count("SELECT count(*) FROM report")).isEqualTo(sessions);
            assertThat(database.count("SELECT count(DISTINCT session_id) FROM report")).isEqualTo(sessions);
            assertThat(database.count("SELECT count(*) FROM report WHERE comment LIKE 'a*b %'")).isEqualTo(sessions / 2);
        }
    }

    @Test
    void a_comment_hop_first_seen_by_the_other_server_keeps_its_stars_whole() {
        // AT retries a comment hop that the first server never answered (it was killed): the second one has
        // neither the session in memory nor the comment's span, only where the comment screen began.
        TestDatabase database = TestDatabase.fresh();
        try (TestApp a = new TestApp(database, Map.of()); TestApp b = new TestApp(database, Map.of())) {
            String text = "";
            for (String input : List.of("1", "1", "28", "1", "1", "3")) {
                a.ussd("retried", "+250788001234", text);
                text = text.isEmpty() ? input : text + "*" + input;
            }
            assertThat(a.ussd("retried", "+250788001234", text)).contains("(nta mazina)");
            text += "*Ntiba*nsubije*2";
            assertThat(b.ussd("retried", "+250788001234", text)).contains("Twakoresha amagambo yawe");
            text += "*2";
            b.ussd("retried", "+250788001234", text);
            assertThat(a.ussd("retried", "+250788001234", text + "*1")).startsWith("END ").doesNotContain("Byahagaritswe");
            assertThat(database.count("SELECT count(*) FROM report WHERE comment = 'Ntiba*nsubije*2' AND NOT quote_consent"))
                    .isEqualTo(1);
        }
    }
}
