package rw.ijwi.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The key backups are encrypted with: kept by the operator in a file of its own (IJWI_BACKUP_KEY_FILE or
 * --key-file), never in the data dir and never equal to the secret key, because a backup is for the day the data
 * dir is lost, and a key kept only there would be lost with it.
 */
public record BackupKey(byte[] bytes) {

    public static final String SETTING = "IJWI_BACKUP_KEY_FILE";

    /** Reads a base64 key of at least 32 bytes, refusing one kept inside the data dir or equal to the secret key. */
    public static BackupKey read(Path file, Path dataDir, byte[] secretKey) {
        if (file == null) {
            throw new BackupError(SETTING + " is not set: name the backup key file with --key-file FILE or " + SETTING
                    + " (make one with: head -c 32 /dev/urandom | base64 > backup.key; chmod 600 backup.key)");
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(dataDir.toAbsolutePath().normalize())) {
            throw new BackupError(SETTING + "=" + file + ": the backup key must not be kept in the data dir "
                    + dataDir + ", which is what a backup is for");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            throw new BackupError(SETTING + "=" + file + ": no such file");
        } catch (IOException e) {
            throw new BackupError(SETTING + "=" + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BackupError(SETTING + "=" + file + ": not valid base64");
        }
        if (key.length < 32) {
            throw new BackupError(SETTING + "=" + file + ": " + key.length + " bytes, need at least 32 "
                    + "(head -c 32 /dev/urandom | base64)");
        }
        if (secretKey != null && MessageDigest.isEqual(key, secretKey)) {
            throw new BackupError(SETTING + "=" + file + ": this is the secret key (IJWI_SECRET_KEY); a backup needs a "
                    + "key of its own, kept away from the data dir");
        }
        return new BackupKey(key);
    }
}
