package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Throttled;
import dev.dynamotest.engine.expr.ExpressionAttributes;
import dev.dynamotest.engine.expr.Projection;
import dev.dynamotest.engine.expr.Projector;
import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
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
 * BatchGetItem: up to 100 keys over several tables, each table with its own projection and consistency; the
 * response is capped at 16 MB, keys that do not fit are returned in UnprocessedKeys, as are keys whose reads the
 * capacity model throttles (every key throttled: the batch fails with the throttling exception, as the service does).
 */
public final class BatchGetItem implements Action {
    static final int MAX_KEYS = 100;
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    static final String REQUEST_ITEMS_REQUIRED = "The requestItems parameter is required for BatchGetItem";

    private record TableRequest(String name, Table table, JsonNode raw, List<Map<String, AttributeValue>> keys,
                                List<PrimaryKey> primaryKeys, Projection projection, boolean consistent) {
    }

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        JsonNode requestItems = Requests.object(req, "RequestItems");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        ValidationErrors v = new ValidationErrors();
        if (requestItems == null || requestItems.size() == 0) {
            throw DynamoException.validation(REQUEST_ITEMS_REQUIRED);
        }
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        v.throwIfAny();
        List<TableRequest> tables = new ArrayList<>();
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode tr = e.getValue();
            if (!tr.isObject()) {
                throw DynamoException.serialization("Unexpected value type for KeysAndAttributes");
            }
            JsonNode keysNode = Requests.array(tr, "Keys");
            if (keysNode == null) {
                throw DynamoException.validation(new ValidationErrors().tap(x -> x.notNull("requestItems." + e.getKey() + ".member.keys", null)).message());
            }
            if (keysNode.size() == 0) {
                throw DynamoException.validation("1 validation error detected: Value '[]' at 'requestItems." + e.getKey()
                    + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            if (keysNode.size() > MAX_KEYS) {
                throw DynamoException.validation("1 validation error detected: Value '" + ValidationErrors.javaText(keysNode, null)
                    + "' at 'requestItems." + e.getKey() + ".member.keys' failed to satisfy constraint: Member must have length "
                    + "less than or equal to " + MAX_KEYS);
            }
            total += keysNode.size();
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (JsonNode k : keysNode) {
                keys.add(AttributeValueJson.readMap(k));
            }
            tables.add(new TableRequest(e.getKey(), null, tr, keys, null, null, false));
        }
        if (total > MAX_KEYS) {
            throw DynamoException.validation("Too many items requested for the BatchGetItem call");
        }
        List<TableRequest> resolved = new ArrayList<>();
        for (TableRequest t : tables) {
            JsonNode tr = t.raw();
            List<String> attributesToGet = Requests.stringList(tr, "AttributesToGet");
            ValidationErrors tv = new ValidationErrors();
            LegacyParams.checkAttributesToGet(tv, attributesToGet);
            tv.throwIfAny();
            ItemRequests.checkNoMix(tr, GetItem.LEGACY, GetItem.EXPRESSIONS);
            ExpressionAttributes attrs = new ExpressionAttributes(Requests.stringMap(tr, "ExpressionAttributeNames"), null);
            if (Requests.member(tr, "ExpressionAttributeNames") != null && Requests.member(tr, "ProjectionExpression") == null) {
                throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            String projectionText = Requests.string(tr, "ProjectionExpression");
            Projection projection = projectionText != null ? attrs.projection(projectionText)
                : LegacyParams.attributesToGet(attributesToGet);
            attrs.checkAllUsed();
            Table table = Tables.require(ctx, t.name());
            List<PrimaryKey> pks = new ArrayList<>();
            Set<PrimaryKey> seen = new HashSet<>();
            for (Map<String, AttributeValue> k : t.keys()) {
                PrimaryKey pk = table.keySchema().keyOf(k);
                if (!seen.add(pk)) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                pks.add(pk);
            }
            resolved.add(new TableRequest(t.name(), table, tr, t.keys(), pks, projection,
                Boolean.TRUE.equals(Requests.bool(tr, "ConsistentRead"))));
        }

        // one consistent snapshot over all tables: a transaction is never seen half applied
        List<Table> involved = new ArrayList<>();
        resolved.forEach(t -> involved.add(t.table()));
        Map<Table, TableData> snapshot = involved.get(0).commitPoint().snapshot(involved);
        long responseBytes = 0;
        Map<String, List<Item>> responses = new LinkedHashMap<>();
        Map<TableRequest, List<Map<String, AttributeValue>>> unprocessed = new LinkedHashMap<>();
        Map<String, Double> capacity = new LinkedHashMap<>();
        List<Throttled> throttles = new ArrayList<>();
        int requested = 0;
        for (TableRequest t : resolved) {
            requested += t.primaryKeys().size();
            TableData data = ctx.read(t.table(), snapshot.get(t.table()), t.consistent(), null);
            List<Item> found = responses.computeIfAbsent(t.name(), n -> new ArrayList<>());
            double units = 0;
            FaultEffect.Unprocessed skip = ctx.partialFault() instanceof FaultEffect.Unprocessed u ? u : null;
            for (int i = 0; i < t.primaryKeys().size(); i++) {
                if (responseBytes >= MAX_RESPONSE_BYTES || (skip != null && skip.which().test(t.keys().get(i)))) {
                    unprocessed.computeIfAbsent(t, x -> new ArrayList<>()).add(t.keys().get(i));
                    continue;
                }
                Item item = data.get(t.primaryKeys().get(i));
                double itemUnits = CapacityUnits.read(item, t.consistent());
                try {
                    ctx.engine().capacity().chargeItemRead(t.table(), t.primaryKeys().get(i), itemUnits);
                } catch (Throttled throttle) {
                    // a key without read capacity is returned unprocessed; the batch goes on
                    unprocessed.computeIfAbsent(t, x -> new ArrayList<>()).add(t.keys().get(i));
                    throttles.add(throttle);
                    continue;
                }
                units += itemUnits;
                if (item != null) {
                    Item projected = t.projection() == null ? item : Projector.project(item, t.projection().paths());
                    responseBytes += item.sizeBytes();
                    found.add(projected);
                }
            }
            capacity.merge(t.name(), units, Double::sum);
        }

        if (throttles.size() == requested) {
            throw Throttled.merged(throttles); // none could be processed for lack of capacity
        }
        out.writeStartObject();
        out.writeObjectFieldStart("Responses");
        for (Map.Entry<String, List<Item>> e : responses.entrySet()) {
            out.writeArrayFieldStart(e.getKey());
            for (Item i : e.getValue()) {
                AttributeValueJson.writeItem(out, i);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeObjectFieldStart("UnprocessedKeys");
        for (Map.Entry<TableRequest, List<Map<String, AttributeValue>>> e : unprocessed.entrySet()) {
            out.writeObjectFieldStart(e.getKey().name());
            out.writeArrayFieldStart("Keys");
            for (Map<String, AttributeValue> k : e.getValue()) {
                AttributeValueJson.writeMap(out, k);
            }
            out.writeEndArray();
            for (String f : new String[] {"ProjectionExpression", "AttributesToGet", "ConsistentRead", "ExpressionAttributeNames"}) {
                JsonNode n = Requests.member(e.getKey().raw(), f);
                if (n != null) {
                    out.writeFieldName(f);
                    Json.writeTree(out, n);
                }
            }
            out.writeEndObject();
        }
        out.writeEndObject();
        ConsumedCapacityJson.Mode mode = ConsumedCapacityJson.mode(rcc);
        if (mode != ConsumedCapacityJson.Mode.NONE) {
            out.writeArrayFieldStart("ConsumedCapacity");
            for (Map.Entry<String, Double> e : capacity.entrySet()) {
                out.writeStartObject();
                ConsumedCapacityJson.writeReadBody(out, mode, e.getKey(), e.getValue(), null, false);
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }
}
