package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamotest.engine.capacity.WriteCost;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** ReturnConsumedCapacity: the parameter's values and the ConsumedCapacity objects as the service writes them. */
public final class ConsumedCapacityJson {
    private ConsumedCapacityJson() {
    }

    public static final List<String> VALUES = List.of("INDEXES", "TOTAL", "NONE");

    public enum Mode { NONE, TOTAL, INDEXES }

    public static Mode mode(String value) {
        return value == null ? Mode.NONE : Mode.valueOf(value);
    }

    /** Writes {@code "ConsumedCapacity": {...}} for a read of the table (indexName null) or of an index. */
    public static void writeRead(JsonGenerator g, Mode mode, String tableName, double units, String indexName,
                                 boolean globalIndex) throws IOException {
        if (mode == Mode.NONE) {
            return;
        }
        g.writeObjectFieldStart("ConsumedCapacity");
        writeReadBody(g, mode, tableName, units, indexName, globalIndex);
        g.writeEndObject();
    }

    static void writeReadBody(JsonGenerator g, Mode mode, String tableName, double units, String indexName,
                              boolean globalIndex) throws IOException {
        g.writeStringField("TableName", tableName);
        g.writeNumberField("CapacityUnits", units);
        writeReadUnits(g, mode, units, indexName, globalIndex);
    }

    /**
     * One table's entry of a transaction's reads (TransactGetItems, a read ExecuteTransaction, a replayed write
     * transaction): the service also names the kind of units there, {@code "ReadCapacityUnits"} beside
     * {@code "CapacityUnits"} (the AWS CLI's transact-get-items example); only at the top of the entry.
     */
    static void writeTransactionReadBody(JsonGenerator g, Mode mode, String tableName, double units) throws IOException {
        g.writeStringField("TableName", tableName);
        g.writeNumberField("CapacityUnits", units);
        g.writeNumberField("ReadCapacityUnits", units);
        writeReadUnits(g, mode, units, null, false);
    }

    private static void writeReadUnits(JsonGenerator g, Mode mode, double units, String indexName, boolean globalIndex)
            throws IOException {
        if (mode == Mode.INDEXES) {
            units(g, "Table", indexName == null ? units : 0.0);
            if (indexName != null) {
                g.writeObjectFieldStart(globalIndex ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes");
                units(g, indexName, units);
                g.writeEndObject();
            }
        }
    }

    /** Writes {@code "ConsumedCapacity": {...}} for a write. */
    public static void writeWrite(JsonGenerator g, Mode mode, String tableName, WriteCost cost) throws IOException {
        if (mode == Mode.NONE) {
            return;
        }
        g.writeObjectFieldStart("ConsumedCapacity");
        writeWriteBody(g, mode, tableName, cost);
        g.writeEndObject();
    }

    static void writeWriteBody(JsonGenerator g, Mode mode, String tableName, WriteCost cost) throws IOException {
        g.writeStringField("TableName", tableName);
        g.writeNumberField("CapacityUnits", cost.total());
        writeWriteUnits(g, mode, cost);
    }

    /**
     * One table's entry of a write transaction (TransactWriteItems, a write ExecuteTransaction): with
     * {@code "WriteCapacityUnits"} beside {@code "CapacityUnits"}, as the AWS CLI's transact-write-items example shows.
     */
    static void writeTransactionWriteBody(JsonGenerator g, Mode mode, String tableName, WriteCost cost) throws IOException {
        g.writeStringField("TableName", tableName);
        g.writeNumberField("CapacityUnits", cost.total());
        g.writeNumberField("WriteCapacityUnits", cost.total());
        writeWriteUnits(g, mode, cost);
    }

    private static void writeWriteUnits(JsonGenerator g, Mode mode, WriteCost cost) throws IOException {
        if (mode == Mode.INDEXES) {
            units(g, "Table", cost.table());
            indexUnits(g, "GlobalSecondaryIndexes", cost.globalIndexes());
            indexUnits(g, "LocalSecondaryIndexes", cost.localIndexes());
        }
    }

    private static void indexUnits(JsonGenerator g, String field, Map<String, Double> units) throws IOException {
        if (units.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> e : units.entrySet()) {
            units(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void units(JsonGenerator g, String field, double units) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("CapacityUnits", units);
        g.writeEndObject();
    }
}
