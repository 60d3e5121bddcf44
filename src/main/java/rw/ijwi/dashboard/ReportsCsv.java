package rw.ijwi.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Period;
import rw.ijwi.geo.Rwanda;

/**
 * The one way report rows leave Ijwi as CSV, for the web export and the command line alike: audited first,
 * never a phone number or its hash, and no comment a spreadsheet would run as a formula.
 */
public final class ReportsCsv {

    public static final String[] HEADER = {"ref", "created_at", "channel", "district", "sector", "service", "gap",
        "language", "comment", "quote_consent"};
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final AggregateDao reports;
    private final AuditLog audit;

    public ReportsCsv(AggregateDao reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    /**
     * Writes the reports of the period in these districts to out, after writing who asked to the audit log;
     * everyone stands for "all districts" in the audit line.
     */
    public void export(String who, String address, Period period, Collection<String> districts, boolean everyone,
            Writer out) {
        audit.record(who, "export_reports", period.from() + ".." + period.to() + " districts="
                + (everyone ? "all" : String.join(",", new java.util.TreeSet<>(districts))), address);
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
            reports.eachReport(period.start(), period.end(), districts.toArray(String[]::new), row -> {
                try {
                    printer.printRecord(row.ref(), TIME.format(row.createdAt().atZoneSameInstant(Rwanda.ZONE)),
                            row.channel(), row.district(), row.sector(), row.service(), row.gap(), row.language(),
                            inert(row.comment()), row.quoteConsent());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A comment a spreadsheet will not run as a formula (a leading = + - @ tab or CR is quoted with '). */
    static String inert(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
