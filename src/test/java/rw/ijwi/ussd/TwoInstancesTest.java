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
}
