package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.replication.Replication;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
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
 * Global tables version 2017.11.29 (legacy), for code that still calls them: CreateGlobalTable (a replication
 * group over existing, empty tables of the same name with NEW_AND_OLD_IMAGES streams), DescribeGlobalTable,
 * UpdateGlobalTable (adds or removes a Region; a removed Region keeps its table), ListGlobalTables and
 * Describe/UpdateGlobalTableSettings. They see only groups of that version: a table made global with UpdateTable
 * ReplicaUpdates (2019.11.21) is not a legacy global table. Replication is the same as for 2019.11.21.
 */
public final class GlobalTables {
    static final String GLOBAL_TABLE_NOT_FOUND = "GlobalTableNotFoundException";
    static final String GLOBAL_TABLE_ALREADY_EXISTS = "GlobalTableAlreadyExistsException";
    static final String REPLICA_ALREADY_EXISTS = "ReplicaAlreadyExistsException";
    static final String REPLICA_NOT_FOUND = "ReplicaNotFoundException";
    static final String TABLE_NOT_FOUND = "TableNotFoundException";
    static final String INVALID = "One or more parameter values were invalid: ";
    static final String NOT_FOUND_MESSAGE = "Global table not found: Global table with name: %s does not exist.";
    static final String EXISTS_MESSAGE = "Global table with this name already exists";
    static final String TABLE_MISSING = "Table: %s not found in region: %s";
    static final String NEEDS_STREAM = INVALID + "Table: %s in region: %s must have DynamoDB Streams enabled with "
        + "StreamViewType NEW_AND_OLD_IMAGES";
    static final String NOT_EMPTY = INVALID + "Table: %s in region: %s is not empty";
    static final String KEY_SCHEMA = INVALID + "Table: %s in region: %s has a different key schema";
    static final String REPLICA_EXISTS = "Replica already exists in region: %s";
    static final String REPLICA_MISSING = "Replica does not exist in region: %s";

    private GlobalTables() {
    }

    static String arn(String name) {
        return "arn:aws:dynamodb::" + NamespaceId.ACCOUNT_ID + ":global-table/" + name;
    }

    static Replication.Group require(RequestContext ctx, String name) {
        Replication.Group g = ctx.engine().replication().group(ctx.namespaceId().accessKey(), name);
        if (g == null || !Replication.VERSION_2017.equals(g.version())) {
            throw new DynamoException(GLOBAL_TABLE_NOT_FOUND, String.format(NOT_FOUND_MESSAGE, name), 400);
        }
        return g;
    }

    static String name(JsonNode req) {
        String name = Requests.string(req, "GlobalTableName");
        ValidationErrors v = new ValidationErrors();
        v.tableName("globalTableName", name, false);
        v.throwIfAny();
        return name;
    }

    /** The table of a region that joins a legacy global table: it exists, is empty, streams both images. */
    static Table joining(RequestContext ctx, String name, String region, Table model) {
        Table t = ctx.engine().namespace(new NamespaceId(region, ctx.namespaceId().accessKey())).find(name);
        if (t == null) {
            throw new DynamoException(TABLE_NOT_FOUND, String.format(TABLE_MISSING, name, region), 400);
        }
        TableMetadata.StreamSettings s = t.metadata().stream();
        if (s == null || !s.enabled() || !"NEW_AND_OLD_IMAGES".equals(s.viewType())) {
            throw DynamoException.validation(String.format(NEEDS_STREAM, name, region));
        }
        if (t.data().itemCount() > 0) {
            throw DynamoException.validation(String.format(NOT_EMPTY, name, region));
        }
        if (model != null && !model.keySchema().equals(t.keySchema())) {
            throw DynamoException.validation(String.format(KEY_SCHEMA, name, region));
        }
        return t;
    }

