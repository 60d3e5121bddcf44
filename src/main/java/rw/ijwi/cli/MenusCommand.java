package rw.ijwi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import picocli.CommandLine;

import rw.ijwi.config.Config;
import rw.ijwi.geo.Geography;
import rw.ijwi.ussd.Menu;
import rw.ijwi.config.MenuSource;
import rw.ijwi.ussd.Menus;

/** Menu tools; `menus check [DIR]` proves menu files safe to serve without starting anything. */
@CommandLine.Command(name = "menus", description = "Work with the USSD menu files.",
        subcommands = {MenusCommand.Check.class})
public final class MenusCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: menus check [DIR]");
    }

    @CommandLine.Command(name = "check", description = "Check menu files: lengths, GSM-7, translations, transitions.")
    public static final class Check implements Runnable {

        private final Supplier<Config> config;

        public Check(Supplier<Config> config) {
            this.config = config;
        }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(arity = "0..1", paramLabel = "DIR",
                description = "Menu directory (default: IJWI_MENUS_DIR, ./menus, or the menus in the jar).")
        Path dir;

        @Override
        public void run() {
            Config config = this.config.get();
            MenuSource source;
            if (dir != null) {
                if (!Files.isDirectory(dir)) {
                    throw new CliError("menus check: " + dir + " is not a directory");
                }
                source = MenuSource.directory(dir);
            } else {
                source = MenuSource.of(config);
            }
            Menus.Loaded loaded = Menus.load(source, Geography.fromPackagedCsv(), district -> List.of(),
                    config.ussdMaxChars());
            Menu menu = loaded.menu();
            var out = spec.commandLine().getOut();
            out.println("menus in " + source.describe() + " are fine: " + menu.screens().size() + " screens in "
                    + String.join(", ", menu.languages()) + ", every page within " + config.ussdMaxChars()
                    + " GSM-7 characters");
            loaded.notes().forEach(note -> out.println("note: " + note));
            long age = ChronoUnit.DAYS.between(menu.hotlines().lastVerified(), LocalDate.now());
            if (age > 180) {
                out.println("warning: the emergency numbers were last verified " + age + " days ago ("
                        + menu.hotlines().lastVerified() + "); check them with the services and update last_verified");
            }
        }
    }
}
