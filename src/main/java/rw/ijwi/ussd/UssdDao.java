package rw.ijwi.ussd;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import rw.ijwi.callers.PreferenceDao;

/**
 * What USSD keeps between hops and sessions: the clean-up of free-text boundaries (FreeTextSpans reads and writes
 * them), end-of-session events, and (through PreferenceDao, which owns that table) the language a number chose.
 */
public interface UssdDao extends PreferenceDao {

    @SqlUpdate("DELETE FROM ussd_free_text WHERE created_at < now() - interval '1 day'")
    int forgetOldFreeText();

    /** Stores an end-of-session notification once; a repeated one changes nothing. Returns rows inserted. */
    @SqlUpdate("""
            INSERT INTO ussd_session (session_id, status, service_code, network_code, hops, duration_ms, cost, error,
                                      last_screen, ended_at, error_altered)
            VALUES (:e.sessionId, :e.status, :e.serviceCode, :e.networkCode, :e.hops, :e.durationMs, :e.cost,
                    :e.error, :lastScreen, :e.endedAt, :e.errorAltered)
            ON CONFLICT (session_id) DO NOTHING""")
    int recordEnd(@BindMethods("e") UssdSessionEnd end, @Bind("lastScreen") String lastScreen);
}
