package rw.ijwi.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Properties;

import rw.ijwi.config.Config;

/** Turns a failed connection to IJWI_DATABASE_URL into one line: the setting, host, port and the plain cause. */
final class Unreachable {

    private Unreachable() {
    }

    static Config.BadSetting describe(String url, String user, Throwable failure) {
        Properties parsed = org.postgresql.Driver.parseURL(url, null);
        String host = parsed == null ? "?" : parsed.getProperty("PGHOST", "localhost");
        String port = parsed == null ? "?" : parsed.getProperty("PGPORT", "5432");
        String database = parsed == null ? "?" : parsed.getProperty("PGDBNAME", "");
        return new Config.BadSetting("IJWI_DATABASE_URL", url.replaceAll("\\?.*", ""),
                "cannot connect to " + host + ":" + port + ": " + cause(failure, database, user));
    }

    private static String cause(Throwable failure, String database, String user) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer (timed out)";
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "3D000":
                        return "unknown database \"" + database + "\"";
                    case "28P01":
                        return "password authentication failed for user \"" + user + "\" (IJWI_DATABASE_USER, "
                                + "IJWI_DATABASE_PASSWORD)";
                    case "28000":
                        return "the server refuses user \"" + user + "\" from this address (pg_hba.conf)";
                    case "53300":
                        return "too many connections";
                    case "57P03":
                        return "the server is starting up or shutting down";
                    default:
                        if (!sql.getSQLState().startsWith("08")) {
                            return "refused (SQLState " + sql.getSQLState() + ")";
                        }
                }
            }
        }
        return "no connection within 3 s (" + failure.getClass().getSimpleName() + ")";
    }
}
