package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.table.Backup;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * On-demand backups: CreateBackup, DescribeBackup, ListBackups and DeleteBackup (RestoreTableFromBackup is its own
 * class). A backup is a snapshot of the table's immutable metadata and data, kept by the namespace; it is
 * AVAILABLE at once (CreateBackup answers CREATING, as CreateTable answers CREATING for a table that is ACTIVE).
 */
public final class Backups {
    static final String CREATING = "CREATING";
    static final String AVAILABLE = "AVAILABLE";
    static final String DELETED = "DELETED";
    static final List<String> BACKUP_TYPE_FILTERS = List.of("USER", "SYSTEM", "AWS_BACKUP", "ALL");

    private Backups() {
    }

    /** The BackupArn member (1 validation error style): not null, 37..1024 characters. */
    static void backupArn(ValidationErrors v, String member, String arn) {
        if (v.notNull(member, arn)) {
            v.minLength(member, arn, 37);
            v.maxLength(member, arn, 1024);
        }
    }

    /** The backup, or BackupNotFoundException naming the ARN. */
    static Backup require(RequestContext ctx, String arn) {
        Backup b = ctx.namespace().backup(arn);
        if (b == null) {
            throw new DynamoException(ErrorTypes.BACKUP_NOT_FOUND, String.format(Messages.BACKUP_NOT_FOUND, arn), 400);
        }
        return b;
    }

