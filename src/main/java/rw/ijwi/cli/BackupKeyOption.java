package rw.ijwi.cli;

import java.nio.file.Path;

import picocli.CommandLine;

import rw.ijwi.backup.BackupKey;

/** The `--key-file` option that backup and restore share: one name, one default, one description. */
public final class BackupKeyOption {

    @CommandLine.Option(names = "--key-file", paramLabel = "KEY", defaultValue = "${env:IJWI_BACKUP_KEY_FILE}",
            description = "Base64 key of 32+ bytes, kept away from the data dir; restore needs the one the backup was "
                    + "made with (default: IJWI_BACKUP_KEY_FILE).")
    Path keyFile;

    /** The key, refused when it is missing, short or inside the data dir (see BackupKey.read). */
    BackupKey read(Path dataDir, byte[] secretKey) {
        return BackupKey.read(keyFile, dataDir, secretKey);
    }
}
