package rw.ijwi.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Password hashing with argon2id (password4j); the rules a new password must meet. */
public final class Passwords {

    /** OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane. */
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** A real hash to check against when the user does not exist, so timing does not reveal usernames. */
    private static final String DUMMY = hash("not a real password at all");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        return Password.check(password, hash).with(ARGON2);
    }

    static void spendTheSameTime(String password) {
        matches(password, DUMMY);
    }

    /** Why the password is not acceptable, or null when it is. */
    public static String weakness(String password) {
        if (password == null || password.length() < 12) {
            return "a password needs at least 12 characters";
        }
        if (password.length() > 200) {
            return "a password has at most 200 characters";
        }
        return null;
    }
}
