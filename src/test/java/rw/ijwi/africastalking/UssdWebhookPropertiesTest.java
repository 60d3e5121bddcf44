package rw.ijwi.africastalking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import rw.ijwi.testing.TestApp;

/**
 * Whatever AT (or an attacker with the token) sends to /at/ussd, the answer is a USSD screen or a 4xx with a
 * short reason: never a 5xx, never a stack trace, never an empty body, and the server stays healthy. The
 * screen must be the menu's own: the fallback a failing hop answers (END with the help lines) also looks like
 * a screen, so each try also asserts that no hop fell back (ijwi.ussd.fallbacks stays 0).
 */
@Tag("slow")
class UssdWebhookPropertiesTest {

    private static TestApp app;
    /** Counts hops whose answer threw and got the help-lines fallback instead of a screen. */
    private static final String FALLBACKS = "ijwi_ussd_fallbacks_total";

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
        double fallbacksBefore = app.metric(FALLBACKS);
        String reply = app.ussd("prop-" + Integer.toHexString(text.hashCode()), "+250788555000", text);
        assertThat(reply).matches("(?s)(CON|END) .+");
        assertThat(rw.ijwi.gsm.Gsm7.septets(reply.substring(4))).isLessThanOrEqualTo(182);
        assertNoHopFellBack(fallbacksBefore, text);
    }

    @Property(tries = 200)
    void any_form_body_gets_a_screen_or_a_short_4xx(@ForAll("bodies") String body) {
        double fallbacksBefore = app.metric(FALLBACKS);
        HttpResponse<String> response = app.post("/at/ussd?token=" + TestApp.TOKEN, body,
                "application/x-www-form-urlencoded");
        assertThat(response.statusCode()).as(body).isIn(200, 400, 413);
        assertThat(response.body()).isNotEmpty().doesNotContain("Exception").doesNotContain("\tat ");
        if (response.statusCode() == 200) {
            assertThat(response.body()).matches("(?s)(CON|END) .+");
        }
        assertNoHopFellBack(fallbacksBefore, body);
        // Enough bodies must reach the menu for the fallback assertion to mean something.
        Statistics.collect(response.statusCode() == 200 ? "answered" : "refused");
        Statistics.coverage(coverage -> coverage.check("answered").percentage(p -> p >= 5));
    }

    private static void assertNoHopFellBack(double fallbacksBefore, String input) {
        assertThat(app.metric(FALLBACKS) - fallbacksBefore).as("hops answered with the fallback, for '" + input + "'")
                .isZero();
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

    /**
     * Form bodies with the right, wrong, missing, repeated and junk fields, in any order; two in three carry a
     * well-formed request too, before or after the junk, so many reach the menu.
     */
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
        Arbitrary<String> junk = pair.list().ofMaxSize(12).map(List::copyOf).map(parts -> String.join("&", parts));
        String valid = "sessionId=prop-body&phoneNumber=%2B250788555001&text=1*1&serviceCode=*384*7%23";
        return Arbitraries.oneOf(junk, junk.map(j -> valid + "&" + j), junk.map(j -> j + "&" + valid));
    }
}
