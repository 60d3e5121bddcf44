package rw.ijwi.africastalking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import rw.ijwi.testing.TestApp;

/**
 * Whatever AT (or an attacker with the token) sends to /at/ussd, the answer is a USSD screen or a 4xx with a
 * short reason: never a 5xx, never a stack trace, never an empty body, and the server stays healthy.
 */
class UssdWebhookPropertiesTest {

    private static TestApp app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeContainer
    static void start() {
        app = new TestApp();
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Property(tries = 300)
    void any_text_of_inputs_gets_a_screen_within_the_limit(@ForAll("texts") String text) {
        String reply = app.ussd("prop-" + Integer.toHexString(text.hashCode()), "+250788555000", text);
        assertThat(reply).matches("(?s)(CON|END) .+");
        assertThat(rw.ijwi.gsm.Gsm7.septets(reply.substring(4))).isLessThanOrEqualTo(182);
    }

    @Property(tries = 200)
    void any_form_body_gets_a_screen_or_a_short_4xx(@ForAll("bodies") String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/at/ussd?token=" + TestApp.TOKEN)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(body).isIn(200, 400, 413);
        assertThat(response.body()).isNotEmpty().doesNotContain("Exception").doesNotContain("\tat ");
        if (response.statusCode() == 200) {
            assertThat(response.body()).matches("(?s)(CON|END) .+");
        }
    }

    /** Texts as AT would build them: choices, keys, free words, stars, accents and emoji, joined by '*'. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> input = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 120).map(String::valueOf),
                Arbitraries.of("0", "00", "99", "", " ", "1 ", "*", "#"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.strings().withChars("éèçêñ’“”😀あ\t").ofMaxLength(10));
        return input.list().ofMaxSize(14).map(parts -> String.join("*", parts));
    }

    /** Form bodies with the right, wrong, missing, repeated and junk fields, in any order. */
    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).map(v ->
                        java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)),
                Arbitraries.of("%", "%ZZ", "%00", "%C3%28", "+250788000000", "%2B250788000000", "1*2*3", ""));
        Arbitrary<String> name = Arbitraries.of("sessionId", "phoneNumber", "text", "serviceCode", "networkCode",
                "x", "", "sessionId[]", "%73essionId");
        Arbitrary<String> pair = Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(name, value).as((n, v) -> n + "=" + v),
                Arbitraries.of("&", "==", "sessionId", "=x"));
        return pair.list().ofMaxSize(12).map(List::copyOf).map(parts -> String.join("&", parts));
    }
}
