package rw.ijwi.dashboard;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.javalin.http.Context;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.User;
import rw.ijwi.disclosure.Audience;
import rw.ijwi.disclosure.Publisher;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Figures;
import rw.ijwi.feedback.Period;
import rw.ijwi.web.Templates;

/**
 * CSV exports, each written to the audit log: the summary (always from the releases of a closed month, quarter
 * or year: a file leaves the system) for every role, and report rows for admins (all) and coordinators (their districts), never the phone hash.
 */
public final class Exports {

    private final Publisher publisher;
    private final AggregateDao aggregates;
    private final AuditLog audit;
    private final Clock clock;

    public Exports(Publisher publisher, AggregateDao aggregates, AuditLog audit, Clock clock) {
        this.publisher = publisher;
        this.aggregates = aggregates;
        this.audit = audit;
        this.clock = clock;
    }

    /** GET /export/summary.csv: the same parameters and rows as /api/v1/summary, released figures for everyone. */
    public void summary(Context ctx) {
        User user = Templates.user(ctx);
        SummaryRequest request = SummaryRequest.parse(ctx, publisher.aggregates().geography(), clock);
        request.check(false);
        Figures figures = publisher.figures(request.period(), Audience.OUTSIDE, Set.of());
        List<Summary.Row> rows = Summary.rows(request, figures);
        audit.record(user.username(), "export_summary", "groupBy=" + request.groupBy().stream()
                .map(d -> d.code()).toList() + " " + request.period().from() + ".." + request.period().to()
                + request.district().map(d -> " district=" + d).orElse("")
                + request.service().map(s -> " service=" + s).orElse(""), ctx.ip());
        List<String> header = new ArrayList<>();
        request.groupBy().forEach(d -> header.add(d.code()));
        header.add("count");
        csv(ctx, "summary.csv", header, printer -> {
            for (Summary.Row row : rows) {
                List<Object> record = new ArrayList<>(row.keys().values());
                record.add(row.count());
                printer.printRecord(record);
            }
        });
    }

    /** GET /export/reports.csv: report rows of the period in the districts the user covers (ReportsCsv). */
    public void reports(Context ctx) {
        User user = Templates.user(ctx);
        Period period = SummaryRequest.period(ctx, clock);
        Set<String> districts = user.isAdmin()
                ? Set.copyOf(publisher.aggregates().geography().districts().stream().map(d -> d.name()).toList())
                : user.districts();
        attachment(ctx, "reports.csv");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        new ReportsCsv(aggregates, audit).export(user.username(), ctx.ip(), period, districts, user.isAdmin(), out);
    }

    /** Writes CSV rows straight to the response. */
    interface Rows {
        void write(CSVPrinter printer) throws IOException;
    }

    private static void attachment(Context ctx, String filename) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    private static void csv(Context ctx, String filename, List<String> header, Rows rows) {
        attachment(ctx, filename);
        try {
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                    .setHeader(header.toArray(String[]::new)).get());
            rows.write(printer);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
