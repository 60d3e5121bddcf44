package rw.ijwi.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.audit.AuditLog;
import rw.ijwi.dashboard.ReportsCsv;
import rw.ijwi.db.Database;
import rw.ijwi.feedback.AggregateDao;
import rw.ijwi.feedback.Period;
import rw.ijwi.geo.Geography;

/**
 * `export reports`: the stored reports as CSV on standard output, by the web export's own path (ReportsCsv):
 * audited, formulas neutralised, never a phone number or its hash. Days are Rwanda's, whatever the server's zone.
 */
@CommandLine.Command(name = "export", description = "Export data as CSV on standard output.",
        subcommands = {ExportCommand.Reports.class})
public final class ExportCommand implements Runnable {

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
            PrintWriter out = spec.commandLine().getOut();
            try (Database database = Database.openMigrated(config.get())) {
                var jdbi = database.jdbi();
                List<String> districts = Geography.load(jdbi).districts().stream().map(d -> d.name()).toList();
                // Audited as the web export is: who ran it on the server, and what they took.
                new ReportsCsv(jdbi.onDemand(AggregateDao.class), jdbi.onDemand(AuditLog.class))
                        .export("cli:" + System.getProperty("user.name", "?"), null, new Period(first, last),
                                districts, true, out);
            }
        }

        private static LocalDate day(String option, String value, LocalDate fallback) {
            if (value == null) {
                return fallback;
            }
            try {
                LocalDate day = LocalDate.parse(value);
                if (day.getYear() >= 2000 && day.getYear() <= 9998) {
                    return day;
                }
            } catch (DateTimeParseException e) {
                // named below
            }
            throw new CliError("export reports: " + option + " '" + value + "' is not a date like 2026-11-28");
        }
    }
}
