package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.testing.Reports;
import rw.ijwi.testing.TestApp;

/** The summary and the stats count a report from the moment it is stored, whether or not the roll-ups were folded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryFreshnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestApp app = new TestApp();

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_report_stored_now_is_in_the_next_summary_and_stats_and_stays_there_after_a_fold() throws Exception {
        Reports.insert(app, "Nyamasheke", "police", "no_response", 6);
        long summary = policeInNyamasheke();
        long stats = reports();

        Reports.insert(app, "Nyamasheke", "police", "no_response", 1);
        assertThat(policeInNyamasheke()).isEqualTo(summary + 1);
        assertThat(reports()).isEqualTo(stats + 1);

        app.database().jdbi().onDemand(AggregateDao.class).fold();
        assertThat(app.database().count("SELECT count(*) FROM report_rollup_pending")).isZero();
        assertThat(policeInNyamasheke()).isEqualTo(summary + 1);
        assertThat(reports()).isEqualTo(stats + 1);
    }

    private long policeInNyamasheke() throws Exception {
        JsonNode body = JSON.readTree(app.apiGet("/api/v1/summary?groupBy=district,service").body());
        for (JsonNode row : body.get("rows")) {
            if (row.get("district").asText().equals("Nyamasheke") && row.get("service").asText().equals("police")) {
                return row.get("count").asLong();
            }
        }
        throw new AssertionError("no Nyamasheke x police row in " + body);
    }

    private long reports() throws Exception {
        return JSON.readTree(app.apiGet("/api/v1/stats").body()).get("reports").asLong();
    }
}
