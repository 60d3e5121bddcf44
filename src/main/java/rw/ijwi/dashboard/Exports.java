package rw.ijwi.dashboard;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
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

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

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

    /** GET /export/reports.csv: report rows of the period in the districts the user covers. */
    public void reports(Context ctx) {
        User user = Templates.user(ctx);
        Period period = SummaryRequest.period(ctx, clock);
        Set<String> districts = user.isAdmin()
                ? Set.copyOf(publisher.aggregates().geography().districts().stream().map(d -> d.name()).toList())
                : user.districts();
        audit.record(user.username(), "export_reports", period.from() + ".." + period.to() + " districts="
                + (user.isAdmin() ? "all" : String.join(",", new java.util.TreeSet<>(districts))), ctx.ip());
        csv(ctx, "reports.csv", List.of("ref", "created_at", "channel", "district", "sector", "service", "gap",
                "language", "comment", "quote_consent"), printer -> {
                    aggregates.eachReport(period.start(), period.end(), districts.toArray(String[]::new), row -> {
                        try {
                            printer.printRecord(row.ref(), TIME.format(row.createdAt().atZoneSameInstant(Period.RWANDA)),
                                    row.channel(), row.district(), row.sector(), row.service(), row.gap(),
                                    row.language(), inert(row.comment()), row.quoteConsent());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                });
    }

    /** A comment a spreadsheet will not run as a formula (a leading = + - @ is quoted with an apostrophe). */
    static String inert(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** Writes CSV rows straight to the response. */
    interface Rows {
        void write(CSVPrinter printer) throws IOException;
    }

    private static void csv(Context ctx, String filename, List<String> header, Rows rows) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
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
