package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateTable: billing mode, provisioned throughput (with the increase/decrease bookkeeping), streams,
 * deletion protection, table class, SSE, and global secondary index create/update/delete (a created index is
 * backfilled from the table's items at once). Changes take effect immediately; the response says UPDATING.
 */
public final class UpdateTable implements Action {
    static final String NOTHING_TO_UPDATE = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
        + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required";
    static final java.time.format.DateTimeFormatter LABEL =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        Tables.requireTableName(req);
        String tableName = Requests.string(req, "TableName");
        String billing = Requests.string(req, "BillingMode");
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", tableName, true);
        v.oneOf("billingMode", billing, List.of("PROVISIONED", "PAY_PER_REQUEST"));
        v.oneOf("tableClass", Requests.string(req, "TableClass"), List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS"));
        String multiRegion = Requests.string(req, "MultiRegionConsistency");
        v.oneOf("multiRegionConsistency", multiRegion, List.of("EVENTUAL", "STRONG"));
        JsonNode witnessUpdates = Requests.array(req, "GlobalTableWitnessUpdates");
        JsonNode attrDefs = Requests.array(req, "AttributeDefinitions");
        if (attrDefs != null) {
            CreateTable.attributeDefinitionConstraints(v, "attributeDefinitions", attrDefs);
        }
        JsonNode gsiUpdates = Requests.array(req, "GlobalSecondaryIndexUpdates");
        if (gsiUpdates != null) {
            int n = 1;
            for (JsonNode u : gsiUpdates) {
                for (String kind : new String[] {"Update", "Delete"}) {
                    JsonNode action = Requests.object(u, kind);
                    if (action != null) {
                        v.notNull("globalSecondaryIndexUpdates." + n + ".member." + kind.toLowerCase() + ".indexName",
                            Requests.string(action, "IndexName"));
                    }
                }
                n++;
            }
        }
        v.throwIfAny();
        JsonNode pt = Requests.object(req, "ProvisionedThroughput");
        JsonNode stream = Requests.object(req, "StreamSpecification");
        Boolean protection = Requests.bool(req, "DeletionProtectionEnabled");
        String tableClass = Requests.string(req, "TableClass");
        JsonNode sse = Requests.object(req, "SSESpecification");
        if (billing == null && pt == null && stream == null && (gsiUpdates == null || gsiUpdates.size() == 0) && protection == null && tableClass == null
            && sse == null && Requests.member(req, "ReplicaUpdates") == null && Requests.member(req, "OnDemandThroughput") == null
            && witnessUpdates == null && multiRegion == null
            && Requests.member(req, "WarmThroughput") == null) {
            throw DynamoException.validation(NOTHING_TO_UPDATE);
        }
        Table table = Tables.described(ctx, tableName);
        Instant now = ctx.engine().clock().instant();
        if (Requests.array(req, "ReplicaUpdates") != null || witnessUpdates != null || multiRegion != null) {
            // global tables 2019.11.21, MRSC included
            ReplicaUpdates.apply(ctx, table, Requests.array(req, "ReplicaUpdates"), multiRegion, witnessUpdates);
        }
        table.updateMetadata(m -> {
            TableMetadata.Builder b = m.toBuilder();
            if (billing != null) {
                TableMetadata.BillingMode mode = TableMetadata.BillingMode.valueOf(billing);
                if (mode == TableMetadata.BillingMode.PROVISIONED && m.billingMode() == TableMetadata.BillingMode.PAY_PER_REQUEST && pt == null) {
                    throw DynamoException.validation("One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
                }
                if (mode == TableMetadata.BillingMode.PAY_PER_REQUEST && pt != null) {
                    throw DynamoException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
                }
                if (mode != m.billingMode()) {
                    b.billingMode = mode;
                    b.billingModeLastUpdate = now;
                    if (mode == TableMetadata.BillingMode.PAY_PER_REQUEST) {
                        b.throughput = TableMetadata.Throughput.ZERO;
                    } else {
                        b.onDemandThroughput = null; // on-demand maximums mean nothing to a provisioned table
                    }
                }
            }
            if (pt != null) {
                if ((billing == null ? m.billingMode() : TableMetadata.BillingMode.valueOf(billing)) == TableMetadata.BillingMode.PAY_PER_REQUEST) {
                    throw DynamoException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
                }
                b.throughput = throughput(pt, m.throughput(), now, "provisionedThroughput");
            }
            if (Requests.object(req, "WarmThroughput") != null) {
                b.warmThroughput = CreateTable.warmThroughput(Requests.object(req, "WarmThroughput"), m.warmThroughput(), "warmThroughput");
            }
            if (Requests.object(req, "OnDemandThroughput") != null) {
                b.onDemandThroughput = CreateTable.onDemandThroughput(Requests.object(req, "OnDemandThroughput"), m.onDemandThroughput());
            }
            if (stream != null) {
                b.stream = stream(stream, m, now);
            }
            if (protection != null) {
                b.deletionProtection = protection;
            }
            if (tableClass != null) {
                b.tableClass = tableClass;
            }
            if (sse != null) {
                Boolean enabled = Requests.bool(sse, "Enabled");
                b.sse = Boolean.TRUE.equals(enabled)
                    ? new TableMetadata.SseSettings(true, "KMS", "arn:aws:kms:" + ctx.region() + ":000000000000:key/dynamotest")
                    : null;
            }
            if (gsiUpdates != null && gsiUpdates.size() > 0) {
                Map<String, AttrType> defs = new LinkedHashMap<>(m.attributeDefinitions());
                if (attrDefs != null) {
                    CreateTable.attributeDefinitions(attrDefs, defs);
                }
                b.attributeDefinitions = defs;
                b.globalSecondaryIndexes = indexUpdates(gsiUpdates, m, defs, now);
                b.contributorInsights = ContributorInsights.withoutDroppedIndexes(b.contributorInsights, b.globalSecondaryIndexes);
            }
            return b.build();
        });
        ctx.engine().streams().syncWith(ctx.namespaceId(), table.metadata(), now);
        out.writeStartObject();
        out.writeFieldName("TableDescription");
        TableDescriptions.write(out, table, "UPDATING");
        out.writeEndObject();
    }

    static TableMetadata.Throughput throughput(JsonNode pt, TableMetadata.Throughput current, Instant now, String member) {
        Long read = Requests.integer(pt, "ReadCapacityUnits");
        Long write = Requests.integer(pt, "WriteCapacityUnits");
        ValidationErrors v = new ValidationErrors();
        v.notNull(member + ".readCapacityUnits", read);
        v.notNull(member + ".writeCapacityUnits", write);
        v.min(member + ".readCapacityUnits", read, 1);
        v.min(member + ".writeCapacityUnits", write, 1);
        v.throwIfAny();
        if (read == current.readCapacityUnits() && write == current.writeCapacityUnits()) {
            throw DynamoException.validation("The provisioned throughput for the table will not change. The requested value equals "
                + "the current value. Current ReadCapacityUnits provisioned for the table: " + current.readCapacityUnits()
                + ". Requested ReadCapacityUnits: " + read + ". Current WriteCapacityUnits provisioned for the table: "
                + current.writeCapacityUnits() + ". Requested WriteCapacityUnits: " + write + ". Refer to the Amazon DynamoDB "
                + "Developer Guide for current limits and how to request higher limits.");
        }
        boolean increase = read > current.readCapacityUnits() || write > current.writeCapacityUnits();
        boolean decrease = read < current.readCapacityUnits() || write < current.writeCapacityUnits();
        return new TableMetadata.Throughput(read, write, increase ? now : current.lastIncrease(),
            decrease ? now : current.lastDecrease(), current.decreasesToday() + (decrease ? 1 : 0));
    }

    /** What the service answers to StreamEnabled=false on a table whose stream is already off (see docs/compatibility.md). */
    static final String STREAMS_ALREADY_DISABLED = "Table already has streams disabled";

    /** Enabling creates a new stream (new label and ARN); disabling keeps the last one described. */
    static TableMetadata.StreamSettings stream(JsonNode spec, TableMetadata m, Instant now) {
        Boolean enabled = Requests.bool(spec, "StreamEnabled");
        String viewType = Requests.string(spec, "StreamViewType");
        ValidationErrors v = new ValidationErrors();
        v.notNull("streamSpecification.streamEnabled", enabled);
        v.oneOf("streamSpecification.streamViewType", viewType, List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"));
        v.throwIfAny();
        TableMetadata.StreamSettings current = m.stream();
        if (enabled) {
            if (viewType == null) {
                throw DynamoException.validation("One or more parameter values were invalid: StreamViewType must be specified when StreamEnabled is true");
            }
            if (current != null && current.enabled()) {
                throw DynamoException.validation("Table already has an enabled stream: " + current.arn());
            }
            String label = LABEL.format(now);
            return new TableMetadata.StreamSettings(true, viewType, label, m.arn() + "/stream/" + label);
        }
        if (viewType != null) {
            throw DynamoException.validation("One or more parameter values were invalid: StreamViewType cannot be specified when StreamEnabled is false");
        }
        if (current == null || !current.enabled()) {
            throw DynamoException.validation(STREAMS_ALREADY_DISABLED);
        }
        return new TableMetadata.StreamSettings(false, current.viewType(), current.label(), current.arn());
    }

    private static List<TableMetadata.IndexDefinition> indexUpdates(JsonNode updates, TableMetadata m, Map<String, AttrType> defs,
                                                                    Instant now) {
        List<TableMetadata.IndexDefinition> indexes = new ArrayList<>(m.globalSecondaryIndexes());
        int n = 0;
        for (JsonNode u : updates) {
            n++;
            JsonNode create = Requests.object(u, "Create");
            JsonNode update = Requests.object(u, "Update");
            JsonNode delete = Requests.object(u, "Delete");
            if (create != null) {
                String name = Requests.string(create, "IndexName");
                if (m.globalIndex(name) != null || m.localIndex(name) != null) {
                    throw DynamoException.validation("One or more parameter values were invalid: Index with name " + name + " already exists");
                }
                if (indexes.size() >= 20) {
                    throw new DynamoException(ErrorTypes.LIMIT_EXCEEDED,
                        "Subscriber limit exceeded: Only 20 global secondary indexes can be created per table", 400);
                }
                List<TableMetadata.IndexDefinition> one = CreateTable.indexes(ListOf.one(create), defs, m.arn(), null, m.billingMode(),
                    "globalSecondaryIndexUpdates." + n + ".member.create");
                indexes.add(one.get(0));
            } else if (update != null) {
                String name = Requests.string(update, "IndexName");
                TableMetadata.IndexDefinition d = m.globalIndex(name);
                if (d == null) {
                    throw DynamoException.resourceNotFound("Requested resource not found: Index: " + name + " not found");
                }
                JsonNode pt = Requests.object(update, "ProvisionedThroughput");
                TableMetadata.Throughput t = pt == null ? d.throughput() : throughput(pt, d.throughput(), now,
                    "globalSecondaryIndexUpdates.member.update.provisionedThroughput");
                TableMetadata.OnDemandThroughput maximum = CreateTable.onDemandThroughput(Requests.object(update, "OnDemandThroughput"),
                    d.onDemandThroughput());
                TableMetadata.WarmThroughput warm = CreateTable.warmThroughput(Requests.object(update, "WarmThroughput"),
                    d.warmThroughput(), "globalSecondaryIndexUpdates.member.update.warmThroughput");
                indexes.set(indexes.indexOf(d), new TableMetadata.IndexDefinition(d.name(), d.arn(), d.keySchema(),
                    d.projection(), t, maximum, d.status(), warm));
            } else if (delete != null) {
                String name = Requests.string(delete, "IndexName");
                TableMetadata.IndexDefinition d = m.globalIndex(name);
                if (d == null) {
                    throw DynamoException.resourceNotFound("Requested resource not found: Index: " + name + " not found");
                }
                indexes.remove(d);
            } else {
                throw DynamoException.validation("One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Create, "
                    + "GlobalSecondaryIndexUpdate.Update, or GlobalSecondaryIndexUpdate.Delete must be specified");
            }
        }
        return indexes;
    }

    /** A one-element JSON array around a node. */
    static final class ListOf {
        static JsonNode one(JsonNode n) {
            return Json.NODES.arrayNode().add(n);
        }
    }

}
