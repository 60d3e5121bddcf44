package rw.ijwi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import picocli.CommandLine;

import rw.ijwi.Config;
import rw.ijwi.db.Database;
import rw.ijwi.feedback.ReportDao;

/** `export reports`: the stored reports as CSV on standard output; never a phone number or its hash. */
@CommandLine.Command(name = "export", description = "Export data as CSV on standard output.",
        subcommands = {ExportCommand.Reports.class})
public final class ExportCommand implements Runnable {

    /** Days are Rwanda's days (Central Africa Time), whatever the server's zone. */
    public static final ZoneId RWANDA = ZoneId.of("Africa/Kigali");
    static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    static final String[] HEADER = {"ref", "created_at", "channel", "district", "sector", "service", "gap",
        "language", "comment", "quote_consent"};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to export: export reports");
    }

    @CommandLine.Command(name = "reports", description = "Every report, oldest first, as CSV.")
    public static final class Reports implements Runnable {

        private final Supplier<Config> config;

        public Reports(Supplier<Config> config) {
            this.config = config;
        }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day included.")
        String from;

        @CommandLine.Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day included.")
        String to;

        @Override
        public void run() {
            LocalDate first = day("--from", from, LocalDate.of(2000, 1, 1));
            LocalDate last = day("--to", to, LocalDate.of(9998, 12, 31));
            if (last.isBefore(first)) {
                throw new CliError("export reports: --to " + to + " is before --from " + from);
            }
            OffsetDateTime start = first.atStartOfDay(RWANDA).toOffsetDateTime();
            OffsetDateTime end = last.plusDays(1).atStartOfDay(RWANDA).toOffsetDateTime();
            PrintWriter out = spec.commandLine().getOut();
            try (Database database = Database.openMigrated(config.get())) {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
                database.jdbi().onDemand(ReportDao.class).export(start, end, row -> {
                    try {
                        csv.printRecord(row.ref(), TIME.format(row.createdAt().atZoneSameInstant(RWANDA)),
                                row.channel(), row.district(), row.sector(), row.service(), row.gap(), row.language(),
                                row.comment(), row.quoteConsent());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static LocalDate day(String option, String value, LocalDate fallback) {
            if (value == null) {
                return fallback;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new CliError("export reports: " + option + " '" + value + "' is not a date like 2026-11-28");
            }
        }
    }
}
