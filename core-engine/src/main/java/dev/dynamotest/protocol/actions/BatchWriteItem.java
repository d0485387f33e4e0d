package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.WriteCost;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.error.Throttled;
import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables. The whole batch is validated before anything
 * is written; then each request is applied on its own (a batch is not a transaction). Requests throttled by the
 * capacity model (or skipped by fault injection) are returned in UnprocessedItems; if every request was throttled, the
 * batch fails with the throttling exception, as the service does.
 */
public final class BatchWriteItem implements Action {
    static final int MAX_REQUESTS = 25;
    static final String REQUEST_ITEMS_REQUIRED = "The requestItems parameter is required for BatchWriteItem";

    /** RequestItems as the service echoes it: {@code {tbl=[WriteRequest(putRequest=PutRequest(item={...}))]}}. */
    private static String javaText(JsonNode requestItems) {
        StringBuilder b = new StringBuilder("{");
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append(b.length() > 1 ? ", " : "").append(e.getKey()).append('=').append(ValidationErrors.javaText(e.getValue(), "WriteRequest"));
        }
        return b.append('}').toString();
    }

    /** One validated write: the table, key and the new item (null for a delete). */
    public record Write(String tableName, Table table, PrimaryKey key, Item item, JsonNode raw) {
    }

    /** A put's key; a key attribute of the wrong type is reported as the service does for batches. */
    private static PrimaryKey keyOfPut(Table table, Item item) {
        KeySchema ks = table.keySchema();
        AttributeValue p = item.get(ks.partition().name());
        AttributeValue s = ks.sort() == null ? null : item.get(ks.sort().name());
        if ((p != null && p.type() != ks.partition().type()) || (s != null && s.type() != ks.sort().type())) {
            throw DynamoException.validation(Messages.KEY_SCHEMA_MISMATCH);
        }
        return ks.keyOfItem(item);
    }

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        JsonNode requestItems = Requests.object(req, "RequestItems");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        String ricm = Requests.string(req, "ReturnItemCollectionMetrics");
        ValidationErrors v = new ValidationErrors();
        if (requestItems == null || requestItems.size() == 0) {
            throw DynamoException.validation(REQUEST_ITEMS_REQUIRED);
        }
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        v.oneOf("returnItemCollectionMetrics", ricm, ItemRequests.RETURN_ITEM_COLLECTION_METRICS);
        v.throwIfAny();
        int total = 0;
        for (JsonNode list : requestItems) {
            if (!list.isArray()) {
                throw DynamoException.serialization("Unexpected value type for list of WriteRequest");
            }
            if (list.size() == 0 || list.size() > MAX_REQUESTS) {
                throw DynamoException.validation("1 validation error detected: Value '" + javaText(requestItems) + "' at 'requestItems' "
                    + "failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than "
                    + "or equal to 25, Member must have length greater than or equal to 1]");
            }
            total += list.size();
        }
        if (total > MAX_REQUESTS) {
            throw DynamoException.validation("Too many items requested for the BatchWriteItem call");
        }

        List<Write> writes = new ArrayList<>(total);
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Table table = Tables.require(ctx, e.getKey());
            Set<PrimaryKey> seen = new HashSet<>();
            for (JsonNode wr : e.getValue()) {
                JsonNode put = Requests.object(wr, "PutRequest");
                JsonNode delete = Requests.object(wr, "DeleteRequest");
                if (put == null && delete == null) {
                    throw DynamoException.validation("Invalid WriteRequest: neither PutRequest nor DeleteRequest is set");
                }
                if (put != null && delete != null) {
                    throw DynamoException.validation("Invalid WriteRequest: both PutRequest and DeleteRequest are set");
                }
                Write w;
                if (put != null) {
                    Item item = Requests.item(put, "Item");
                    if (item == null) {
                        throw DynamoException.validation(new ValidationErrors()
                            .tap(x -> x.notNull("requestItems." + e.getKey() + ".member.putRequest.item", null)).message());
                    }
                    PrimaryKey key = keyOfPut(table, item);
                    if (item.sizeBytes() > Item.MAX_SIZE_BYTES) {
                        throw DynamoException.validation(Messages.ITEM_TOO_LARGE);
                    }
                    table.data().checkIndexKeys(item);
                    w = new Write(e.getKey(), table, key, item, wr);
                } else {
                    Map<String, AttributeValue> keyMap = Requests.attributeMap(delete, "Key");
                    if (keyMap == null) {
                        throw DynamoException.validation(new ValidationErrors()
                            .tap(x -> x.notNull("requestItems." + e.getKey() + ".member.deleteRequest.key", null)).message());
                    }
                    w = new Write(e.getKey(), table, table.keySchema().keyOf(keyMap), null, wr);
                }
                if (!seen.add(w.key())) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                writes.add(w);
            }
        }

        Map<String, WriteCost[]> costs = new LinkedHashMap<>();
        Map<String, List<Item>> collections = new LinkedHashMap<>();
        Map<String, List<JsonNode>> unprocessed = new LinkedHashMap<>();
        FaultEffect.Unprocessed skip = ctx.partialFault() instanceof FaultEffect.Unprocessed u ? u : null;
        List<Throttled> throttles = new ArrayList<>();
        for (Write w : writes) { // MRSC: a conflict refuses the whole batch before any write
            ctx.engine().replication().checkConflict(w.table(), w.key());
        }
        for (Write w : writes) {
            if (skip != null && skip.which().test(w.item() != null ? w.item().attributes() : w.table().keySchema().keyMap(w.key()))) {
                unprocessed.computeIfAbsent(w.tableName(), n -> new ArrayList<>()).add(w.raw());
                continue;
            }
            Item item = w.item();
            ItemChange change;
            try {
                change = w.table().write(w.key(), old -> item, CommitListener.Origin.WRITE);
            } catch (Throttled t) {
                // a request without capacity is returned unprocessed, not applied; the batch goes on
                unprocessed.computeIfAbsent(w.tableName(), n -> new ArrayList<>()).add(w.raw());
                throttles.add(t);
                continue;
            }
            WriteCost c = WriteCost.of(w.table().data().layouts(), change.oldItem(), change.newItem());
            costs.merge(w.tableName(), new WriteCost[] {c}, (a, b) -> {
                WriteCost[] r = java.util.Arrays.copyOf(a, a.length + 1);
                r[a.length] = b[0];
                return r;
            });
            if (ItemRequests.wantsItemCollectionMetrics(ricm, w.table())) {
                collections.computeIfAbsent(w.tableName(), n -> new ArrayList<>())
                    .add(item != null ? item : Item.wrap(w.table().keySchema().keyMap(w.key())));
            }
        }

        if (throttles.size() == writes.size()) {
            throw Throttled.merged(throttles); // none could be processed for lack of capacity
        }
        out.writeStartObject();
        out.writeObjectFieldStart("UnprocessedItems");
        for (Map.Entry<String, List<JsonNode>> e : unprocessed.entrySet()) {
            out.writeArrayFieldStart(e.getKey());
            for (JsonNode raw : e.getValue()) {
                Json.writeTree(out, raw);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        ConsumedCapacityJson.Mode mode = ConsumedCapacityJson.mode(rcc);
        if (mode != ConsumedCapacityJson.Mode.NONE) {
            out.writeArrayFieldStart("ConsumedCapacity");
            for (Map.Entry<String, WriteCost[]> e : costs.entrySet()) {
                out.writeStartObject();
                ConsumedCapacityJson.writeWriteBody(out, mode, e.getKey(), WriteCost.sum(e.getValue()));
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        if (!collections.isEmpty()) {
            out.writeObjectFieldStart("ItemCollectionMetrics");
            for (Map.Entry<String, List<Item>> e : collections.entrySet()) {
                Table t = Tables.require(ctx, e.getKey());
                out.writeArrayFieldStart(e.getKey());
                for (Item i : e.getValue()) {
                    out.writeStartObject();
                    ItemRequests.writeItemCollectionMetricsBody(out, t, i);
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
        out.writeEndObject();
    }
}