    /** {@code <table ARN>/backup/<13-digit epoch millis>-<8 lowercase hex>}, as the service names backups. */
    static String newArn(String tableArn, Instant now) {
        return tableArn + "/backup/" + String.format("%013d", now.toEpochMilli()) + "-"
            + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    public static final class CreateBackup implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableName = Requests.string(req, "TableName");
            String backupName = Requests.string(req, "BackupName");
            ValidationErrors v = new ValidationErrors();
            v.tableName("tableName", tableName, true);
            // BackupName has TableName's constraints (3..255, [a-zA-Z0-9_.-]+) and the same messages
            v.tableName("backupName", backupName, false);
            v.throwIfAny();
            Table table = Tables.backupSource(ctx, tableName);
            Instant now = ctx.engine().clock().instant();
            Backup b = ctx.namespace().createBackup(table, newArn(table.metadata().arn(), now), backupName, now);
            out.writeStartObject();
            out.writeFieldName("BackupDetails");
            writeDetails(out, b, CREATING);
            out.writeEndObject();
        }
    }

    public static final class DescribeBackup implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "BackupArn");
            ValidationErrors v = new ValidationErrors();
            backupArn(v, "backupArn", arn);
            v.throwIfAny();
            Backup b = require(ctx, arn);
            out.writeStartObject();
            out.writeFieldName("BackupDescription");
            writeDescription(out, b, AVAILABLE);
            out.writeEndObject();
        }
    }

    public static final class DeleteBackup implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "BackupArn");
            ValidationErrors v = new ValidationErrors();
            backupArn(v, "backupArn", arn);
            v.throwIfAny();
            Backup b = ctx.namespace().deleteBackup(arn);
            if (b == null) {
                throw new DynamoException(ErrorTypes.BACKUP_NOT_FOUND, String.format(Messages.BACKUP_NOT_FOUND, arn), 400);
            }
            out.writeStartObject();
            out.writeFieldName("BackupDescription");
            writeDescription(out, b, DELETED);
            out.writeEndObject();
        }
    }

    /**
     * ListBackups: the namespace's backups in creation order, filtered by source table (name or ARN; backups of
     * deleted tables included), creation time (lower bound inclusive, upper exclusive) and type (only USER
     * backups exist: SYSTEM and AWS_BACKUP list none), paged by Limit / ExclusiveStartBackupArn.
     */
    public static final class ListBackups implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableName = Requests.string(req, "TableName");
            Long limit = Requests.integer(req, "Limit");
            Instant lower = timestamp(req, "TimeRangeLowerBound");
            Instant upper = timestamp(req, "TimeRangeUpperBound");
            String start = Requests.string(req, "ExclusiveStartBackupArn");
            String type = Requests.string(req, "BackupType");
            ValidationErrors v = new ValidationErrors();
            if (tableName != null) {
                v.tableName("tableName", tableName, true);
            }
            v.min("limit", limit, 1);
            v.max("limit", limit, 100);
            if (start != null) {
                backupArn(v, "exclusiveStartBackupArn", start);
            }
            v.oneOf("backupType", type, BACKUP_TYPE_FILTERS);
            v.throwIfAny();
            if (lower != null && upper != null && !lower.isBefore(upper)) {
                throw DynamoException.validation("TimeRangeUpperBound must be greater than TimeRangeLowerBound");
            }
            List<Backup> all = ctx.namespace().backups();
            int from = 0;
            if (start != null) {
                from = startAfter(all, start);
            }
            boolean userListed = type == null || "USER".equals(type) || "ALL".equals(type);
            List<Backup> page = new ArrayList<>();
            String lastEvaluated = null;
            for (int i = from; i < all.size() && userListed; i++) {
                Backup b = all.get(i);
                if (!matches(b, tableName, lower, upper)) {
                    continue;
                }
                if (limit != null && page.size() == limit) {
                    lastEvaluated = page.get(page.size() - 1).arn();
                    break;
                }
                page.add(b);
            }
            out.writeStartObject();
            out.writeArrayFieldStart("BackupSummaries");
            for (Backup b : page) {
                writeSummary(out, b);
            }
            out.writeEndArray();
            if (lastEvaluated != null) {
                out.writeStringField("LastEvaluatedBackupArn", lastEvaluated);
            }
            out.writeEndObject();
        }

        private static boolean matches(Backup b, String tableName, Instant lower, Instant upper) {
            if (tableName != null) {
                String wanted = tableName.startsWith("arn:") ? tableName : null;
                if (wanted != null ? !wanted.equals(b.source().arn()) : !tableName.equals(b.source().name())) {
                    return false;
                }
            }
            if (lower != null && b.creationTime().isBefore(lower)) {
                return false;
            }
            return upper == null || b.creationTime().isBefore(upper);
        }

        /**
         * The index to continue from: after the backup with this ARN, or, if it is gone (deleted between pages),
         * after every backup created no later than the epoch millis in its ARN.
         */
        private static int startAfter(List<Backup> all, String arn) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).arn().equals(arn)) {
                    return i + 1;
                }
            }
            long millis = arnMillis(arn);
            int i = 0;
            while (i < all.size() && all.get(i).creationTime().toEpochMilli() <= millis) {
                i++;
            }
            return i;
        }

        private static long arnMillis(String arn) {
            int i = arn.lastIndexOf("/backup/");
            if (i >= 0) {
                String rest = arn.substring(i + "/backup/".length());
                int dash = rest.indexOf('-');
                try {
                    return Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
            throw DynamoException.validation("Invalid ExclusiveStartBackupArn: " + arn);
        }
    }

    /** A timestamp member: epoch seconds, possibly with a fraction, as the JSON protocol sends dates. */
    static Instant timestamp(JsonNode req, String name) {
        return Requests.timestamp(req, name);
    }

    static void writeDetails(JsonGenerator g, Backup b, String status) throws IOException {
        g.writeStartObject();
        g.writeStringField("BackupArn", b.arn());
        g.writeStringField("BackupName", b.name());
        g.writeNumberField("BackupSizeBytes", b.sizeBytes());
        g.writeStringField("BackupStatus", status);
        g.writeStringField("BackupType", b.type());
        g.writeNumberField("BackupCreationDateTime", TableDescriptions.epochSeconds(b.creationTime()));
        g.writeEndObject();
    }

    static void writeSummary(JsonGenerator g, Backup b) throws IOException {
        TableMetadata m = b.source();
        g.writeStartObject();
        g.writeStringField("TableName", m.name());
        g.writeStringField("TableId", m.tableId());
        g.writeStringField("TableArn", m.arn());
        g.writeStringField("BackupArn", b.arn());
        g.writeStringField("BackupName", b.name());
        g.writeNumberField("BackupCreationDateTime", TableDescriptions.epochSeconds(b.creationTime()));
        g.writeStringField("BackupStatus", AVAILABLE);
        g.writeStringField("BackupType", b.type());
        g.writeNumberField("BackupSizeBytes", b.sizeBytes());
        g.writeEndObject();
    }

    /** BackupDescription: BackupDetails, SourceTableDetails and the SourceTableFeatureDetails that apply. */
    static void writeDescription(JsonGenerator g, Backup b, String status) throws IOException {
        TableMetadata m = b.source();
        g.writeStartObject();
        g.writeFieldName("BackupDetails");
        writeDetails(g, b, status);

        g.writeObjectFieldStart("SourceTableDetails");
        g.writeStringField("TableName", m.name());
        g.writeStringField("TableId", m.tableId());
        g.writeStringField("TableArn", m.arn());
        g.writeNumberField("TableSizeBytes", b.data().sizeBytes());
        TableDescriptions.writeKeySchema(g, m.keySchema());
        g.writeNumberField("TableCreationDateTime", TableDescriptions.epochSeconds(m.creationDateTime()));
        writePlainThroughput(g, m.throughput());
        TableDescriptions.writeOnDemandThroughput(g, m.onDemandThroughput());
        g.writeNumberField("ItemCount", b.data().itemCount());
        g.writeStringField("BillingMode", m.billingMode().name());
        g.writeEndObject();

        g.writeObjectFieldStart("SourceTableFeatureDetails");
        if (!m.localSecondaryIndexes().isEmpty()) {
            g.writeArrayFieldStart("LocalSecondaryIndexes");
            for (TableMetadata.IndexDefinition i : m.localSecondaryIndexes()) {
                g.writeStartObject();
                g.writeStringField("IndexName", i.name());
                TableDescriptions.writeKeySchema(g, i.keySchema());
                TableDescriptions.writeProjection(g, i.projection());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!m.globalSecondaryIndexes().isEmpty()) {
            g.writeArrayFieldStart("GlobalSecondaryIndexes");
            for (TableMetadata.IndexDefinition i : m.globalSecondaryIndexes()) {
                g.writeStartObject();
                g.writeStringField("IndexName", i.name());
                TableDescriptions.writeKeySchema(g, i.keySchema());
                TableDescriptions.writeProjection(g, i.projection());
                writePlainThroughput(g, i.throughput());
                TableDescriptions.writeOnDemandThroughput(g, i.onDemandThroughput());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        TableMetadata.StreamSettings s = m.stream();
        if (s != null && s.enabled()) {
            g.writeObjectFieldStart("StreamDescription");
            g.writeBooleanField("StreamEnabled", true);
            g.writeStringField("StreamViewType", s.viewType());
            g.writeEndObject();
        }
        if (m.ttl().attributeName() != null) {
            g.writeObjectFieldStart("TimeToLiveDescription");
            g.writeStringField("TimeToLiveStatus", m.ttl().enabled() ? "ENABLED" : "DISABLED");
            g.writeStringField("AttributeName", m.ttl().attributeName());
            g.writeEndObject();
        }
        TableDescriptions.writeSseDescription(g, m.sse());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The ProvisionedThroughput shape (units only, no increase/decrease bookkeeping). */
    private static void writePlainThroughput(JsonGenerator g, TableMetadata.Throughput t) throws IOException {
        g.writeObjectFieldStart("ProvisionedThroughput");
        g.writeNumberField("ReadCapacityUnits", t.readCapacityUnits());
        g.writeNumberField("WriteCapacityUnits", t.writeCapacityUnits());
        g.writeEndObject();
    }
}
