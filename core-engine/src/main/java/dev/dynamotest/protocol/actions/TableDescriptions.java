package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.table.IndexData;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.table.TableMetadata;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** Writes a TableDescription as DescribeTable, CreateTable, UpdateTable and DeleteTable return it. */
public final class TableDescriptions {
    private TableDescriptions() {
    }

    public static void write(JsonGenerator g, Table table, String status) throws IOException {
        TableMetadata m = table.metadata();
        TableData data = table.data();
        g.writeStartObject();
        g.writeArrayFieldStart("AttributeDefinitions");
        for (Map.Entry<String, AttrType> e : m.attributeDefinitions().entrySet()) {
            g.writeStartObject();
            g.writeStringField("AttributeName", e.getKey());
            g.writeStringField("AttributeType", e.getValue().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("TableName", m.name());
        writeKeySchema(g, m.keySchema());
        g.writeStringField("TableStatus", status);
        g.writeNumberField("CreationDateTime", epochSeconds(m.creationDateTime()));
        writeThroughput(g, m.throughput());
        g.writeNumberField("TableSizeBytes", data.sizeBytes());
        g.writeNumberField("ItemCount", data.itemCount());
        g.writeStringField("TableArn", m.arn());
        g.writeStringField("TableId", m.tableId());
        writeOnDemandThroughput(g, m.onDemandThroughput());
        writeWarmThroughput(g, m.warmThroughput(), m.billingMode(), m.throughput());
        if (m.billingMode() == TableMetadata.BillingMode.PAY_PER_REQUEST || m.billingModeLastUpdate() != null) {
            g.writeObjectFieldStart("BillingModeSummary");
            g.writeStringField("BillingMode", m.billingMode().name());
            g.writeNumberField("LastUpdateToPayPerRequestDateTime",
                epochSeconds(m.billingModeLastUpdate() != null ? m.billingModeLastUpdate() : m.creationDateTime()));
            g.writeEndObject();
        }
        if (!m.localSecondaryIndexes().isEmpty()) {
            g.writeArrayFieldStart("LocalSecondaryIndexes");
            for (TableMetadata.IndexDefinition i : m.localSecondaryIndexes()) {
                g.writeStartObject();
                g.writeStringField("IndexName", i.name());
                writeKeySchema(g, i.keySchema());
                writeProjection(g, i.projection());
                writeIndexSize(g, data, i.name());
                g.writeStringField("IndexArn", i.arn());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!m.globalSecondaryIndexes().isEmpty()) {
            g.writeArrayFieldStart("GlobalSecondaryIndexes");
            for (TableMetadata.IndexDefinition i : m.globalSecondaryIndexes()) {
                g.writeStartObject();
                g.writeStringField("IndexName", i.name());
                writeKeySchema(g, i.keySchema());
                writeProjection(g, i.projection());
                g.writeStringField("IndexStatus", i.status() == null ? "ACTIVE" : i.status());
                // Backfilling is described only while an index is being created; indexes here are ACTIVE at once
                writeThroughput(g, i.throughput());
                writeOnDemandThroughput(g, i.onDemandThroughput());
                writeWarmThroughput(g, i.warmThroughput(), m.billingMode(), i.throughput());
                writeIndexSize(g, data, i.name());
                g.writeStringField("IndexArn", i.arn());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        TableMetadata.StreamSettings s = m.stream();
        if (s != null && s.enabled()) {
            g.writeObjectFieldStart("StreamSpecification");
            g.writeBooleanField("StreamEnabled", true);
            g.writeStringField("StreamViewType", s.viewType());
            g.writeEndObject();
        }
        if (s != null && s.label() != null) {
            g.writeStringField("LatestStreamLabel", s.label());
            g.writeStringField("LatestStreamArn", s.arn());
        }
        writeSseDescription(g, m.sse());
        if (!"STANDARD".equals(m.tableClass())) {
            g.writeObjectFieldStart("TableClassSummary");
            g.writeStringField("TableClass", m.tableClass());
            g.writeEndObject();
        }
        if (m.restoreSummary() != null) {
            TableMetadata.RestoreSummary r = m.restoreSummary();
            g.writeObjectFieldStart("RestoreSummary");
            if (r.sourceBackupArn() != null) {
                g.writeStringField("SourceBackupArn", r.sourceBackupArn());
            }
            g.writeStringField("SourceTableArn", r.sourceTableArn());
            g.writeNumberField("RestoreDateTime", epochSeconds(r.restoreDateTime()));
            // the restore is instant: in progress only in the answer that started it (status CREATING)
            g.writeBooleanField("RestoreInProgress", "CREATING".equals(status));
            g.writeEndObject();
        }
        g.writeBooleanField("DeletionProtectionEnabled", m.deletionProtection());
        ReplicaUpdates.write(g, table); // Replicas and GlobalTableVersion of a global table
        g.writeEndObject();
    }

    /**
     * The description DeleteTable answers, as the service's (AWS CLI reference example): status, size, count, name and
     * the provisioned units with zero decreases; no creation time, key schema, attribute definitions or indexes.
     */
    public static void writeDeleted(JsonGenerator g, Table table) throws IOException {
        TableMetadata m = table.metadata();
        g.writeStartObject();
        g.writeStringField("TableStatus", "DELETING");
        g.writeNumberField("TableSizeBytes", table.data().sizeBytes());
        g.writeNumberField("ItemCount", table.data().itemCount());
        g.writeStringField("TableName", m.name());
        g.writeObjectFieldStart("ProvisionedThroughput");
        g.writeNumberField("NumberOfDecreasesToday", 0);
        g.writeNumberField("WriteCapacityUnits", m.throughput().writeCapacityUnits());
        g.writeNumberField("ReadCapacityUnits", m.throughput().readCapacityUnits());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeIndexSize(JsonGenerator g, TableData data, String index) throws IOException {
        IndexData d = data.index(index);
        g.writeNumberField("IndexSizeBytes", d == null ? 0 : d.sizeBytes());
        g.writeNumberField("ItemCount", d == null ? 0 : d.itemCount());
    }

    public static void writeKeySchema(JsonGenerator g, KeySchema k) throws IOException {
        g.writeArrayFieldStart("KeySchema");
        for (KeyAttribute a : k.partitionAttributes()) {
            g.writeStartObject();
            g.writeStringField("AttributeName", a.name());
            g.writeStringField("KeyType", "HASH");
            g.writeEndObject();
        }
        for (KeyAttribute a : k.sortAttributes()) {
            g.writeStartObject();
            g.writeStringField("AttributeName", a.name());
            g.writeStringField("KeyType", "RANGE");
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void writeProjection(JsonGenerator g, TableMetadata.IndexProjection p) throws IOException {
        g.writeObjectFieldStart("Projection");
        g.writeStringField("ProjectionType", p.type().name());
        if (!p.nonKeyAttributes().isEmpty()) {
            g.writeArrayFieldStart("NonKeyAttributes");
            for (String a : p.nonKeyAttributes()) {
                g.writeString(a);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** WarmThroughput as the service describes every table and GSI: what it is warm for, ACTIVE (the engine is instant). */
    private static void writeWarmThroughput(JsonGenerator g, TableMetadata.WarmThroughput requested, TableMetadata.BillingMode mode,
                                            TableMetadata.Throughput provisioned) throws IOException {
        long[] warm = TableMetadata.WarmThroughput.effective(requested, mode, provisioned);
        g.writeObjectFieldStart("WarmThroughput");
        g.writeNumberField("ReadUnitsPerSecond", warm[0]);
        g.writeNumberField("WriteUnitsPerSecond", warm[1]);
        g.writeStringField("Status", "ACTIVE");
        g.writeEndObject();
    }

    /** SSEDescription of a table with server-side encryption enabled; nothing otherwise. */
    static void writeSseDescription(JsonGenerator g, TableMetadata.SseSettings sse) throws IOException {
        if (sse != null && sse.enabled()) {
            g.writeObjectFieldStart("SSEDescription");
            g.writeStringField("Status", "ENABLED");
            g.writeStringField("SSEType", sse.sseType());
            if (sse.kmsMasterKeyArn() != null) {
                g.writeStringField("KMSMasterKeyArn", sse.kmsMasterKeyArn());
            }
            g.writeEndObject();
        }
    }

    /** OnDemandThroughput as given at CreateTable/UpdateTable (-1: no maximum); omitted when never set. */
    static void writeOnDemandThroughput(JsonGenerator g, TableMetadata.OnDemandThroughput t) throws IOException {
        if (t == null) {
            return;
        }
        g.writeObjectFieldStart("OnDemandThroughput");
        g.writeNumberField("MaxReadRequestUnits", t.maxReadRequestUnits());
        g.writeNumberField("MaxWriteRequestUnits", t.maxWriteRequestUnits());
        g.writeEndObject();
    }

    static void writeThroughput(JsonGenerator g, TableMetadata.Throughput t) throws IOException {
        g.writeObjectFieldStart("ProvisionedThroughput");
        if (t.lastIncrease() != null) {
            g.writeNumberField("LastIncreaseDateTime", epochSeconds(t.lastIncrease()));
        }
        if (t.lastDecrease() != null) {
            g.writeNumberField("LastDecreaseDateTime", epochSeconds(t.lastDecrease()));
        }
        g.writeNumberField("NumberOfDecreasesToday", t.decreasesToday());
        g.writeNumberField("ReadCapacityUnits", t.readCapacityUnits());
        g.writeNumberField("WriteCapacityUnits", t.writeCapacityUnits());
        g.writeEndObject();
    }

    /** Epoch seconds with millisecond fraction, as the service sends timestamps. */
    public static java.math.BigDecimal epochSeconds(Instant t) {
        return java.math.BigDecimal.valueOf(t.toEpochMilli(), 3);
    }
}
