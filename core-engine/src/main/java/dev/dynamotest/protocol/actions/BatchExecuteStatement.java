package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.capacity.WriteCost;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.partiql.PartiqlPlanner;
import dev.dynamotest.engine.partiql.Statement;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (each a SELECT of one item by its full key and nothing
 * else) or all writes, each executed on its own. A statement that fails — it does not parse, names an unknown
 * table, does not name one item, fails its condition — gets an Error entry (Code, Message, and the item for
 * ReturnValuesOnConditionCheckFailure=ALL_OLD) instead of failing the call. Mixing reads and writes, or naming
 * one item twice, fails the whole call. Verified against DynamoDB Local 2.6.1.
 */
public final class BatchExecuteStatement implements Action {
    static final int MAX_STATEMENTS = 25;
    static final String MIXED = "Read and write requests together in the same batch is not supported.";
    static final String DUPLICATES = "Provided list of item keys contains duplicates";
    static final String SINGLE_ITEM_SELECT = "Only single item select is supported";

    /** One entry: its statement (null if it did not parse), then its plan or its error. */
    private static final class Entry {
        final JsonNode node;
        Statement statement;
        Table table;
        PrimaryKey key;
        ItemWrite write;
        DynamoException error;
        boolean errorNamesTable;
        Item item;

        Entry(JsonNode node) {
            this.node = node;
        }
    }

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        JsonNode list = Requests.array(req, "Statements");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        new ValidationErrors().tap(v -> v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES)).throwIfAny();
        PartiqlStatements.checkList(list, "statements", MAX_STATEMENTS);
        List<Entry> entries = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (JsonNode node : list) {
            Entry e = new Entry(node);
            entries.add(e);
            try {
                e.statement = PartiqlStatements.parse(node, "");
                reads |= e.statement instanceof Statement.Select;
                writes |= PartiqlStatements.isWrite(e.statement);
            } catch (DynamoException ex) {
                e.error = ex;
            }
        }
        if (reads && writes) {
            throw DynamoException.validation(MIXED);
        }
        Set<String> targets = new HashSet<>();
        for (Entry e : entries) {
            if (e.error == null) {
                try {
                    plan(ctx, e);
                    if (!targets.add(PartiqlStatements.target(e.table, e.key))) {
                        throw DynamoException.validation(DUPLICATES);
                    }
                } catch (DynamoException ex) {
                    if (DUPLICATES.equals(ex.getMessage())) {
                        throw ex;
                    }
                    e.error = ex;
                }
            }
        }
        Map<String, List<WriteCost>> writeUnits = new LinkedHashMap<>();
        Map<String, Double> readUnits = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.error != null) {
                continue;
            }
            if (e.write == null) {
                boolean consistent = Boolean.TRUE.equals(Requests.bool(e.node, "ConsistentRead"));
                Item item = ctx.read(e.table, e.table.data(), consistent, null).get(e.key);
                double units = CapacityUnits.read(item, consistent);
                try {
                    ctx.engine().capacity().chargeItemRead(e.table, e.key, units);
                } catch (DynamoException ex) {
                    e.error = ex; // a throttled read is that statement's error (ProvisionedThroughputExceeded)
                    e.errorNamesTable = true;
                    continue;
                }
                readUnits.merge(e.table.name(), units, Double::sum);
                Statement.Select sel = (Statement.Select) e.statement;
                e.item = item == null ? null : PartiqlStatements.project(item, sel.projection());
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                List<Path>[] updated = new List[1];
                ItemChange change = e.write.table.write(e.write.key, e.write.function(updated)::apply, CommitListener.Origin.WRITE);
                writeUnits.computeIfAbsent(e.table.name(), n -> new ArrayList<>())
                    .add(WriteCost.of(e.table.data().layouts(), change.oldItem(), change.newItem()));
                e.item = PartiqlStatements.returned(PartiqlStatements.returning(e.statement), change, updated[0]);
            } catch (DynamoException ex) {
                e.error = ex;
                e.errorNamesTable = true;
            }
        }
        writeResponse(out, entries, ConsumedCapacityJson.mode(rcc), readUnits, writeUnits);
    }

    /** Finds the table and the one item the statement addresses; a write also gets its {@link ItemWrite}. */
    private static void plan(RequestContext ctx, Entry e) {
        Statement s = e.statement;
        if (s instanceof Statement.Exists) {
            throw DynamoException.validation(PartiqlStatements.EXISTS_OUTSIDE_TRANSACTION);
        }
        e.table = PartiqlStatements.table(ctx, s, Messages.RESOURCE_NOT_FOUND);
        if (s instanceof Statement.Select sel) {
            if (sel.index() != null) {
                throw DynamoException.validation(SINGLE_ITEM_SELECT);
            }
            PartiqlPlanner.SingleItem target;
            try {
                target = PartiqlPlanner.singleItem(sel.where(), e.table.keySchema());
            } catch (DynamoException ex) {
                if (PartiqlPlanner.MISSING_KEY_EQUALITY.equals(ex.getMessage()) || ex.getMessage().startsWith("Multiple conditions")) {
                    throw DynamoException.validation(SINGLE_ITEM_SELECT);
                }
                throw ex;
            }
            if (target.rest() != null) {
                throw DynamoException.validation(SINGLE_ITEM_SELECT);
            }
            e.key = e.table.keySchema().keyOf(target.key());
            return;
        }
        e.write = PartiqlStatements.write(e.table, s, ItemRequests.oldOnFailure(e.node));
        e.key = e.write.key;
    }

    private static void writeResponse(JsonGenerator out, List<Entry> entries, ConsumedCapacityJson.Mode mode,
                                      Map<String, Double> readUnits, Map<String, List<WriteCost>> writeUnits) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("Responses");
        for (Entry e : entries) {
            out.writeStartObject();
            if (e.error != null) {
                out.writeObjectFieldStart("Error");
                out.writeStringField("Code", PartiqlStatements.batchCode(e.error));
                out.writeStringField("Message", e.error.getMessage());
                if (e.error.item() != null) {
                    AttributeValueJson.writeItemField(out, "Item", e.error.item());
                }
                out.writeEndObject();
                if (e.errorNamesTable) {
                    out.writeStringField("TableName", e.table.name());
                }
            } else {
                out.writeStringField("TableName", e.table.name());
                if (e.item != null && !e.item.isEmpty()) {
                    AttributeValueJson.writeItemField(out, "Item", e.item);
                }
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        if (mode != ConsumedCapacityJson.Mode.NONE && !(readUnits.isEmpty() && writeUnits.isEmpty())) {
            out.writeArrayFieldStart("ConsumedCapacity");
            for (Map.Entry<String, Double> r : readUnits.entrySet()) {
                out.writeStartObject();
                ConsumedCapacityJson.writeReadBody(out, mode, r.getKey(), r.getValue(), null, false);
                out.writeEndObject();
            }
            for (Map.Entry<String, List<WriteCost>> w : writeUnits.entrySet()) {
                out.writeStartObject();
                ConsumedCapacityJson.writeWriteBody(out, mode, w.getKey(), WriteCost.sum(w.getValue().toArray(new WriteCost[0])));
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }
}
