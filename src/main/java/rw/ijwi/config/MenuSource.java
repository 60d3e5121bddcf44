package rw.ijwi.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where menu files are read from: a directory an operator edits, or the copy packaged in the jar. */
public interface MenuSource {

    Optional<String> read(String name);

    String describe();

    /** The operator's directory when IJWI_MENUS_DIR (or ./menus) is there, else the copy in the jar. */
    static MenuSource of(Config config) {
        return config.menusDir().map(MenuSource::directory).orElseGet(MenuSource::classpath);
    }

    static MenuSource directory(Path dir) {
        return new MenuSource() {
            @Override
            public Optional<String> read(String name) {
                Path file = dir.resolve(name).normalize();
                if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }

            @Override
            public String describe() {
                return dir.toAbsolutePath().toString();
            }
        };
    }

    static MenuSource classpath() {
        return new MenuSource() {
            @Override
            public Optional<String> read(String name) {
                if (name.contains("..") || name.startsWith("/")) {
                    return Optional.empty();
                }
                try (InputStream in = MenuSource.class.getClassLoader().getResourceAsStream("menus/" + name)) {
                    return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read menus/" + name + " from the jar", e);
                }
            }

            @Override
            public String describe() {
                return "the menus packaged in the jar";
            }
        };
    }
}
