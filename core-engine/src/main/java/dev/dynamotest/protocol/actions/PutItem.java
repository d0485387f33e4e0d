package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.model.Item;
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

/** PutItem: replaces the whole item. */
public final class PutItem implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String tableName = Requests.string(req, "TableName");
        Item item = Requests.item(req, "Item");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", tableName, true);
        v.notNull("item", item);
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        v.throwIfAny();
        Table table = Tables.require(ctx, tableName);
        PrimaryKey key = table.keySchema().keyOfItem(item);
        if (item.sizeBytes() > Item.MAX_SIZE_BYTES) {
            throw DynamoException.validation(Messages.ITEM_TOO_LARGE);
        }
        ItemChange change = table.write(key, old -> item, CommitListener.Origin.WRITE);
        out.writeStartObject();
        ConsumedCapacityJson.writeWrite(out, ConsumedCapacityJson.mode(rcc), table.name(),
            dev.dynamotest.engine.capacity.WriteCost.of(table.data().layouts(), change.oldItem(), change.newItem()));
        out.writeEndObject();
    }
}
