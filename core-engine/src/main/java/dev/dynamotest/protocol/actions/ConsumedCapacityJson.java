package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamotest.engine.error.DynamoException;
import java.io.IOException;
import java.util.List;

/** ReturnConsumedCapacity: validation of the parameter and the ConsumedCapacity object. */
public final class ConsumedCapacityJson {
    private ConsumedCapacityJson() {
    }

    public static final List<String> VALUES = List.of("INDEXES", "TOTAL", "NONE");

    public enum Mode { NONE, TOTAL, INDEXES }

    public static Mode mode(String value) {
        if (value == null) {
            return Mode.NONE;
        }
        return Mode.valueOf(value);
    }

    /** Writes {@code "ConsumedCapacity": {...}} for a single-table operation if asked for. */
    public static void write(JsonGenerator g, Mode mode, String tableName, double units, boolean read) throws IOException {
        if (mode == Mode.NONE) {
            return;
        }
        g.writeObjectFieldStart("ConsumedCapacity");
        writeBody(g, mode, tableName, units, read);
        g.writeEndObject();
    }

    static void writeBody(JsonGenerator g, Mode mode, String tableName, double units, boolean read) throws IOException {
        g.writeStringField("TableName", tableName);
        g.writeNumberField("CapacityUnits", units);
        if (mode == Mode.INDEXES) {
            g.writeObjectFieldStart("Table");
            g.writeNumberField("CapacityUnits", units);
            g.writeEndObject();
        }
    }

}
