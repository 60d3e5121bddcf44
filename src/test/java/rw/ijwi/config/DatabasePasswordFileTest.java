package rw.ijwi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IJWI_DATABASE_PASSWORD_FILE: the compose secret file, so the password stays out of Ijwi's environment. */
class DatabasePasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void the_password_is_the_first_line_of_the_file() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret-from-a-file\n");
        assertThat(Config.from(Map.of("IJWI_DATABASE_PASSWORD_FILE", file.toString())).databasePassword())
                .contains("s3cret-from-a-file");
    }

    @Test
    void a_missing_file_and_both_settings_at_once_are_named() throws Exception {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_DATABASE_PASSWORD_FILE", missing.toString())))
                .isInstanceOf(Config.BadSetting.class)
                .hasMessage("IJWI_DATABASE_PASSWORD_FILE=" + missing + ": cannot read it (no such file)");
        Path file = Files.writeString(dir.resolve("pw"), "x\n");
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_DATABASE_PASSWORD_FILE", file.toString(),
                "IJWI_DATABASE_PASSWORD", "y")))
                .hasMessage("IJWI_DATABASE_PASSWORD_FILE=" + file + ": set this or IJWI_DATABASE_PASSWORD, not both");
    }
}
