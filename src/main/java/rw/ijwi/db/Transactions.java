package rw.ijwi.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import rw.ijwi.config.SafeErrors;

/**
 * One plain-JDBC transaction on a pooled connection, for the few hot statements that skip Jdbi (the group commits,
 * a language choice): committed when the work returns, rolled back when it throws, the connection handed back in
 * auto-commit either way.
 */
public final class Transactions {

    /** Work on the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs the work in one transaction; an SQL failure becomes "WHAT failed: reason" (SafeErrors, no values). */
    public static <T> T inOne(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + SafeErrors.describe(e), e);
        }
    }
}
