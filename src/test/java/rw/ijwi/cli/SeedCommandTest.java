package rw.ijwi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.Main;
import rw.ijwi.testing.TestApp;

/** `seed reports` fills the database with realistic made-up reports: many districts, weeks, some quotable. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedCommandTest {

    private final TestApp app = new TestApp();

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void seeding_stores_the_reports_spread_over_districts_weeks_and_languages() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(app::config, new PrintWriter(out, true), new PrintWriter(err, true),
                "seed", "reports", "--count", "3000", "--seed", "5");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("seeded 3000 reports");
        var db = app.database();
        assertThat(db.count("SELECT count(*) FROM report")).isEqualTo(3000);
        assertThat(db.count("SELECT count(DISTINCT district_id) FROM report")).isGreaterThan(20);
        assertThat(db.count("SELECT count(DISTINCT week) FROM report")).isGreaterThan(45);
        assertThat(db.count("SELECT count(DISTINCT language) FROM report WHERE comment IS NOT NULL")).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM report WHERE quote_approved")).isPositive();
        assertThat(db.count("SELECT count(*) FROM report WHERE created_at > now()")).isZero();
        assertThat(db.count("SELECT count(*) FROM report WHERE ref !~ '^S[0-9]{7}$'")).as("seeded references").isZero();
        assertThat(db.count("SELECT count(*) FROM report_rollup_pending")).as("deltas left unfolded").isZero();
    }

    @Test
    void a_count_out_of_range_is_refused_with_a_reason() {
        StringWriter err = new StringWriter();
        int code = Main.run(app::config, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "seed", "reports", "--count", "0");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--count 0 must be from 1 to 5000000");
    }
}
