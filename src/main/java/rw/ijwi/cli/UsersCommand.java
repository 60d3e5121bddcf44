package rw.ijwi.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.Accounts;
import rw.ijwi.auth.Role;
import rw.ijwi.db.Database;

/** Dashboard users from the command line; works beside a running server (it joins its embedded database). */
@CommandLine.Command(name = "users", description = "Manage dashboard users and API tokens.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Token.class, UsersCommand.Disable.class})
public final class UsersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: users add | token | disable");
    }

    /** Opens the database, runs the work with the accounts, and turns a refused value into a CLI message. */
    static void withAccounts(Supplier<Config> config, String command, java.util.function.BiConsumer<Accounts, AuditLog> work) {
        try (Database database = Database.openMigrated(config.get())) {
            work.accept(new Accounts(database.jdbi()), database.jdbi().onDemand(AuditLog.class));
        } catch (IllegalArgumentException e) {
            throw new CliError(command + ": " + e.getMessage());
        }
    }

    @CommandLine.Command(name = "add", description = "Add a user; the password is read from standard input.")
    public static final class Add implements Runnable {
        private final Supplier<Config> config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--username", required = true, paramLabel = "U")
        String username;

        @CommandLine.Option(names = "--role", required = true, paramLabel = "admin|coordinator|viewer")
        String role;

        @CommandLine.Option(names = "--district", paramLabel = "D", description = "A district (coordinators; repeat).")
        List<String> districts = new ArrayList<>();

        public Add(Supplier<Config> config) {
            this.config = config;
        }

        @Override
        public void run() {
            Role parsed = Role.of(role).orElseThrow(() ->
                    new CliError("users add: --role '" + role + "' is not admin, coordinator or viewer"));
            String password = readPassword(spec);
            withAccounts(config, "users add", (accounts, audit) -> {
                accounts.add(username, password, parsed, districts);
                audit.record(null, "user_added", username + " as " + parsed.code(), "cli");
            });
            spec.commandLine().getOut().println("added " + username.strip().toLowerCase() + " (" + parsed.code() + ")");
        }
    }

    @CommandLine.Command(name = "token", description = "Print a new API token for a user (shown once).")
    public static final class Token implements Runnable {
        private final Supplier<Config> config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--username", required = true, paramLabel = "U")
        String username;

        public Token(Supplier<Config> config) {
            this.config = config;
        }

        @Override
        public void run() {
            String[] token = new String[1];
            withAccounts(config, "users token", (accounts, audit) -> {
                token[0] = accounts.newToken(username);
                audit.record(null, "token_created", "for " + username, "cli");
            });
            spec.commandLine().getOut().println(token[0]);
        }
    }

    @CommandLine.Command(name = "disable", description = "Disable a user: sessions and tokens stop at once.")
    public static final class Disable implements Runnable {
        private final Supplier<Config> config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "U")
        String username;

        public Disable(Supplier<Config> config) {
            this.config = config;
        }

        @Override
        public void run() {
            withAccounts(config, "users disable", (accounts, audit) -> {
                accounts.disable(username);
                audit.record(null, "user_disabled", username, "cli");
            });
            spec.commandLine().getOut().println("disabled " + username);
        }
    }

    /** The password: the first line of standard input (so it never shows in a process list or shell history). */
    static String readPassword(CommandLine.Model.CommandSpec spec) {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CliError("users add: give the password on standard input, e.g. "
                        + "printf '%s\\n' \"$PASSWORD\" | java -jar target/ijwi.jar users add ...");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
