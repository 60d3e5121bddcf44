package rw.ijwi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Africa's Talking settings: optional as a pair, the base URL chosen by account, bad values named. */
class AtSettingsTest {

    @Test
    void without_an_account_nothing_is_configured_and_the_live_url_is_the_default() {
        Config.AtAccount at = Config.from(Map.of()).at();
        assertThat(at.configured()).isFalse();
        assertThat(at.baseUrl()).isEqualTo(URI.create("https://api.africastalking.com"));
    }

    @Test
    void the_sandbox_account_uses_the_sandbox_host_unless_a_base_url_is_given() {
        Map<String, String> sandbox = Map.of("IJWI_AT_USERNAME", "sandbox", "IJWI_AT_API_KEY", "atsk_0123456789");
        assertThat(Config.from(sandbox).at().baseUrl()).isEqualTo(URI.create("https://api.sandbox.africastalking.com"));
        Map<String, String> local = new java.util.HashMap<>(sandbox);
        local.put("IJWI_AT_BASE_URL", "http://127.0.0.1:8089/");
        Config.AtAccount at = Config.from(local).at();
        assertThat(at.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(at.configured()).isTrue();
        assertThat(at.senderId()).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sandbox", "Sandbox", "SANDBOX", "sandBox"})
    void the_sandbox_account_is_known_in_any_case_and_goes_to_the_sandbox_host(String username) {
        Config.AtAccount at = Config.from(Map.of("IJWI_AT_USERNAME", username, "IJWI_AT_API_KEY", "atsk_0123456789"))
                .at();
        assertThat(at.baseUrl()).isEqualTo(URI.create("https://api.sandbox.africastalking.com"));
        assertThat(at.username()).contains("sandbox");
    }

    @Test
    void a_premium_keyword_sends_replies_to_the_premium_host_and_needs_the_shortcode() {
        Map<String, String> premium = Map.of("IJWI_AT_USERNAME", "ijwi", "IJWI_AT_API_KEY", "atsk_0123456789",
                "IJWI_AT_SENDER_ID", "8080", "IJWI_AT_PREMIUM_KEYWORD", "IJWI");
        Config.AtAccount at = Config.from(premium).at();
        assertThat(at.premiumKeyword()).contains("IJWI");
        assertThat(at.premiumBaseUrl()).isEqualTo(URI.create("https://content.africastalking.com"));
        assertThat(at.baseUrl()).isEqualTo(URI.create("https://api.africastalking.com"));
        Map<String, String> local = new java.util.HashMap<>(premium);
        local.put("IJWI_AT_BASE_URL", "http://127.0.0.1:8089");
        assertThat(Config.from(local).at().premiumBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(Config.from(Map.of()).at().premiumKeyword()).isEmpty();
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_AT_SENDER_ID", "IJWI", "IJWI_AT_PREMIUM_KEYWORD", "IJWI")))
                .hasMessage("IJWI_AT_PREMIUM_KEYWORD=IJWI: needs IJWI_AT_SENDER_ID set to the premium shortcode "
                        + "(digits)");
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_AT_SENDER_ID", "8080", "IJWI_AT_PREMIUM_KEYWORD",
                "<b>"))).hasMessageStartingWith("IJWI_AT_PREMIUM_KEYWORD=<b>: expected the premium keyword");
    }

    @Test
    void bad_values_are_refused_naming_the_setting_and_never_showing_the_key() {
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_AT_USERNAME", "ijwi")))
                .hasMessageStartingWith("IJWI_AT_API_KEY=(unset): IJWI_AT_USERNAME and IJWI_AT_API_KEY go together");
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_AT_API_KEY", "atsk_0123456789")))
                .hasMessageStartingWith("IJWI_AT_USERNAME=(unset)");
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_AT_USERNAME", "ijwi", "IJWI_AT_API_KEY", "short")))
                .hasMessage("IJWI_AT_API_KEY=(hidden): expected the API key from the AT dashboard");
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_AT_SENDER_ID", "IJWI-FEEDBACK-RW")))
                .hasMessageStartingWith("IJWI_AT_SENDER_ID=IJWI-FEEDBACK-RW: expected a shortcode");
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_AT_BASE_URL", "https://api.africastalking.com/version1")))
                .hasMessage("IJWI_AT_BASE_URL=https://api.africastalking.com/version1: expected scheme and host only, "
                        + "such as https://api.africastalking.com");
        assertThatThrownBy(() -> Config.from(Map.of("IJWI_AT_BASE_URL", "api.africastalking.com")))
                .hasMessageStartingWith("IJWI_AT_BASE_URL=api.africastalking.com: expected an absolute URL");
    }
}
