package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Throttled;
import dev.dynamotest.engine.expr.ExpressionAttributes;
import dev.dynamotest.engine.expr.Projection;
import dev.dynamotest.engine.expr.Projector;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
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

/** TransactGetItems: up to 100 gets read from one consistent snapshot of all the tables involved. */
public final class TransactGetItems implements Action {

    private record Get(Table table, PrimaryKey key, Projection projection) {
    }

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        JsonNode items = Requests.array(req, "TransactItems");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        ValidationErrors v = new ValidationErrors();
        if (v.notNull("transactItems", items)) {
            if (items.size() == 0) {
                v.add("Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
            } else if (items.size() > TransactWriteItems.MAX_ACTIONS) {
                v.add("Value '" + ValidationErrors.javaText(items, "TransactGetItem") + "' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
            }
        }
        v.oneOf("returnConsumedCapacity", rcc, List.of("INDEXES", "TOTAL", "NONE"));
        if (items != null) {
            int i = 1;
            for (JsonNode ti : items) {
                String prefix = "transactItems." + i++ + ".member.get";
                JsonNode g = Requests.object(ti, "Get");
                if (v.notNull(prefix, g)) {
                    v.notNull(prefix + ".key", Requests.member(g, "Key"));
                    v.tableName(prefix + ".tableName", Requests.string(g, "TableName"), true);
                }
            }
        }
        v.throwIfAny();
        List<Get> gets = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        TransactionCanceled.KeyErrors keyErrors = new TransactionCanceled.KeyErrors();
        for (JsonNode ti : items) {
            JsonNode g = Requests.object(ti, "Get");
            ExpressionAttributes attrs = new ExpressionAttributes(Requests.stringMap(g, "ExpressionAttributeNames"), null);
            String projectionText = Requests.string(g, "ProjectionExpression");
            if (projectionText == null && Requests.member(g, "ExpressionAttributeNames") != null) {
                throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            Projection projection = projectionText == null ? null : attrs.projection(projectionText);
            attrs.checkAllUsed();
            Table table = Tables.require(ctx, Requests.string(g, "TableName"));
            ReplicaUpdates.refuseTransaction(table); // MRSC global tables have no transactions
            PrimaryKey key = keyErrors.check(() -> table.keySchema().keyOf(Requests.attributeMap(g, "Key")));
            if (key == null) {
                continue;
            }
            if (!targets.add(table.metadata().arn() + "\u0000" + key.partition() + "\u0000" + key.sort())) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            gets.add(new Get(table, key, projection));
        }
        keyErrors.throwIfAny();
        List<Table> tables = new ArrayList<>();
        gets.forEach(g -> tables.add(g.table()));
        Map<Table, TableData> snapshot = tables.get(0).commitPoint().snapshot(tables);
        Map<String, Double> units = new LinkedHashMap<>();
        List<Item> found = new ArrayList<>(gets.size());
        for (int i = 0; i < gets.size(); i++) {
            Get g = gets.get(i);
            Item item = snapshot.get(g.table()).get(g.key());
            double cost = 2 * CapacityUnits.read(item, true); // transactional reads cost twice a consistent read
            try {
                ctx.engine().capacity().chargeItemRead(g.table(), g.key(), cost);
            } catch (Throttled t) {
                throw TransactionCanceled.throttled(gets.size(), i, t);
            }
            units.merge(g.table().name(), cost, Double::sum);
            found.add(item);
        }
        out.writeStartObject();
        out.writeArrayFieldStart("Responses");
        for (int i = 0; i < gets.size(); i++) {
            Get g = gets.get(i);
            Item item = found.get(i);
            out.writeStartObject();
            if (item != null) {
                AttributeValueJson.writeItemField(out, "Item", g.projection() == null ? item : Projector.project(item, g.projection().paths()));
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        ConsumedCapacityJson.Mode mode = ConsumedCapacityJson.mode(rcc);
        if (mode != ConsumedCapacityJson.Mode.NONE) {
            out.writeArrayFieldStart("ConsumedCapacity");
            for (Map.Entry<String, Double> e : units.entrySet()) {
                out.writeStartObject();
                ConsumedCapacityJson.writeTransactionReadBody(out, mode, e.getKey(), e.getValue());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }
}
