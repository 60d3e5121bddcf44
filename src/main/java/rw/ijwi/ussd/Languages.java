package rw.ijwi.ussd;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import rw.ijwi.db.Transactions;

/**
 * The language each (hashed) number chose, read on a session's first hop: recent callers' choices are kept in
 * memory beside the session cache, so a caller's next session opens without a database round trip, and a miss
 * is one plain JDBC statement (a SqlObject call cost three times its CPU in the profile).
 *
 * Several instances: each keeps its own memory, filled by what it read or wrote. A caller who changes language
 * on instance B may see the first screen of a session on instance A in the former language for at most
 * {@link #REMEMBERED} (the entry's life); the session's own text decides everything after that screen, so no
 * answer or report depends on it. A change is stored without waiting for the WAL flush: a crash may lose
 * a language choice (the next session opens in the former language), never a report.
 */
public final class Languages {

    /** How long an instance trusts what it remembers of a caller's language. */
    public static final Duration REMEMBERED = Duration.ofMinutes(10);
    /** A number that chose nothing: remembered too, so that a new caller's second session needs no lookup. */
    private static final String NONE = "";

    private final DataSource dataSource;
    private final Cache<Key, String> recent;

    public Languages(DataSource dataSource, int maximumCallers) {
        this.dataSource = dataSource;
        this.recent = Caffeine.newBuilder().maximumSize(maximumCallers).expireAfterWrite(REMEMBERED).build();
    }

    /** The language the number chose, if any. */
    public Optional<String> of(byte[] phoneHash) {
        Key key = new Key(phoneHash);
        String known = recent.getIfPresent(key);
        if (known == null) {
            known = read(phoneHash).orElse(NONE);
            recent.put(key, known);
        }
        return known.isEmpty() ? Optional.empty() : Optional.of(known);
    }

    /** Stores the number's choice (committed without waiting for the flush) and remembers it. */
    public void remember(byte[] phoneHash, String language) {
        Transactions.inOne(dataSource, "storing a language choice", c -> {
            try (Statement lazy = c.createStatement();
                    PreparedStatement upsert = c.prepareStatement("""
                            INSERT INTO phone_preference (phone_hash, language) VALUES (?, ?)
                            ON CONFLICT (phone_hash) DO UPDATE SET language = excluded.language, updated_at = now()""")) {
                lazy.execute("SET LOCAL synchronous_commit = off");
                upsert.setBytes(1, phoneHash);
                upsert.setString(2, language);
                return upsert.executeUpdate();
            }
        });
        recent.put(new Key(phoneHash), language);
    }

    private Optional<String> read(byte[] phoneHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT language FROM phone_preference WHERE phone_hash = ?")) {
            select.setBytes(1, phoneHash);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a language choice failed", e);
        }
    }

    /** A hash as a map key (arrays compare by identity). */
    private record Key(byte[] hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Arrays.equals(hash, k.hash);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(hash);
        }
    }
}
