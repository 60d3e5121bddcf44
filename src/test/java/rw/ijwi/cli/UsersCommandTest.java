package rw.ijwi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.Main;
import rw.ijwi.auth.Accounts;
import rw.ijwi.testing.TestApp;

/** `users add | token | disable`: password from standard input, clear messages naming bad values. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersCommandTest {

    private final TestApp app = new TestApp();
    private final InputStream stdin = System.in;

    record Run(int code, String out, String err) {
    }

    Run users(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "users";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(app::config, new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_coordinator_is_added_with_districts_and_can_sign_in() {
        Run run = users("a sufficiently long password\n", "add", "--username", "Alice", "--role", "coordinator",
                "--district", "Rusizi", "--district", "Huye");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("added alice (coordinator)");
        var user = new Accounts(app.database().jdbi()).check("alice", "a sufficiently long password").orElseThrow();
        assertThat(user.districts()).containsExactlyInAnyOrder("Rusizi", "Huye");
        assertThat(app.database().count("SELECT count(*) FROM app_user WHERE username = 'alice' AND password_hash LIKE '$argon2id$%'"))
                .isEqualTo(1);
    }

    @Test
    void a_token_is_printed_alone_and_only_its_hash_is_stored() {
        users("another long password\n", "add", "--username", "api-bot", "--role", "viewer");
        Run run = users("", "token", "--username", "api-bot");
        assertThat(run.code()).as(run.err()).isZero();
        String token = run.out().strip();
        assertThat(token).matches("ijwi_[A-Za-z0-9_-]{30,}");
        assertThat(new Accounts(app.database().jdbi()).byToken(token)).isPresent();
        assertThat(app.database().count("SELECT count(*) FROM api_token WHERE encode(token_hash, 'escape') LIKE '%"
                + token.substring(5, 15) + "%'")).isZero();
    }

    @Test
    void a_disabled_user_cannot_sign_in_and_their_tokens_stop() {
        users("yet another long password\n", "add", "--username", "bob", "--role", "admin");
        String token = users("", "token", "--username", "bob").out().strip();
        assertThat(users("", "disable", "bob").code()).isZero();
        var accounts = new Accounts(app.database().jdbi());
        assertThat(accounts.check("bob", "yet another long password")).isEmpty();
        assertThat(accounts.byToken(token)).isEmpty();
    }

    @Test
    void bad_values_are_named() {
        assertThat(users("a sufficiently long password\n", "add", "--username", "x1", "--role", "boss").err())
                .contains("users add: --role 'boss' is not admin, coordinator or viewer");
        assertThat(users("short\n", "add", "--username", "carol", "--role", "viewer").err())
                .contains("users add: a password needs at least 12 characters");
        assertThat(users("a sufficiently long password\n", "add", "--username", "dan", "--role", "coordinator",
                "--district", "Atlantis").err()).contains("users add: unknown district Atlantis");
        assertThat(users("a sufficiently long password\n", "add", "--username", "erin", "--role", "coordinator").err())
                .contains("users add: a coordinator needs at least one --district");
        assertThat(users("", "add", "--username", "fay", "--role", "viewer").err())
                .contains("give the password on standard input");
        assertThat(users("", "token", "--username", "nobody").err()).contains("users token: no enabled user 'nobody'");
        Run bad = users("a sufficiently long password\n", "add", "--username", "Bad Name!", "--role", "viewer");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("username 'Bad Name!' must be");
        assertThat(app.database().count("SELECT count(*) FROM app_user WHERE username IN ('x1','carol','dan','erin','fay')"))
                .isZero();
    }
}
