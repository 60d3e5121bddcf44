package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rw.ijwi.config.Config;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.ussd.Menus;

/** Start-up fails fast on menus it cannot serve, and keeps generated secrets private and stable. */
class StartupTest {

    @TempDir
    Path dir;

    @Test
    void start_up_refuses_a_menu_that_does_not_fit_and_names_file_screen_and_language() throws Exception {
        for (Path f : Files.list(Path.of("menus")).toList()) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path report = dir.resolve("report.yaml");
        Files.writeString(report, Files.readString(report).replace("en: \"Shelter\"", "en: \"" + "Shelter ".repeat(20) + "\""));
        assertThatThrownBy(() -> new TestApp(TestDatabase.fresh(), Map.of("IJWI_MENUS_DIR", dir.toString())))
                .isInstanceOf(Menus.Invalid.class)
                .hasMessageContaining("report.yaml: screen service [en]")
                .hasMessageContaining("over the limit of 160");
    }

    @Test
    void generated_secrets_are_kept_in_the_data_dir_readable_by_the_owner_only_and_reused() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        Map<String, String> env = Map.of("IJWI_DATA_DIR", dir.toString(), "IJWI_DATABASE_URL", database.url(),
                "IJWI_DATABASE_USER", "postgres", "IJWI_PORT", "0", "IJWI_METRICS_PORT", "0");
        String token;
        try (App app = App.build(Config.from(env)).start()) {
            token = app.secrets().webhookToken();
            assertThat(app.callbackUrls()).contains("/at/ussd?token=" + token).contains("/at/ussd/events?token=" + token);
        }
        for (String file : new String[] {"secret.key", "webhook.token"}) {
            assertThat(Files.getPosixFilePermissions(dir.resolve(file)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        try (App again = App.build(Config.from(env))) {
            assertThat(again.secrets().webhookToken()).isEqualTo(token);
        }
        assertThat(Set.of(Files.readString(dir.resolve("webhook.token")).trim())).containsExactly(token);
    }
}
