package rw.ijwi.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rw.ijwi.config.Config;

/** The secret key and webhook token: taken from the environment, or generated once into the data dir (mode 600). */
public record Secrets(byte[] secretKey, String webhookToken) {

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String KEY_FILE = "secret.key";
    static final String TOKEN_FILE = "webhook.token";

    public static Secrets load(Config config) {
        String key = config.secretKey().orElseGet(() -> readOrCreate(config.dataDir().resolve(KEY_FILE),
                () -> Base64.getEncoder().encodeToString(randomBytes(32)), "IJWI_SECRET_KEY",
                "losing it makes stored hashes and encrypted numbers unusable"));
        String token = config.webhookToken().orElseGet(() -> readOrCreate(config.dataDir().resolve(TOKEN_FILE),
                () -> Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24)), "IJWI_WEBHOOK_TOKEN",
                "a new one means pasting new callback URLs into Africa's Talking"));
        return new Secrets(decodeKey(key), token);
    }

    /** Writes a new secret key over the generated key file (mode 600), for key rotation. */
    public static void replaceKeyFile(Config config, byte[] key) {
        Path file = config.dataDir().resolve(KEY_FILE);
        try {
            Path next = file.resolveSibling(KEY_FILE + ".next");
            Files.deleteIfExists(next);
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(next, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.SYNC);
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }

    public static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new Config.BadSetting("IJWI_SECRET_KEY", "(hidden)", "not valid base64");
        }
        if (key.length < 32) {
            throw new Config.BadSetting("IJWI_SECRET_KEY", "(hidden)",
                    "too short: " + key.length + " bytes, need at least 32 (try: head -c 32 /dev/urandom | base64)");
        }
        return key;
    }

    private static String readOrCreate(Path file, java.util.function.Supplier<String> generator, String setting,
            String whyBackUp) {
        try {
            Optional<String> existing = read(file);
            if (existing.isPresent()) {
                return existing.get();
            }
            Files.createDirectories(file.getParent());
            String value = generator.get();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException raced) {
                return read(file).orElseThrow();
            }
            Files.writeString(file, value + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            LOG.warn("{} is not set: generated one into {} (mode 600). Back this file up; {}.", setting,
                    file.toAbsolutePath(), whyBackUp);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file.toAbsolutePath() + " for " + setting, e);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String value = Files.readString(file, StandardCharsets.US_ASCII).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
