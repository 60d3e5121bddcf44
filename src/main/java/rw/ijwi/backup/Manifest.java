package rw.ijwi.backup;

import java.util.List;

/**
 * What a backup holds, written at its end: the schema version it needs, when it was taken, and each table's row
 * count and SHA-256 of its COPY data, which restore checks the loaded tables against.
 */
public record Manifest(String schemaVersion, String takenAt, List<TableCount> tables) {

    public record TableCount(String name, long rows, String sha256) {
    }

    public long rows() {
        return tables.stream().mapToLong(TableCount::rows).sum();
    }

    public long rows(String table) {
        return tables.stream().filter(t -> t.name().equals(table)).mapToLong(TableCount::rows).sum();
    }
}
