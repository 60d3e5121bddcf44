package rw.ijwi.auth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows password guessing: after 5 failed logins for a username, or 20 from an address, within 15 minutes,
 * further attempts are refused until the window passes. Per instance (in memory); a success clears the user.
 */
public final class LoginThrottle {

    static final int PER_USER = 5;
    static final int PER_ADDRESS = 20;

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15))
            .maximumSize(100_000)
            .build();

    public boolean blocked(String username, String address) {
        return count("u:" + username) >= PER_USER || count("a:" + address) >= PER_ADDRESS;
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
