package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
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
import java.util.Map;

/** GetItem: reads one item (the current committed state: reads are always strongly consistent here). */
public final class GetItem implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String tableName = Requests.string(req, "TableName");
        Map<String, AttributeValue> keyMap = Requests.attributeMap(req, "Key");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        Boolean consistent = Requests.bool(req, "ConsistentRead");
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", tableName, true);
        v.notNull("key", keyMap);
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        v.throwIfAny();
        Table table = Tables.require(ctx, tableName);
        PrimaryKey key = table.keySchema().keyOf(keyMap);
        Item item = table.get(key);
        out.writeStartObject();
        if (item != null) {
            AttributeValueJson.writeItemField(out, "Item", item);
        }
        ConsumedCapacityJson.writeRead(out, ConsumedCapacityJson.mode(rcc), table.name(),
            CapacityUnits.read(item, Boolean.TRUE.equals(consistent)), null, false);
        out.writeEndObject();
    }
}
