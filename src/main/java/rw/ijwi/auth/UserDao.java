package rw.ijwi.auth;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Users, their districts, API tokens, sessions and the first-start setup token. */
public interface UserDao {

    /** A stored user row, with the password hash, for login. */
    record Account(long id, String username, String passwordHash, String role, boolean disabled) {
    }

    @SqlQuery("SELECT id, username, password_hash, role, disabled FROM app_user WHERE username = :username")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Account.class)
    Optional<Account> account(@Bind("username") String username);

    @SqlQuery("SELECT id, username, password_hash, role, disabled FROM app_user ORDER BY username")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Account.class)
    List<Account> accounts();

    @SqlQuery("""
            SELECT d.name FROM user_district ud JOIN district d ON d.id = ud.district_id
            WHERE ud.user_id = :userId ORDER BY d.name""")
    List<String> districts(@Bind("userId") long userId);

    @SqlQuery("SELECT count(*) FROM app_user")
    long count();

    @SqlUpdate("INSERT INTO app_user (username, password_hash, role) VALUES (:username, :hash, :role)")
    @GetGeneratedKeys("id")
    long insert(@Bind("username") String username, @Bind("hash") String passwordHash, @Bind("role") String role);

    @SqlUpdate("INSERT INTO user_district (user_id, district_id) SELECT :userId, id FROM district WHERE name = :district")
    int addDistrict(@Bind("userId") long userId, @Bind("district") String district);

    /** Adds a user and their districts in one transaction; returns the new id. */
    @Transaction
    default long add(String username, String passwordHash, Role role, List<String> districts) {
        long id = insert(username, passwordHash, role.code());
        for (String district : districts) {
            if (addDistrict(id, district) != 1) {
                throw new IllegalArgumentException("unknown district " + district);
            }
        }
        return id;
    }

    @SqlUpdate("UPDATE app_user SET disabled = true WHERE username = :username")
    int disable(@Bind("username") String username);

    @SqlUpdate("DELETE FROM web_session WHERE user_id = (SELECT id FROM app_user WHERE username = :username)")
    int endSessions(@Bind("username") String username);

    @SqlUpdate("DELETE FROM api_token WHERE user_id = (SELECT id FROM app_user WHERE username = :username)")
    int revokeTokens(@Bind("username") String username);

    @SqlUpdate("INSERT INTO api_token (token_hash, user_id) VALUES (:hash, :userId)")
    void addToken(@Bind("hash") byte[] tokenHash, @Bind("userId") long userId);

    @SqlQuery("""
            UPDATE api_token t SET last_used = now() FROM app_user u
            WHERE t.token_hash = :hash AND u.id = t.user_id AND NOT u.disabled
            RETURNING u.id, u.username, u.password_hash, u.role, u.disabled""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Account.class)
    Optional<Account> byToken(@Bind("hash") byte[] tokenHash);

    @SqlUpdate("""
            INSERT INTO web_session (id_hash, user_id, csrf_token, expires_at)
            VALUES (:hash, :userId, :csrf, now() + interval '12 hours')""")
    void addSession(@Bind("hash") byte[] idHash, @Bind("userId") long userId, @Bind("csrf") String csrf);

    /** The session's account and CSRF token if the session is live (12 h at most, 2 h idle); touches it. */
    @SqlQuery("""
            UPDATE web_session s SET last_seen = now() FROM app_user u
            WHERE s.id_hash = :hash AND u.id = s.user_id AND NOT u.disabled
              AND s.expires_at > now() AND s.last_seen > now() - interval '2 hours'
            RETURNING u.id, u.username, u.password_hash, u.role, u.disabled, s.csrf_token""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(SessionRow.class)
    Optional<SessionRow> session(@Bind("hash") byte[] idHash);

    /** A live session: its user and the CSRF token its forms must carry. */
    record SessionRow(long id, String username, String passwordHash, String role, boolean disabled, String csrfToken) {
    }

    @SqlUpdate("DELETE FROM web_session WHERE id_hash = :hash")
    void endSession(@Bind("hash") byte[] idHash);

    @SqlUpdate("DELETE FROM web_session WHERE expires_at < now() OR last_seen < now() - interval '2 hours'")
    int endStaleSessions();

    @SqlUpdate("INSERT INTO setup_token (token_hash, expires_at) VALUES (:hash, now() + interval '24 hours')")
    void addSetupToken(@Bind("hash") byte[] tokenHash);

    /**
     * Uses the setup link up: when this token is live, every setup token goes (a second instance may have
     * printed its own) and true is returned. Of posts racing with any tokens, the first to commit wins; the
     * others wait on its row locks and then find nothing to delete.
     */
    @SqlQuery("""
            WITH used AS (
                DELETE FROM setup_token
                WHERE EXISTS (SELECT 1 FROM setup_token t WHERE t.token_hash = :hash AND t.expires_at > now())
                RETURNING token_hash, expires_at)
            SELECT count(*) > 0 FROM used WHERE token_hash = :hash AND expires_at > now()""")
    boolean useSetupToken(@Bind("hash") byte[] tokenHash);

    @SqlQuery("SELECT count(*) FROM setup_token WHERE token_hash = :hash AND expires_at > now()")
    long setupTokenValid(@Bind("hash") byte[] tokenHash);

    @SqlUpdate("UPDATE app_user SET password_hash = :hash WHERE username = :username")
    int setPassword(@Bind("username") String username, @Bind("hash") String passwordHash);
}