    static void describe(JsonGenerator out, Replication.Group g, String status) throws IOException {
        out.writeObjectFieldStart("GlobalTableDescription");
        out.writeArrayFieldStart("ReplicationGroup");
        for (String region : g.replicas().keySet()) {
            out.writeStartObject();
            out.writeStringField("RegionName", region);
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeStringField("GlobalTableArn", arn(g.tableName()));
        out.writeNumberField("CreationDateTime", TableDescriptions.epochSeconds(g.created()));
        out.writeStringField("GlobalTableStatus", status);
        out.writeStringField("GlobalTableName", g.tableName());
        out.writeEndObject();
    }

    /** CreateGlobalTable. */
    public static final class Create implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String name = name(req);
            JsonNode group = Requests.array(req, "ReplicationGroup");
            ValidationErrors v = new ValidationErrors();
            v.notNull("replicationGroup", group);
            v.throwIfAny();
            List<String> regions = new ArrayList<>();
            for (JsonNode r : group) {
                String region = Requests.string(r, "RegionName");
                if (region == null || region.isEmpty()) {
                    throw DynamoException.validation(ReplicaUpdates.REGION_REQUIRED);
                }
                if (regions.contains(region)) {
                    throw DynamoException.validation(String.format(ReplicaUpdates.DUPLICATE_REGION, region));
                }
                regions.add(region);
            }
            if (ctx.engine().replication().group(ctx.namespaceId().accessKey(), name) != null) {
                throw new DynamoException(GLOBAL_TABLE_ALREADY_EXISTS, EXISTS_MESSAGE, 400);
            }
            Table model = null;
            Instant now = ctx.engine().clock().instant();
            Map<String, Replication.Replica> replicas = new LinkedHashMap<>();
            for (String region : regions) {
                Table t = joining(ctx, name, region, model);
                model = model == null ? t : model;
                replicas.put(region, new Replication.Replica(region, now, null, null, null));
            }
            Replication.Group g = new Replication.Group(name, Replication.VERSION_2017, now, replicas);
            ctx.engine().replication().put(ctx.namespaceId().accessKey(), name, g);
            out.writeStartObject();
            describe(out, g, "CREATING");
            out.writeEndObject();
        }
    }

    /** DescribeGlobalTable. */
    public static final class Describe implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            Replication.Group g = require(ctx, name(req));
            out.writeStartObject();
            describe(out, g, "ACTIVE");
            out.writeEndObject();
        }
    }

    /** UpdateGlobalTable: Create joins a Region's (empty) table, Delete removes a Region (its table stays). */
    public static final class Update implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String name = name(req);
            JsonNode updates = Requests.array(req, "ReplicaUpdates");
            ValidationErrors v = new ValidationErrors();
            v.notNull("replicaUpdates", updates);
            v.throwIfAny();
            Replication.Group g = require(ctx, name);
            Instant now = ctx.engine().clock().instant();
            Table model = null;
            for (Replication.Replica r : g.replicas().values()) {
                model = ctx.engine().namespace(new NamespaceId(r.region(), ctx.namespaceId().accessKey())).find(name);
                if (model != null) {
                    break;
                }
            }
            for (JsonNode u : updates) {
                JsonNode create = Requests.object(u, "Create");
                JsonNode delete = Requests.object(u, "Delete");
                if ((create == null) == (delete == null)) {
                    throw DynamoException.validation(INVALID + "One of ReplicaUpdate.Create or ReplicaUpdate.Delete must be specified");
                }
                String region = Requests.string(create != null ? create : delete, "RegionName");
                if (region == null || region.isEmpty()) {
                    throw DynamoException.validation(ReplicaUpdates.REGION_REQUIRED);
                }
                if (create != null) {
                    if (g.replicas().containsKey(region)) {
                        throw new DynamoException(REPLICA_ALREADY_EXISTS, String.format(REPLICA_EXISTS, region), 400);
                    }
                    joining(ctx, name, region, model);
                    g = g.with(new Replication.Replica(region, now, null, null, null));
                } else {
                    if (!g.replicas().containsKey(region)) {
                        throw new DynamoException(REPLICA_NOT_FOUND, String.format(REPLICA_MISSING, region), 400);
                    }
                    g = g.without(region);
                }
            }
            ctx.engine().replication().put(ctx.namespaceId().accessKey(), name, g);
            out.writeStartObject();
            describe(out, g, "ACTIVE");
            out.writeEndObject();
        }
    }

    /** ListGlobalTables: by name, optionally those with a replica in RegionName; Limit and paging by name. */
    public static final class ListAll implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String start = Requests.string(req, "ExclusiveStartGlobalTableName");
            String region = Requests.string(req, "RegionName");
            Long limit = Requests.integer(req, "Limit");
            ValidationErrors v = new ValidationErrors();
            v.min("limit", limit, 1);
            v.throwIfAny();
            List<Replication.Group> all = new ArrayList<>();
            for (Replication.Group g : ctx.engine().replication().groups(ctx.namespaceId().accessKey())) {
                if (Replication.VERSION_2017.equals(g.version()) && (region == null || g.replicas().containsKey(region))
                    && (start == null || g.tableName().compareTo(start) > 0)) {
                    all.add(g);
                }
            }
            int max = limit == null ? 100 : (int) Math.min(limit, 100);
            out.writeStartObject();
            out.writeArrayFieldStart("GlobalTables");
            for (int i = 0; i < Math.min(max, all.size()); i++) {
                Replication.Group g = all.get(i);
                out.writeStartObject();
                out.writeStringField("GlobalTableName", g.tableName());
                out.writeArrayFieldStart("ReplicationGroup");
                for (String r : g.replicas().keySet()) {
                    out.writeStartObject();
                    out.writeStringField("RegionName", r);
                    out.writeEndObject();
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndArray();
            if (all.size() > max) {
                out.writeStringField("LastEvaluatedGlobalTableName", all.get(max - 1).tableName());
            }
            out.writeEndObject();
        }
    }

    static void writeSettings(RequestContext ctx, JsonGenerator out, Replication.Group g) throws IOException {
        out.writeStringField("GlobalTableName", g.tableName());
        out.writeArrayFieldStart("ReplicaSettings");
        for (String region : g.replicas().keySet()) {
            Table t = ctx.engine().namespace(new NamespaceId(region, ctx.namespaceId().accessKey())).find(g.tableName());
            out.writeStartObject();
            out.writeStringField("RegionName", region);
            out.writeStringField("ReplicaStatus", "ACTIVE");
            if (t != null) {
                TableMetadata m = t.metadata();
                if (m.billingMode() == TableMetadata.BillingMode.PAY_PER_REQUEST) {
                    out.writeObjectFieldStart("ReplicaBillingModeSummary");
                    out.writeStringField("BillingMode", "PAY_PER_REQUEST");
                    out.writeNumberField("LastUpdateToPayPerRequestDateTime", TableDescriptions.epochSeconds(
                        m.billingModeLastUpdate() != null ? m.billingModeLastUpdate() : m.creationDateTime()));
                    out.writeEndObject();
                }
                capacity(out, "ReplicaProvisioned", m.throughput());
                if (!m.globalSecondaryIndexes().isEmpty()) {
                    out.writeArrayFieldStart("ReplicaGlobalSecondaryIndexSettings");
                    for (TableMetadata.IndexDefinition i : m.globalSecondaryIndexes()) {
                        out.writeStartObject();
                        out.writeStringField("IndexName", i.name());
                        out.writeStringField("IndexStatus", "ACTIVE");
                        capacity(out, "Provisioned", i.throughput());
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                }
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void capacity(JsonGenerator out, String prefix, TableMetadata.Throughput t) throws IOException {
        out.writeNumberField(prefix + "ReadCapacityUnits", t.readCapacityUnits());
        out.writeObjectFieldStart(prefix + "ReadCapacityAutoScalingSettings");
        out.writeBooleanField("AutoScalingDisabled", true);
        out.writeEndObject();
        out.writeNumberField(prefix + "WriteCapacityUnits", t.writeCapacityUnits());
        out.writeObjectFieldStart(prefix + "WriteCapacityAutoScalingSettings");
        out.writeBooleanField("AutoScalingDisabled", true);
        out.writeEndObject();
    }

    /** DescribeGlobalTableSettings. */
    public static final class DescribeSettings implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            Replication.Group g = require(ctx, name(req));
            out.writeStartObject();
            writeSettings(ctx, out, g);
            out.writeEndObject();
        }
    }

    /**
     * UpdateGlobalTableSettings: the billing mode and write capacity of every replica, and each replica's read
     * capacity (ReplicaSettingsUpdate).
     */
    public static final class UpdateSettings implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String name = name(req);
            String billing = Requests.string(req, "GlobalTableBillingMode");
            Long write = Requests.integer(req, "GlobalTableProvisionedWriteCapacityUnits");
            ValidationErrors v = new ValidationErrors();
            v.oneOf("globalTableBillingMode", billing, List.of("PROVISIONED", "PAY_PER_REQUEST"));
            v.min("globalTableProvisionedWriteCapacityUnits", write, 1);
            v.throwIfAny();
            Replication.Group g = require(ctx, name);
            Map<String, Long> reads = new LinkedHashMap<>();
            JsonNode updates = Requests.array(req, "ReplicaSettingsUpdate");
            if (updates != null) {
                for (JsonNode u : updates) {
                    String region = Requests.string(u, "RegionName");
                    if (region == null || !g.replicas().containsKey(region)) {
                        throw new DynamoException(REPLICA_NOT_FOUND, String.format(REPLICA_MISSING, region), 400);
                    }
                    reads.put(region, Requests.integer(u, "ReplicaProvisionedReadCapacityUnits"));
                }
            }
            Instant now = ctx.engine().clock().instant();
            for (String region : g.replicas().keySet()) {
                Table t = ctx.engine().namespace(new NamespaceId(region, ctx.namespaceId().accessKey())).find(name);
                if (t == null) {
                    continue;
                }
                Long read = reads.get(region);
                t.updateMetadata(m -> {
                    TableMetadata.Builder b = m.toBuilder();
                    if (billing != null && !billing.equals(m.billingMode().name())) {
                        b.billingMode = TableMetadata.BillingMode.valueOf(billing);
                        b.billingModeLastUpdate = now;
                        if (b.billingMode == TableMetadata.BillingMode.PAY_PER_REQUEST) {
                            b.throughput = TableMetadata.Throughput.ZERO;
                        }
                    }
                    if (b.billingMode == TableMetadata.BillingMode.PROVISIONED && (write != null || read != null)) {
                        TableMetadata.Throughput c = b.throughput;
                        b.throughput = new TableMetadata.Throughput(read != null ? read : Math.max(1, c.readCapacityUnits()),
                            write != null ? write : Math.max(1, c.writeCapacityUnits()), c.lastIncrease(), c.lastDecrease(),
                            c.decreasesToday());
                    }
                    return b.build();
                });
            }
            out.writeStartObject();
            writeSettings(ctx, out, g);
            out.writeEndObject();
        }
    }

    /**
     * DescribeTableReplicaAutoScaling: the table's replicas, its own Region included, in Region order, with their
     * GSIs. DynamoTest does not model auto scaling: every setting is described as disabled.
     */
}
