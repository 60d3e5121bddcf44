package rw.ijwi.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The browser fixture fails loudly, with the install command, when Debian's chromium is missing. */
class BrowserFixtureTest {

    @Test
    void a_missing_chromium_fails_the_test_with_the_command_that_installs_it() {
        assertThatThrownBy(() -> Browser.open(null, Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/nonexistent/chromium")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }
}
