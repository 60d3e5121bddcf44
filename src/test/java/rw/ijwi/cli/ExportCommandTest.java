package rw.ijwi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.Main;
import rw.ijwi.feedback.NewReport;
import rw.ijwi.feedback.ReportDao;
import rw.ijwi.testing.TestApp;

/** `export reports` writes the stored reports as CSV, filtered by Rwanda's days, and never a phone or hash. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportCommandTest {

    private TestApp app;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    void twoReports() {
        app = new TestApp();
        app.ussd("export-1", "+250788000111", "1*1*28*1*1*3*Bansabye, \"amafaranga\"*1*1");
        ReportDao reports = app.database().jdbi().onDemand(ReportDao.class);
        reports.file(new NewReport("ussd", Optional.empty(), new byte[] {1}, 8, Optional.empty(), "health",
                "other", "en", Optional.empty(), false));
        // Move the second report to just before midnight of 1 Nov 2026, Kigali time (22:30 UTC).
        app.database().jdbi().useHandle(h -> h.execute(
                "UPDATE report SET created_at = '2026-11-01 23:30:00+02' WHERE session_id IS NULL"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    Run export(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "export";
        all[1] = "reports";
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(app::config, new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void every_report_is_exported_with_the_documented_columns_and_no_phone_or_hash() {
        Run run = export();
        assertThat(run.code()).as(run.err()).isZero();
        String[] lines = run.out().split("\r\n");
        assertThat(lines[0]).isEqualTo("ref,created_at,channel,district,sector,service,gap,language,comment,quote_consent");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).matches("[0-9]{6},2026-11-01T23:30:00\\+02:00,ussd,Huye,,health,other,en,,false");
        assertThat(lines[2]).matches("[0-9]{6},20[0-9-]+T[0-9]{2}:[0-9]{2}:[0-9]{2}\\+02:00,ussd,Rusizi,Bugarama,police,asked_to_pay,rw,"
                + "\"Bansabye, \"\"amafaranga\"\"\",true");
        assertThat(run.out()).doesNotContain("788000111").doesNotContain("hash");
    }

    @Test
    void from_and_to_are_whole_days_in_Rwanda() {
        assertThat(export("--from", "2026-11-01", "--to", "2026-11-01").out().split("\r\n")).hasSize(2);
        assertThat(export("--to", "2026-10-31").out().split("\r\n")).hasSize(1);
        assertThat(export("--from", "2026-11-02").out()).doesNotContain(",Huye,");
    }

    @Test
    void a_bad_date_is_named_and_nothing_is_written() {
        Run run = export("--from", "2026-13-01");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--from '2026-13-01' is not a date like 2026-11-28");
        Run extreme = export("--from", "-999999999-01-01");
        assertThat(extreme.code()).isEqualTo(2);
        assertThat(extreme.err()).contains("--from '-999999999-01-01' is not a date like 2026-11-28");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_reversed_period_is_refused() {
        Run run = export("--from", "2026-11-02", "--to", "2026-11-01");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--to 2026-11-01 is before --from 2026-11-02");
    }

    @Test
    void a_formula_in_a_comment_is_neutralised_and_the_export_is_audited_as_the_web_one_is() {
        app.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language, comment, created_at)
                SELECT '987654', 'sms', '\\x02'::bytea, id, 'police', 'other', 'fr', ?, '2027-03-03 10:00+02'
                FROM district WHERE name = 'Huye'""", "=HYPERLINK(\"http://evil.example\",\"click\")"));
        try {
            Run run = export("--from", "2027-03-03", "--to", "2027-03-03");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",")
                    .doesNotContain(",\"=HYPERLINK");
            assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'export_reports' "
                    + "AND username LIKE 'cli:%' AND detail = '2027-03-03..2027-03-03 districts=all'")).isEqualTo(1);
        } finally {
            app.database().jdbi().useHandle(h -> h.execute("DELETE FROM report WHERE ref = '987654'"));
        }
    }
}
