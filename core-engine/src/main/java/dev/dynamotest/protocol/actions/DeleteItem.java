package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.Map;

/** DeleteItem: removes one item; deleting an absent item succeeds. */
public final class DeleteItem implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String tableName = Requests.string(req, "TableName");
        Map<String, AttributeValue> keyMap = Requests.attributeMap(req, "Key");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", tableName, true);
        v.notNull("key", keyMap);
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        v.throwIfAny();
        Table table = Tables.require(ctx, tableName);
        PrimaryKey key = table.keySchema().keyOf(keyMap);
        ItemChange change = table.write(key, old -> null, CommitListener.Origin.WRITE);
        out.writeStartObject();
        ConsumedCapacityJson.writeWrite(out, ConsumedCapacityJson.mode(rcc), table.name(),
            dev.dynamotest.engine.capacity.WriteCost.of(table.data().layouts(), change.oldItem(), null));
        out.writeEndObject();
    }
}
