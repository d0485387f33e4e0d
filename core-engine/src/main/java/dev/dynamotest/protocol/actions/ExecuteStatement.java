package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.ConditionEvaluator;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.Projector;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.partiql.Statement;
import dev.dynamotest.engine.query.Entry;
import dev.dynamotest.engine.query.Reader;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.IndexLayout;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT whose WHERE fixes the partition key reads that partition
 * (in sort-key order), otherwise the table or index is scanned; the whole WHERE is applied as a filter, Limit
 * counts evaluated items and NextToken resumes. Writes commit through the same path as PutItem/UpdateItem/
 * DeleteItem.
 */
public final class ExecuteStatement implements Action {

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String text = Requests.string(req, "Statement");
        Long limit = Requests.integer(req, "Limit");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        String onFailure = Requests.string(req, "ReturnValuesOnConditionCheckFailure");
        ValidationErrors v = new ValidationErrors();
        v.notNull("statement", text);
        v.minLength("statement", text, 1);
        v.maxLength("statement", text, 8192);
        v.min("limit", limit, 1);
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        v.oneOf("returnValuesOnConditionCheckFailure", onFailure, ItemRequests.RETURN_VALUES_ON_CCF);
        v.throwIfAny();
        Statement s = PartiqlStatements.parse(req);
        if (s instanceof Statement.Select sel) {
            select(ctx, sel, Boolean.TRUE.equals(Requests.bool(req, "ConsistentRead")), limit, Requests.string(req, "NextToken"), out);
            return;
        }
        ItemWrite w = PartiqlStatements.write(ctx, s, "ALL_OLD".equals(onFailure));
        @SuppressWarnings("unchecked")
        List<Path>[] updated = new List[1];
        ItemChange change = w.table.write(w.key, w.function(updated)::apply, CommitListener.Origin.WRITE);
        out.writeStartObject();
        out.writeArrayFieldStart("Items");
        Item returned = returned(s, change, updated[0]);
        if (returned != null && !returned.isEmpty()) {
            AttributeValueJson.writeItem(out, returned);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    static Item returned(Statement s, ItemChange change, List<Path> updated) {
        String returning = s instanceof Statement.Update u ? u.returning() : s instanceof Statement.Delete d ? d.returning() : null;
        if (returning == null) {
            return null;
        }
        switch (returning) {
            case "ALL_OLD":
                return change.oldItem();
            case "ALL_NEW":
                return change.newItem();
            case "UPDATED_OLD":
                return change.oldItem() == null ? null : Projector.project(change.oldItem(), UpdateItem.topLevel(updated));
            case "UPDATED_NEW":
                return change.newItem() == null ? null : Projector.project(change.newItem(), UpdateItem.topLevel(updated));
            default:
                return null;
        }
    }

    private static void select(RequestContext ctx, Statement.Select sel, boolean consistent, Long limit, String nextToken,
                               JsonGenerator out) throws IOException {
        Table table = PartiqlStatements.table(ctx, sel.table());
        TableData data = table.data();
        IndexLayout index = null;
        if (sel.index() != null) {
            index = data.layout(sel.index());
            if (index == null) {
                throw DynamoException.validation("The table does not have the specified index: " + sel.index());
            }
            if (index.global() && consistent) {
                throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        KeySchema target = index == null ? table.keySchema() : index.keySchema();
        Reader.Position start = nextToken == null ? null : decode(nextToken, table, index);
        AttributeValue partition = sel.where() == null ? null : PartiqlStatements.equalities(sel.where()).get(target.partition().name());
        Iterator<Entry> entries;
        if (partition != null && partition.type() == target.partition().type()) {
            entries = index == null ? Reader.queryTable(data, target, partition, null, true, start)
                : Reader.queryIndex(data.index(index.name()), index, partition, null, true, start);
        } else {
            entries = index == null ? Reader.scanTable(data, target, 0, 1, start) : Reader.scanIndex(data.index(index.name()), 0, 1, start);
        }
        int max = limit == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, limit);
        List<Item> items = new ArrayList<>();
        int scanned = 0;
        long bytes = 0;
        Entry last = null;
        boolean stopped = false;
        while (!stopped && entries.hasNext()) {
            Entry e = entries.next();
            scanned++;
            bytes += e.item().sizeBytes();
            last = e;
            stopped = scanned == max || bytes >= ReadPages.PAGE_BYTES;
            if (sel.where() == null || ConditionEvaluator.evaluate(sel.where(), e.item(), ExpressionKind.FILTER)) {
                items.add(sel.projection() == null ? e.item() : Projector.project(e.item(), sel.projection()));
            }
        }
        out.writeStartObject();
        out.writeArrayFieldStart("Items");
        for (Item i : items) {
            AttributeValueJson.writeItem(out, i);
        }
        out.writeEndArray();
        if (stopped && last != null && entries.hasNext()) {
            Map<String, AttributeValue> lek = lastKey(table, index, last);
            out.writeStringField("NextToken", encode(lek));
            out.writeFieldName("LastEvaluatedKey");
            AttributeValueJson.writeMap(out, lek);
        }
        out.writeEndObject();
    }

    static Map<String, AttributeValue> lastKey(Table table, IndexLayout index, Entry e) {
        Map<String, AttributeValue> m = new LinkedHashMap<>(table.keySchema().keyMap(e.tableKey()));
        if (index != null) {
            m.put(index.keySchema().partition().name(), e.item().get(index.keySchema().partition().name()));
            if (index.keySchema().sort() != null) {
                m.put(index.keySchema().sort().name(), e.item().get(index.keySchema().sort().name()));
            }
        }
        return m;
    }

    static String encode(Map<String, AttributeValue> key) throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(buf)) {
            AttributeValueJson.writeMap(g, key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.toByteArray());
    }

    static Reader.Position decode(String token, Table table, IndexLayout index) {
        Map<String, AttributeValue> key;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            key = AttributeValueJson.readMap(Json.parse(raw, 0, raw.length));
        } catch (IllegalArgumentException | IOException | DynamoException e) {
            throw DynamoException.validation("Invalid NextToken");
        }
        KeySchema tk = table.keySchema();
        Map<String, AttributeValue> tableKey = new LinkedHashMap<>();
        tableKey.put(tk.partition().name(), key.get(tk.partition().name()));
        if (tk.sort() != null) {
            tableKey.put(tk.sort().name(), key.get(tk.sort().name()));
        }
        var pk = tk.keyOf(tableKey);
        if (index == null) {
            return new Reader.Position(pk, null, null);
        }
        return new Reader.Position(pk, key.get(index.keySchema().partition().name()),
            index.keySchema().sort() == null ? null : key.get(index.keySchema().sort().name()));
    }

}
