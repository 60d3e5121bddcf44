package rw.ijwi.simulator;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import rw.ijwi.auth.User;
import rw.ijwi.ussd.FilingCheck;

/**
 * Who drives each simulated USSD session, so the filing path can keep a simulated report inside its user's
 * districts (an admin's anywhere). The simulator's hops reach the webhook over loopback on this very server, so
 * the session was noted here a moment before it is asked about. A "sim-" session noted nowhere (a forged one, or
 * one idle for longer than AT keeps a session) files nothing.
 */
public final class SimulatorSessions implements FilingCheck {

    /** Every simulated session id starts so (and V29 marks its reports 'simulator'); AT's never do. */
    public static final String PREFIX = "sim-";

    private final Cache<String, User> drivers = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(30)).build();
    private final Cache<String, String> refused = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    /** The session id the webhook sees for a user's browser session, noted as driven by the user. */
    String begin(User user, String browserSession) {
        String session = prefixOf(user) + browserSession;
        drivers.put(session, user);
        return session;
    }

    /** The start of every session id of this user's simulator. */
    static String prefixOf(User user) {
        return PREFIX + user.id() + "-";
    }

    @Override
    public boolean allows(String sessionId, String district) {
        if (!sessionId.startsWith(PREFIX)) {
            return true;
        }
        User user = drivers.getIfPresent(sessionId);
        if (user != null && user.covers(district)) {
            return true;
        }
        refused.put(sessionId, district);
        return false;
    }

    /** The district a session's report was refused in just now, once; null when nothing was refused. */
    String takeRefusal(String sessionId) {
        String district = refused.getIfPresent(sessionId);
        refused.invalidate(sessionId);
        return district;
    }
}
