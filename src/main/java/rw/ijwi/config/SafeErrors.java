package rw.ijwi.config;

import java.sql.SQLException;

/**
 * Describes a failure for the log without its messages: database errors carry the bound values of the
 * statement (a comment, a phone hash) in their message, and nothing personal may reach a log line.
 */
public final class SafeErrors {

    private SafeErrors() {
    }

    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable current = error;
        for (int depth = 0; current != null && depth < 6; depth++, current = current.getCause()) {
            if (depth > 0) {
                out.append(" <- ");
            }
            out.append(current.getClass().getName());
            if (current instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            StackTraceElement[] frames = current.getStackTrace();
            for (StackTraceElement frame : frames) {
                if (frame.getClassName().startsWith("rw.ijwi.")) {
                    out.append(" at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                            .append(':').append(frame.getLineNumber());
                    break;
                }
            }
        }
        return out.toString();
    }
}
