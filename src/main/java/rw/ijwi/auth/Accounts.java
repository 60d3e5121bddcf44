package rw.ijwi.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/**
 * Who is who: signs people in and out, checks API tokens, creates users and tokens. Session ids, tokens and
 * setup links are random and stored only as SHA-256 hashes.
 */
public final class Accounts {

    /** A new session: the cookie value (shown once, to the browser) and its CSRF token. */
    public record NewSession(String id, String csrfToken) {
    }

    /** A live session's user and CSRF token. */
    public record Session(User user, String csrfToken) {
    }

    private static final String SETUP_USED = "this setup link has expired or was already used";

    private final Jdbi jdbi;
    private final UserDao users;

    public Accounts(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.users = jdbi.onDemand(UserDao.class);
    }

    public UserDao dao() {
        return users;
    }

    /** The user if the password is right and the account enabled; spends the same time either way. */
    public Optional<User> check(String username, String password) {
        Optional<UserDao.Account> account = users.account(username == null ? "" : username.strip().toLowerCase());
        if (account.isEmpty()) {
            Passwords.spendTheSameTime(password == null ? "" : password);
            return Optional.empty();
        }
        boolean ok = Passwords.matches(password == null ? "" : password, account.get().passwordHash());
        return ok && !account.get().disabled() ? Optional.of(user(account.get().id(), account.get().username(),
                account.get().role())) : Optional.empty();
    }

    public NewSession startSession(User user) {
        String id = RandomSecrets.random(32);
        String csrf = RandomSecrets.random(24);
        users.addSession(RandomSecrets.sha256(id), user.id(), csrf);
        return new NewSession(id, csrf);
    }

    public Optional<Session> session(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        return users.session(RandomSecrets.sha256(id)).map(row ->
                new Session(user(row.id(), row.username(), row.role()), row.csrfToken()));
    }

    public void endSession(String id) {
        if (id != null) {
            users.endSession(RandomSecrets.sha256(id));
        }
    }

    public Optional<User> byToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return users.byToken(RandomSecrets.sha256(token)).map(a -> user(a.id(), a.username(), a.role()));
    }

    /** Creates a user; the message of the exception names what is wrong. */
    public long add(String username, String password, Role role, List<String> districts) {
        String name = checked(username, password, role, districts);
        return users.add(name, Passwords.hash(password), role, districts);
    }

    /** The username as stored, once the new user's name, password, role and districts are acceptable. */
    private String checked(String username, String password, Role role, List<String> districts) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,39}")) {
            throw new IllegalArgumentException("username '" + username + "' must be 2-40 of a-z 0-9 . _ - "
                    + "starting with a letter or digit");
        }
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw new IllegalArgumentException(weakness);
        }
        if (role == Role.COORDINATOR && districts.isEmpty()) {
            throw new IllegalArgumentException("a coordinator needs at least one --district");
        }
        if (role != Role.COORDINATOR && !districts.isEmpty()) {
            throw new IllegalArgumentException("only coordinators have districts");
        }
        if (users.account(name).isPresent()) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
        return name;
    }

    /** A new API token for the user; only its hash is kept. */
    public String newToken(String username) {
        UserDao.Account account = users.account(username == null ? "" : username.strip().toLowerCase())
                .filter(a -> !a.disabled())
                .orElseThrow(() -> new IllegalArgumentException("no enabled user '" + username + "'"));
        String token = "ijwi_" + RandomSecrets.random(30);
        users.addToken(RandomSecrets.sha256(token), account.id());
        return token;
    }

    /** Disables the user and ends their sessions and tokens at once. */
    public void disable(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (users.disable(name) != 1) {
            throw new IllegalArgumentException("no user '" + username + "'");
        }
        users.endSessions(name);
        users.revokeTokens(name);
    }

    /** At first start with no users: a one-time link to create the first admin, or empty when users exist. */
    public Optional<String> setupTokenIfNoUsers() {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String token = RandomSecrets.random(24);
        users.addSetupToken(RandomSecrets.sha256(token));
        return Optional.of(token);
    }

    public boolean setupTokenValid(String token) {
        return token != null && token.length() < 100 && users.count() == 0
                && users.setupTokenValid(RandomSecrets.sha256(token)) > 0;
    }

    /**
     * Creates the first admin with the setup token, which is used up in the same transaction: of parallel
     * posts with the link, one creates an admin and the others are refused.
     */
    public User completeSetup(String token, String username, String password) {
        if (!setupTokenValid(token)) {
            throw new IllegalArgumentException(SETUP_USED);
        }
        String name = checked(username, password, Role.ADMIN, List.of());
        String hash = Passwords.hash(password);
        long id = jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            if (!dao.useSetupToken(RandomSecrets.sha256(token))) {
                throw new IllegalArgumentException(SETUP_USED);
            }
            return dao.add(name, hash, Role.ADMIN, List.of());
        });
        return user(id, name, "admin");
    }


    private User user(long id, String username, String role) {
        return new User(id, username, Role.of(role).orElseThrow(), new HashSet<>(users.districts(id)));
    }
}
