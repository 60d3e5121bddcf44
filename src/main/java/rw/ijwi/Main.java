package rw.ijwi;

import java.io.PrintWriter;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.config.SafeErrors;
import rw.ijwi.cli.BackupCommand;
import rw.ijwi.cli.CliError;
import rw.ijwi.cli.ExportCommand;
import rw.ijwi.cli.HealthCommand;
import rw.ijwi.cli.MenusCommand;
import rw.ijwi.cli.MigrateCommand;
import rw.ijwi.cli.PrivacyCommand;
import rw.ijwi.cli.SeedCommand;
import rw.ijwi.cli.ReleasesCommand;
import rw.ijwi.cli.RestoreCommand;
import rw.ijwi.cli.UsersCommand;

/**
 * The command line: serve (the default), migrate, menus check, export reports, users, seed reports or subscribers,
 * releases.
 */
@CommandLine.Command(name = "ijwi", mixinStandardHelpOptions = true, version = "ijwi 0.1",
        description = "SMS and USSD community feedback gateway. With no command, serves.",
        subcommands = {ServeCommand.class, MigrateCommand.class, MenusCommand.class, ExportCommand.class,
            UsersCommand.class, HealthCommand.class, SeedCommand.class, PrivacyCommand.class, ReleasesCommand.class,
            BackupCommand.class, RestoreCommand.class})
public final class Main implements Runnable {

    private final Supplier<Config> config;

    public Main(Supplier<Config> config) {
        this.config = config;
    }

    public static void main(String[] args) {
        System.exit(run(Config::fromEnvironment, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /** Runs one command with the given configuration and streams; returns the exit code. */
    public static int run(Supplier<Config> config, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main(config), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return type.getDeclaredConstructor(Supplier.class).newInstance(config);
                } catch (NoSuchMethodException noConfig) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        });
        cli.setOut(out);
        cli.setErr(err);
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
        new ServeCommand(config).run();
    }
}
