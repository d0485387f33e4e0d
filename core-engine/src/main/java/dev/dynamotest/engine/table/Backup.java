package dev.dynamotest.engine.table;

import java.time.Instant;

/**
 * An on-demand backup (CreateBackup): the source table's metadata and data at the moment of the request. Both are
 * immutable values, so a backup is two references and costs O(1); it outlives the source table.
 *
 * @param arn          {@code <table ARN>/backup/<epoch millis>-<8 hex>}
 * @param name         the BackupName given
 * @param type         USER for on-demand backups
 * @param creationTime the request time on the engine clock
 * @param source       the source table's metadata at backup time (name, ARN, id, key schema, indexes, ...)
 * @param data         the source table's items and index entries at backup time
 */
public record Backup(String arn, String name, String type, Instant creationTime, TableMetadata source, TableData data) {
    public static final String USER = "USER";

    public long sizeBytes() {
        return data.sizeBytes();
    }
}
