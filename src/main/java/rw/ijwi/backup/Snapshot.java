package rw.ijwi.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.flywaydb.core.api.MigrationVersion;

/**
 * What a backup holds and how to read it from the catalogue: the tables of Ijwi's schema in an order that loads
 * without breaking a foreign key, their stored columns, the sequences and the schema version. Only SQL, no I/O.
 */
final class Snapshot {

    static final String HISTORY = "flyway_schema_history";

    private Snapshot() {
    }

    record Table(String name, List<String> columns) {
        String copyTarget() {
            return quote(name) + " (" + String.join(", ", columns.stream().map(Snapshot::quote).toList()) + ")";
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Every table but Flyway's, parents before children, each with its stored (not generated) columns. */
    static List<Table> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'
                ORDER BY c.relname""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        Map<String, Set<String>> parents = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                SELECT child.relname, parent.relname
                FROM pg_constraint f
                JOIN pg_class child ON child.oid = f.conrelid
                JOIN pg_class parent ON parent.oid = f.confrelid
                JOIN pg_namespace n ON n.oid = child.relnamespace
                WHERE f.contype = 'f' AND n.nspname = current_schema() AND f.conrelid <> f.confrelid""")) {
            while (rs.next()) {
                parents.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
            }
        }
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        for (String name : names) {
            visit(name, parents, ordered, new LinkedHashSet<>());
        }
        List<Table> tables = new ArrayList<>();
        for (String name : ordered) {
            tables.add(new Table(name, columns(c, name)));
        }
        return tables;
    }

    private static void visit(String name, Map<String, Set<String>> parents, Set<String> done, Set<String> path) {
        if (done.contains(name)) {
            return;
        }
        if (!path.add(name)) {
            throw new BackupError("tables " + path + " refer to each other in a circle: no load order exists");
        }
        for (String parent : parents.getOrDefault(name, Set.of())) {
            visit(parent, parents, done, path);
        }
        done.add(name);
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var statement = c.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
                  AND a.attgenerated = ''
                ORDER BY a.attnum""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** The schema's sequences (identity columns' included) with their current value and is_called. */
    static Map<String, long[]> sequences(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY 1""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        Map<String, long[]> values = new TreeMap<>();
        for (String name : names) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT last_value, is_called FROM " + quote(name))) {
                rs.next();
                values.put(name, new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0});
            }
        }
        return values;
    }

    /** The highest schema version Flyway applied, or empty when the database was never migrated. */
    static java.util.Optional<String> schemaVersion(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT to_regclass(current_schema() || '." + HISTORY + "') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return java.util.Optional.empty();
            }
        }
        MigrationVersion highest = null;
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT version FROM " + HISTORY + " WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (highest == null || v.compareTo(highest) > 0) {
                    highest = v;
                }
            }
        }
        return java.util.Optional.ofNullable(highest).map(MigrationVersion::getVersion);
    }
}
