package rw.ijwi.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting the folders tests make (data dirs, browser profiles, PostgreSQL data directories). */
public final class Folders {

    private Folders() {
    }

    /** Deletes the folder and everything in it, as far as it can: a leftover temporary file is harmless. */
    public static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // already gone, or unreadable: nothing a test could do about it
        }
    }
}
