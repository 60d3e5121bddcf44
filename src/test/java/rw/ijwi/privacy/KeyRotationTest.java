package rw.ijwi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import rw.ijwi.config.Config;
import rw.ijwi.Main;
import rw.ijwi.security.PhoneCipher;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/**
 * Rotating the secret key: numbers kept encrypted open with the new key, hashes of known numbers follow them
 * (a subscriber can still delete the report they filed), and hashes of numbers never kept stop matching.
 */
class KeyRotationTest {

    private static final String NEW_KEY = Base64.getEncoder().encodeToString(
            "a brand new thirty-two byte key!".getBytes(StandardCharsets.US_ASCII));
    private final InputStream stdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    @Test
    void after_rotation_numbers_open_with_the_new_key_and_known_phones_keep_their_reports() {
        TestDatabase database = TestDatabase.fresh();
        String subscriber = "+250788777001";
        String ref;
        Config oldConfig;
        try (TestApp app = new TestApp(database, Map.of(), Clock.systemUTC(), false)) {
            oldConfig = app.config();
            String end = app.ussd("rot-1", subscriber, "1*1*28*1*1*3*1*2*1");
            ref = end.replaceAll("(?s).*: ([0-9]{6})\\..*", "$1");
            Texting.text(app, subscriber, "JOIN Rusizi");
            app.ussd("rot-2", "+250788777002", "5*2"); // a language choice from a phone Ijwi never keeps
            app.app().sms().inbound().processAvailable();
            assertThat(database.count("SELECT count(*) FROM sms_subscriber")).isEqualTo(1);
        }

        System.setIn(new ByteArrayInputStream((NEW_KEY + "\n").getBytes(StandardCharsets.US_ASCII)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(() -> oldConfig, new PrintWriter(out, true), new PrintWriter(err, true), "privacy", "rotate-key");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("re-encrypted").contains("now set IJWI_SECRET_KEY");

        byte[] sealed = (byte[]) database.value("SELECT phone_encrypted FROM sms_subscriber");
        assertThat(new PhoneCipher(Base64.getDecoder().decode(NEW_KEY)).decrypt(sealed)).isEqualTo(subscriber);

        try (TestApp app = new TestApp(database, Map.of("IJWI_SECRET_KEY", NEW_KEY))) {
            assertThat(app.ussd("rot-3", subscriber, "4*" + ref + "*1")).contains("cyasibwe");
            assertThat(app.ussd("rot-4", "+250788777002", "")).as("the language choice no longer matches")
                    .startsWith("CON Ijwi: serivisi");
        }
        assertThat(database.count("SELECT count(*) FROM report")).isZero();
    }

    @Test
    void a_bad_new_key_is_refused_and_nothing_changes() {
        TestDatabase database = TestDatabase.fresh();
        try (TestApp app = new TestApp(database, Map.of())) {
            System.setIn(new ByteArrayInputStream("c2hvcnQ=\n".getBytes(StandardCharsets.US_ASCII)));
            StringWriter err = new StringWriter();
            int code = Main.run(app::config, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    "privacy", "rotate-key");
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("privacy rotate-key: the new key on standard input: too short");
        }
    }
}
