package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.table.Backup;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * RestoreTableFromBackup: a new table (new TableId, the target name's ARN, fresh capacity) with the backup's key
 * schema, indexes and items. Stream, TTL, tags and deletion protection are not carried over (the service says
 * they must be set up again on the restored table). Billing mode, provisioned throughput, on-demand maximums,
 * SSE and the index lists can be overridden; an index override may only keep or drop (and re-project or
 * re-provision) indexes of the backup. Answers the TableDescription with status CREATING and a RestoreSummary in
 * progress; the table is ACTIVE, with the restore done, from then on.
 */
public final class RestoreTableFromBackup implements Action {
    static final String INDEX_NOT_IN_BACKUP = CreateTable.INVALID + "%s %s is not an index of the %s";
    static final String INDEX_KEY_CHANGED = CreateTable.INVALID + "The KeySchema of index %s must be the one of the backup";

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String target = Requests.string(req, "TargetTableName");
        String backupArn = Requests.string(req, "BackupArn");
        ValidationErrors v = new ValidationErrors();
        v.tableName("targetTableName", target, false);
        Backups.backupArn(v, "backupArn", backupArn);
        validateOverrides(v, req);
        v.throwIfAny();
        Backup backup = Backups.require(ctx, backupArn);
        restore(ctx, req, target, backup.source(), backup.data(), backup.arn(), "backup " + backup.arn(), out);
    }

    /** The override members' own constraints (BillingModeOverride, ProvisionedThroughputOverride). */
    static void validateOverrides(ValidationErrors v, JsonNode req) {
        v.oneOf("billingModeOverride", Requests.string(req, "BillingModeOverride"), List.of("PROVISIONED", "PAY_PER_REQUEST"));
        JsonNode pt = Requests.object(req, "ProvisionedThroughputOverride");
        if (pt != null) {
            v.min("provisionedThroughputOverride.readCapacityUnits", Requests.integer(pt, "ReadCapacityUnits"), 1);
            v.min("provisionedThroughputOverride.writeCapacityUnits", Requests.integer(pt, "WriteCapacityUnits"), 1);
        }
    }

    /**
     * Creates {@code target} from {@code source}'s metadata and {@code data} with the request's overrides and answers
     * its TableDescription (CREATING, RestoreSummary in progress). {@code sourceBackupArn} is null for a
     * point-in-time restore; {@code of} names the source in messages ("backup ARN", "table ARN").
     */
    static void restore(RequestContext ctx, JsonNode req, String target, TableMetadata source, TableData data,
                        String sourceBackupArn, String of, JsonGenerator out) throws IOException {
        String billing = Requests.string(req, "BillingModeOverride");
        JsonNode pt = Requests.object(req, "ProvisionedThroughputOverride");
        JsonNode gsiOverride = Requests.array(req, "GlobalSecondaryIndexOverride");
        JsonNode lsiOverride = Requests.array(req, "LocalSecondaryIndexOverride");
        JsonNode sse = Requests.object(req, "SSESpecificationOverride");
        if (ctx.namespace().find(target) != null) {
            throw new DynamoException(ErrorTypes.TABLE_ALREADY_EXISTS, String.format(Messages.TABLE_ALREADY_EXISTS, target), 400);
        }
        Instant now = ctx.engine().clock().instant();
        String arn = ctx.namespace().tableArn(target);

        TableMetadata.BillingMode mode = billing == null ? source.billingMode() : TableMetadata.BillingMode.valueOf(billing);
        TableMetadata.Throughput throughput = TableMetadata.Throughput.ZERO;
        if (mode == TableMetadata.BillingMode.PROVISIONED) {
            if (pt != null) {
                Long read = Requests.integer(pt, "ReadCapacityUnits");
                Long write = Requests.integer(pt, "WriteCapacityUnits");
                if (read == null || write == null) {
                    throw DynamoException.validation(CreateTable.INVALID
                        + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
                }
                throughput = new TableMetadata.Throughput(read, write, null, null, 0);
            } else if (source.billingMode() == TableMetadata.BillingMode.PROVISIONED) {
                throughput = fresh(source.throughput());
            } else {
                throw DynamoException.validation(CreateTable.INVALID
                    + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
        } else if (pt != null) {
            throw DynamoException.validation(CreateTable.INVALID
                + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }

        Map<String, AttrType> defs = source.attributeDefinitions();
        List<TableMetadata.IndexDefinition> lsis = lsiOverride != null
            ? overridden(lsiOverride, defs, arn, source.keySchema(), mode, source.localSecondaryIndexes(), "LocalSecondaryIndex", of)
            : carried(source.localSecondaryIndexes(), arn, mode, throughput, true);
        List<TableMetadata.IndexDefinition> gsis = gsiOverride != null
            ? overridden(gsiOverride, defs, arn, null, mode, source.globalSecondaryIndexes(), "GlobalSecondaryIndex", of)
            : carried(source.globalSecondaryIndexes(), arn, mode, throughput, false);

        TableMetadata.Builder b = source.toBuilder();
        b.name = target;
        b.arn = arn;
        b.tableId = UUID.randomUUID().toString();
        b.creationDateTime = now;
        b.attributeDefinitions = usedDefinitions(defs, source.keySchema(), lsis, gsis);
        b.billingMode = mode;
        b.billingModeLastUpdate = mode == TableMetadata.BillingMode.PAY_PER_REQUEST ? now : null;
        b.throughput = throughput;
        b.onDemandThroughput = CreateTable.onDemandThroughput(Requests.object(req, "OnDemandThroughputOverride"),
            source.onDemandThroughput());
        b.localSecondaryIndexes = lsis;
        b.globalSecondaryIndexes = gsis;
        b.stream = null;
        b.ttl = TableMetadata.TtlSettings.DISABLED;
        b.tags = Map.of();
        b.deletionProtection = false;
        // like streams, TTL and tags, these are settings of the source table the service does not restore
        b.pitr = TableMetadata.PitrSettings.DISABLED;
        b.contributorInsights = Map.of();
        b.resourcePolicies = Map.of();
        if (sse != null) {
            Boolean enabled = Requests.bool(sse, "Enabled");
            if (Boolean.TRUE.equals(enabled)) {
                String kms = Requests.string(sse, "KMSMasterKeyId");
                b.sse = new TableMetadata.SseSettings(true, "KMS", kms != null && kms.startsWith("arn:") ? kms
                    : "arn:aws:kms:" + ctx.region() + ":000000000000:key/" + (kms == null ? "dynamotest" : kms));
            } else {
                b.sse = null;
            }
        }
        b.restoreSummary = new TableMetadata.RestoreSummary(sourceBackupArn, source.arn(), now);
        Table table = ctx.namespace().createWithData(b.build(), data);
        ctx.engine().streams().syncWith(ctx.namespaceId(), table.metadata(), now);
        out.writeStartObject();
        out.writeFieldName("TableDescription");
        TableDescriptions.write(out, table, "CREATING");
        out.writeEndObject();
    }

    private static TableMetadata.Throughput fresh(TableMetadata.Throughput t) {
        return new TableMetadata.Throughput(t.readCapacityUnits(), t.writeCapacityUnits(), null, null, 0);
    }

    /**
     * The backup's indexes under the new table's ARN. GSIs follow the table's billing mode: none on demand; when
     * switched to provisioned, a GSI that had none gets the table's throughput.
     */
    private static List<TableMetadata.IndexDefinition> carried(List<TableMetadata.IndexDefinition> indexes, String tableArn,
                                                              TableMetadata.BillingMode mode, TableMetadata.Throughput table,
                                                              boolean local) {
        List<TableMetadata.IndexDefinition> out = new ArrayList<>();
        for (TableMetadata.IndexDefinition i : indexes) {
            TableMetadata.Throughput t = i.throughput();
            if (local || mode == TableMetadata.BillingMode.PAY_PER_REQUEST) {
                t = TableMetadata.Throughput.ZERO;
            } else if (t.readCapacityUnits() == 0 && t.writeCapacityUnits() == 0) {
                t = table;
            }
            out.add(new TableMetadata.IndexDefinition(i.name(), tableArn + "/index/" + i.name(), i.keySchema(), i.projection(),
                fresh(t), i.onDemandThroughput(), "ACTIVE", i.warmThroughput()));
        }
        return out;
    }

    /** An index override: parsed as CreateTable parses indexes, each one an index of the backup with its key schema. */
    private static List<TableMetadata.IndexDefinition> overridden(JsonNode list, Map<String, AttrType> defs, String tableArn,
                                                                 KeySchema tableKey, TableMetadata.BillingMode mode,
                                                                 List<TableMetadata.IndexDefinition> inBackup, String kind,
                                                                 String of) {
        if (list.size() == 0) {
            return List.of(); // every index dropped
        }
        List<TableMetadata.IndexDefinition> parsed = CreateTable.indexes(list, defs, tableArn, tableKey, mode);
        for (TableMetadata.IndexDefinition i : parsed) {
            TableMetadata.IndexDefinition original = null;
            for (TableMetadata.IndexDefinition o : inBackup) {
                if (o.name().equals(i.name())) {
                    original = o;
                }
            }
            if (original == null) {
                throw DynamoException.validation(String.format(INDEX_NOT_IN_BACKUP, kind, i.name(), of));
            }
            if (!original.keySchema().equals(i.keySchema())) {
                throw DynamoException.validation(String.format(INDEX_KEY_CHANGED, i.name()));
            }
        }
        return parsed;
    }

    /** The backup's attribute definitions that some key of the restored table or its indexes still uses. */
    private static Map<String, AttrType> usedDefinitions(Map<String, AttrType> defs, KeySchema key,
                                                         List<TableMetadata.IndexDefinition> lsis,
                                                         List<TableMetadata.IndexDefinition> gsis) {
        Set<String> used = new LinkedHashSet<>();
        addKey(used, key);
        lsis.forEach(i -> addKey(used, i.keySchema()));
        gsis.forEach(i -> addKey(used, i.keySchema()));
        Map<String, AttrType> out = new LinkedHashMap<>();
        defs.forEach((n, t) -> {
            if (used.contains(n)) {
                out.put(n, t);
            }
        });
        return out;
    }

    private static void addKey(Set<String> used, KeySchema k) {
        for (KeyAttribute a : k.attributes()) {
            used.add(a.name());
        }
    }
}
