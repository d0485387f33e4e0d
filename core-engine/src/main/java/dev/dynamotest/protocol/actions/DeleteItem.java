package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.WriteCost;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.ExpressionAttributes;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.Map;

/** DeleteItem: removes one item, optionally under a condition; deleting an absent item succeeds. */
public final class DeleteItem implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String returnValues = Requests.string(req, "ReturnValues");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        String ricm = Requests.string(req, "ReturnItemCollectionMetrics");
        ItemRequests.validateWrite(req, "Key");
        ItemRequests.checkNoneOrAllOld(returnValues);
        ItemWrite write = plan(ctx, req, true, false);
        ItemChange change = write.table.write(write.key, write.function(null)::apply, CommitListener.Origin.WRITE);

        out.writeStartObject();
        if ("ALL_OLD".equals(returnValues) && change.oldItem() != null) {
            AttributeValueJson.writeItemField(out, "Attributes", change.oldItem());
        }
        ConsumedCapacityJson.writeWrite(out, ConsumedCapacityJson.mode(rcc), write.table.name(),
            WriteCost.of(write.table.data().layouts(), change.oldItem(), null));
        if (ItemRequests.wantsItemCollectionMetrics(ricm, write.table)) {
            ItemRequests.writeItemCollectionMetrics(out, write.table, Item.wrap(write.table.keySchema().keyMap(write.key)));
        }
        out.writeEndObject();
    }

    /**
     * Parses a delete (DeleteItem, a transaction's Delete) or, with {@code checkOnly}, a transaction's
     * ConditionCheck, whose ConditionExpression is required.
     */
    static ItemWrite plan(RequestContext ctx, JsonNode req, boolean legacy, boolean checkOnly) {
        Map<String, AttributeValue> keyMap = Requests.attributeMap(req, "Key");
        if (legacy) {
            ItemRequests.checkNoMix(req, PutItem.LEGACY, PutItem.EXPRESSIONS);
        }
        ExpressionAttributes attrs = ItemRequests.expressionAttributes(req, PutItem.EXPRESSIONS, "ConditionExpression is null");
        String conditionText = Requests.string(req, "ConditionExpression");
        Condition condition = conditionText != null ? attrs.condition(conditionText, ExpressionKind.CONDITION)
            : legacy ? LegacyParams.expected(req, Requests.string(req, "ConditionalOperator")) : null;
        attrs.checkAllUsed();
        Table table = Tables.require(ctx, Requests.string(req, "TableName"));
        var key = table.keySchema().keyOf(keyMap);
        boolean oldOnFailure = ItemRequests.oldOnFailure(req);
        return checkOnly ? ItemWrite.conditionCheck(table, key, condition, oldOnFailure)
            : ItemWrite.delete(table, key, condition, oldOnFailure);
    }
}
