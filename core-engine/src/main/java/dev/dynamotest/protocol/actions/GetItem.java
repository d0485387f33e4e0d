package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.expr.ExpressionAttributes;
import dev.dynamotest.engine.expr.Projection;
import dev.dynamotest.engine.expr.Projector;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** GetItem: reads one item from the current committed state, or an older one under the consistency model. */
public final class GetItem implements Action {
    static final List<String> LEGACY = List.of("AttributesToGet");
    static final List<String> EXPRESSIONS = List.of("ProjectionExpression");

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String tableName = Requests.string(req, "TableName");
        Map<String, AttributeValue> keyMap = Requests.attributeMap(req, "Key");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        Boolean consistent = Requests.bool(req, "ConsistentRead");
        List<String> attributesToGet = Requests.stringList(req, "AttributesToGet");
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", tableName, true);
        v.notNull("key", keyMap);
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        LegacyParams.checkAttributesToGet(v, attributesToGet);
        v.throwIfAny();
        ItemRequests.checkNoMix(req, LEGACY, EXPRESSIONS);
        ExpressionAttributes attrs = ItemRequests.expressionAttributes(req, EXPRESSIONS, "ProjectionExpression is null");
        String projectionText = Requests.string(req, "ProjectionExpression");
        Projection projection = projectionText != null ? attrs.projection(projectionText)
            : LegacyParams.attributesToGet(attributesToGet);
        attrs.checkAllUsed();

        Table table = Tables.require(ctx, tableName);
        PrimaryKey key = table.keySchema().keyOf(keyMap);
        Item item = ctx.read(table, table.data(), Boolean.TRUE.equals(consistent), null).get(key);
        double units = CapacityUnits.read(item, Boolean.TRUE.equals(consistent));
        ctx.engine().capacity().chargeItemRead(table, key, units);
        out.writeStartObject();
        if (item != null) {
            AttributeValueJson.writeItemField(out, "Item", projection == null ? item : Projector.project(item, projection.paths()));
        }
        ConsumedCapacityJson.writeRead(out, ConsumedCapacityJson.mode(rcc), table.name(),
            CapacityUnits.read(item, Boolean.TRUE.equals(consistent)), null, false);
        out.writeEndObject();
    }
}
