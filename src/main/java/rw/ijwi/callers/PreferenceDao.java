package rw.ijwi.callers;

import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What a number chose for itself, kept by its hash (phone_preference): today its language. USSD writes it when the
 * caller picks a language; SMS reads it to answer words that carry none. Knows no channel.
 */
public interface PreferenceDao {

    @SqlQuery("SELECT language FROM phone_preference WHERE phone_hash = :hash")
    Optional<String> language(@Bind("hash") byte[] phoneHash);

    @SqlUpdate("""
            INSERT INTO phone_preference (phone_hash, language) VALUES (:hash, :language)
            ON CONFLICT (phone_hash) DO UPDATE SET language = excluded.language, updated_at = now()""")
    void rememberLanguage(@Bind("hash") byte[] phoneHash, @Bind("language") String language);
}
