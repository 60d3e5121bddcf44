package rw.ijwi;

import picocli.CommandLine;

import rw.ijwi.cli.ExportCommand;
import rw.ijwi.cli.MenusCommand;
import rw.ijwi.cli.MigrateCommand;
import rw.ijwi.cli.ServeCommand;

/** The command line: serve (the default), migrate, menus check, export reports. */
@CommandLine.Command(name = "ijwi", mixinStandardHelpOptions = true, version = "ijwi 0.1",
        description = "SMS and USSD community feedback gateway. With no command, serves.",
        subcommands = {ServeCommand.class, MigrateCommand.class, MenusCommand.class, ExportCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof Config.BadSetting || e instanceof rw.ijwi.ussd.Menus.Invalid
                    || e instanceof CliError) {
                commandLine.getErr().println("ijwi: " + e.getMessage());
                return 2;
            }
            commandLine.getErr().println("ijwi: failed: " + SafeErrors.describe(e));
            return 1;
        });
        return cli.execute(args.length == 0 ? new String[] {"serve"} : args);
    }

    @Override
    public void run() {
        new ServeCommand().run();
    }

    /** A command-line mistake whose message names the bad value; printed without a stack trace. */
    public static final class CliError extends RuntimeException {
        public CliError(String message) {
            super(message);
        }
    }
}
