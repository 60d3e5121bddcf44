package rw.ijwi.sms.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;

import rw.ijwi.config.Config;
import rw.ijwi.security.Sealer;

/**
 * A write-ahead file for callbacks that arrive while PostgreSQL is away: each entry is sealed (AES-GCM), written
 * and fsynced before the callback is answered, and read back in order when the database returns. Bounded in
 * size: when full, callbacks are refused (the provider retries) rather than acknowledged and lost.
 */
public final class Spool {

    /** The spool is at its size bound; the callback must not be acknowledged. */
    public static final class Full extends RuntimeException {
        Full(long bytes) {
            super("spool full at " + bytes + " bytes");
        }
    }

    private final Path file;
    private final long maxBytes;
    private final Sealer sealer;
    private final Object lock = new Object();
    private int entries;

    private Spool(Path file, long maxBytes, Sealer sealer, int entries) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.sealer = sealer;
        this.entries = entries;
    }

    /** Opens (or creates) the spool in the directory; refuses to start when it cannot be written. */
    public static Spool open(Path dir, long maxBytes, byte[] secretKey) {
        try {
            Files.createDirectories(dir);
            Path probe = dir.resolve(".write-test");
            Files.writeString(probe, "ok", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            Files.delete(probe);
            Path file = dir.resolve("sms-callbacks.spool");
            int existing = Files.exists(file) ? (int) Files.lines(file).filter(l -> !l.isBlank()).count() : 0;
            return new Spool(file, maxBytes, new Sealer(secretKey, "ijwi/sms-spool/v1"), existing);
        } catch (IOException | UncheckedIOException e) {
            throw new Config.BadSetting("IJWI_SPOOL_DIR", dir.toString(), "cannot write the SMS spool there ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Appends one entry and forces it to disk before returning. */
    public void append(String entry) {
        appendAll(List.of(entry));
    }

    /**
     * Appends entries in order with one write and one fsync for them all; when they do not all fit, none is
     * written (the callbacks are refused together and retried by the provider).
     */
    public void appendAll(List<String> group) {
        StringBuilder lines = new StringBuilder();
        for (String entry : group) {
            lines.append(Base64.getEncoder().encodeToString(sealer.seal(entry.getBytes(StandardCharsets.UTF_8))))
                    .append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.US_ASCII);
        synchronized (lock) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                if (channel.size() + bytes.length > maxBytes) {
                    throw new Full(channel.size());
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
                entries += group.size();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the SMS spool", e);
            }
        }
    }

    public int size() {
        synchronized (lock) {
            return entries;
        }
    }

    /**
     * Hands each entry, oldest first, to the consumer; stops at the first it refuses (returns false or throws),
     * keeping that one and the rest for the next time. Returns how many were handed over and removed.
     */
    public int drain(java.util.function.Predicate<String> consumer) {
        synchronized (lock) {
            if (entries == 0) {
                return 0;
            }
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                        .filter(l -> !l.isBlank()).toList();
                int done = 0;
                for (String line : lines) {
                    String entry = new String(sealer.open(Base64.getDecoder().decode(line)), StandardCharsets.UTF_8);
                    boolean taken;
                    try {
                        taken = consumer.test(entry);
                    } catch (RuntimeException e) {
                        taken = false;
                    }
                    if (!taken) {
                        break;
                    }
                    done++;
                }
                rewrite(lines.subList(done, lines.size()));
                entries = lines.size() - done;
                return done;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the SMS spool", e);
            }
        }
    }

    /** Replaces the spool with the remaining lines: written beside it, forced, then moved over it. */
    private void rewrite(List<String> remaining) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (String line : remaining) {
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
            }
            channel.force(true);
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
