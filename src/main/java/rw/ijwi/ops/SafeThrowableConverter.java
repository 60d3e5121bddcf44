package rw.ijwi.ops;

import java.sql.SQLException;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * Prints an exception a library logs (the pool, Jetty) as its classes, SQLStates and frames, never its messages:
 * a driver's or Jdbi's message may quote a statement's bound values (an SMS, a number's hash). Our own code logs
 * through SafeErrors; this covers everyone else. Used by logback.xml as %safeEx.
 */
public final class SafeThrowableConverter extends ThrowableHandlingConverter {

    static final int FRAMES = 12;

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        if (proxy == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int depth = 0; proxy != null && depth < 6; depth++, proxy = proxy.getCause()) {
            out.append(depth == 0 ? "" : "Caused by: ").append(proxy.getClassName());
            if (proxy instanceof ThrowableProxy real && real.getThrowable() instanceof SQLException sql
                    && sql.getSQLState() != null) {
                out.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            out.append(" (message left out)\n");
            StackTraceElementProxy[] frames = proxy.getStackTraceElementProxyArray();
            for (int i = 0; i < frames.length && i < FRAMES; i++) {
                out.append("\tat ").append(frames[i].getStackTraceElement()).append('\n');
            }
        }
        return out.toString();
    }
}
