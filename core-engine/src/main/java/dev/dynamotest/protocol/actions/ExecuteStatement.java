package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.capacity.WriteCost;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.ConditionEvaluator;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.partiql.PartiqlPlanner;
import dev.dynamotest.engine.partiql.Statement;
import dev.dynamotest.engine.query.Entry;
import dev.dynamotest.engine.query.Reader;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.IndexLayout;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT whose WHERE clause fixes the partition key (top-level
 * equality) reads that partition in sort-key order, within the sort-key range the WHERE clause bounds, like
 * Query; otherwise it scans the table or index. The whole WHERE clause is applied as a filter; Limit counts
 * evaluated items, a page also ends after 1 MB, and NextToken resumes after the last evaluated item. Writes
 * commit through the same path as PutItem/UpdateItem/DeleteItem.
 */
public final class ExecuteStatement implements Action {
    static final String GSI_CONSISTENT_SCAN = "Consistent read cannot be true when scanning a GSI";
    static final String GSI_CONSISTENT_QUERY = "Consistent reads are not supported on global secondary indexes";
    static final String GSI_PROJECTION = "One or more parameter values were invalid: Global secondary index %s does not project %s";
    static final String INVALID_NEXT_TOKEN = "Invalid NextToken";

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        Long limit = Requests.integer(req, "Limit");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        String nextToken = Requests.string(req, "NextToken");
        ValidationErrors v = new ValidationErrors();
        v.min("limit", limit, 1);
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        if (nextToken != null) {
            v.minLength("nextToken", nextToken, 1);
            v.maxLength("nextToken", nextToken, 32768);
        }
        v.throwIfAny();
        Statement s = PartiqlStatements.parse(req, "");
        if (s instanceof Statement.Exists) {
            throw DynamoException.validation(PartiqlStatements.EXISTS_OUTSIDE_TRANSACTION);
        }
        Table table = PartiqlStatements.table(ctx, s, Messages.RESOURCE_NOT_FOUND);
        ConsumedCapacityJson.Mode mode = ConsumedCapacityJson.mode(rcc);
        if (s instanceof Statement.Select sel) {
            select(ctx, table, sel, Boolean.TRUE.equals(Requests.bool(req, "ConsistentRead")), limit, nextToken, mode, out);
            return;
        }
        ItemWrite w = PartiqlStatements.write(table, s, ItemRequests.oldOnFailure(req));
        @SuppressWarnings("unchecked")
        List<Path>[] updated = new List[1];
        ItemChange change = w.table.write(w.key, w.function(updated)::apply, CommitListener.Origin.WRITE);
        out.writeStartObject();
        out.writeArrayFieldStart("Items");
        Item returned = PartiqlStatements.returned(PartiqlStatements.returning(s), change, updated[0]);
        if (returned != null && !returned.isEmpty()) {
            AttributeValueJson.writeItem(out, returned);
        }
        out.writeEndArray();
        ConsumedCapacityJson.writeWrite(out, mode, table.name(), WriteCost.of(table.data().layouts(), change.oldItem(), change.newItem()));
        out.writeEndObject();
    }

    /** The index a SELECT reads, checked: it exists, and a GSI is neither read consistently nor asked for more than it projects. */
    static IndexLayout index(TableData data, Statement.Select sel, boolean consistent, boolean query) {
        if (sel.index() == null) {
            return null;
        }
        IndexLayout index = data.layout(sel.index());
        if (index == null) {
            throw DynamoException.validation("The table does not have the specified index: " + sel.index());
        }
        if (index.global() && consistent) {
            throw DynamoException.validation(query ? GSI_CONSISTENT_QUERY : GSI_CONSISTENT_SCAN);
        }
        if (index.global() && sel.projection() != null && index.projectionType() != TableMetadata.ProjectionType.ALL) {
            List<String> missing = new ArrayList<>();
            for (String a : PartiqlPlanner.topLevelAttributes(sel.projection())) {
                if (!index.projects(a)) {
                    missing.add(a);
                }
            }
            if (!missing.isEmpty()) {
                throw DynamoException.validation(String.format(GSI_PROJECTION, index.name(), missing));
            }
        }
        return index;
    }

    private static void select(RequestContext ctx, Table table, Statement.Select sel, boolean consistent, Long limit, String nextToken,
                               ConsumedCapacityJson.Mode mode, JsonGenerator out) throws IOException {
        TableData latest = table.data();
        IndexLayout declared = sel.index() == null ? null : latest.layout(sel.index());
        // one snapshot for the whole page: an older version under the consistency model (a GSI always may lag)
        TableData data = ctx.read(table, latest, consistent, declared != null && declared.global() ? sel.index() : null);
        if (sel.index() != null && declared == null) {
            throw DynamoException.validation("The table does not have the specified index: " + sel.index());
        }
        KeySchema target = declared == null ? table.keySchema() : declared.keySchema();
        Condition where = PartiqlPlanner.check(sel.where());
        PartiqlPlanner.ReadPlan plan = PartiqlPlanner.read(sel, target);
        IndexLayout index = index(data, sel, consistent, plan.isQuery());
        Reader.Position start = nextToken == null ? null : decode(nextToken, table, index);
        Iterator<Entry> entries;
        if (plan.isQuery()) {
            entries = index == null ? Reader.queryTable(data, target, plan.partition(), plan.sort(), plan.forward(), start)
                : Reader.queryIndex(data.index(index.name()), index, plan.partition(), plan.sort(), plan.forward(), start);
        } else {
            entries = index == null ? Reader.scanTable(data, target, 0, 1, start) : Reader.scanIndex(data.index(index.name()), 0, 1, start);
        }
        boolean lsiFetch = index != null && !index.global() && index.projectionType() != TableMetadata.ProjectionType.ALL;
        int max = limit == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, limit);
        List<Item> items = new ArrayList<>();
        int scanned = 0;
        long bytes = 0;
        Entry last = null;
        boolean stopped = false;
        // As with Query and Scan, Limit and the 1 MB page size end a page after the item that reaches them, and
        // the page then carries a NextToken even if nothing follows (DynamoDB Local 2.6.1 answers the same).
        while (!stopped && entries.hasNext()) {
            Entry e = entries.next();
            Item item = e.item();
            if (lsiFetch) {
                Item full = data.get(e.tableKey());
                item = full != null ? full : item;
            }
            scanned++;
            bytes += item.sizeBytes();
            last = e;
            stopped = scanned == max || bytes >= ReadPages.PAGE_BYTES;
            if (where == null || ConditionEvaluator.evaluate(where, item, ExpressionKind.FILTER)) {
                items.add(PartiqlStatements.project(item, sel.projection()));
            }
        }
        out.writeStartObject();
        out.writeArrayFieldStart("Items");
        for (Item i : items) {
            AttributeValueJson.writeItem(out, i);
        }
        out.writeEndArray();
        if (stopped && last != null) {
            Map<String, AttributeValue> lek = lastKey(table, index, last);
            out.writeStringField("NextToken", encode(lek));
            // The service documents LastEvaluatedKey next to NextToken (DynamoDB Local 2.6.1 sends only NextToken).
            out.writeFieldName("LastEvaluatedKey");
            AttributeValueJson.writeMap(out, lek);
        }
        ConsumedCapacityJson.writeRead(out, mode, table.name(), CapacityUnits.read(bytes, consistent),
            index == null ? null : index.name(), index != null && index.global());
        out.writeEndObject();
    }

    static Map<String, AttributeValue> lastKey(Table table, IndexLayout index, Entry e) {
        Map<String, AttributeValue> m = new LinkedHashMap<>(table.keySchema().keyMap(e.tableKey()));
        if (index != null) {
            for (KeyAttribute a : index.keySchema().attributes()) {
                m.put(a.name(), e.item().get(a.name()));
            }
        }
        return m;
    }

    /** NextToken: opaque to clients; here the last evaluated key as JSON, base64url-encoded. */
    static String encode(Map<String, AttributeValue> key) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(buf)) {
            AttributeValueJson.writeMap(g, key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.toByteArray());
    }

    static Reader.Position decode(String token, Table table, IndexLayout index) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            Map<String, AttributeValue> key = AttributeValueJson.readMap(Json.parse(raw, 0, raw.length));
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
            Item indexKey = Item.wrap(new LinkedHashMap<>(key));
            if (!index.covers(indexKey)) {
                throw DynamoException.validation(INVALID_NEXT_TOKEN);
            }
            return new Reader.Position(pk, index.partitionValue(indexKey), index.sortValue(indexKey));
        } catch (IllegalArgumentException | IOException | DynamoException | NullPointerException e) {
            throw DynamoException.validation(INVALID_NEXT_TOKEN);
        }
    }
}
