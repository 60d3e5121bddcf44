package rw.ijwi.backup;

/** A backup or restore that cannot go on; the message is one line naming the file, setting or table. */
public final class BackupError extends RuntimeException {
    public BackupError(String message) {
        super(message);
    }
}
