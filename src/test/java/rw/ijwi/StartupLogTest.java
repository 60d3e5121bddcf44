package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import rw.ijwi.testing.ChildServer;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;

/** What `serve` writes to a log it does not print on a terminal: the callback URLs, never the webhook token. */
@Tag("slow")
class StartupLogTest {

    @Test
    void the_callback_urls_in_a_log_name_where_the_token_is_instead_of_the_token() throws InterruptedException {
        try (ChildServer server = ChildServer.start(TestDatabase.fresh(), Map.of())) {
            String log = server.log();
            for (int i = 0; i < 50 && !log.contains("/at/sms/optout"); i++) {
                Thread.sleep(100); // healthy comes a moment before the URLs are printed
                log = server.log();
            }
            assertThat(log).contains("/at/sms?token=TOKEN (IJWI_WEBHOOK_TOKEN, or ");
            assertThat(log).doesNotContain(TestApp.TOKEN);
        }
    }
}
