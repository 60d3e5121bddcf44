package rw.ijwi.auth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows password guessing: after 5 failed logins for a username within 15 minutes, further attempts for it are
 * refused until the window passes. After 20 failures from one address, its wrong guesses are answered "too many
 * attempts", but the right password still signs in: many people may share one address (an office behind NAT),
 * and one of them guessing must not lock out the rest. Per instance (in memory); a success clears the user.
 */
public final class LoginThrottle {

    static final int PER_USER = 5;
    static final int PER_ADDRESS = 20;

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15))
            .maximumSize(100_000)
            .build();

    /** Refused whatever the password: too many recent failures for this username. */
    public boolean userLocked(String username) {
        return count("u:" + username) >= PER_USER;
    }

    /** Too many recent failures from this address: a wrong password gets "too many attempts", a right one in. */
    public boolean addressLimited(String address) {
        return count("a:" + address) >= PER_ADDRESS;
    }

    public void failed(String username, String address) {
        failures.get("u:" + username, k -> new AtomicInteger()).incrementAndGet();
        failures.get("a:" + address, k -> new AtomicInteger()).incrementAndGet();
    }

    public void succeeded(String username) {
        failures.invalidate("u:" + username);
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }
}
