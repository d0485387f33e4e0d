package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.WriteCost;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.ExpressionAttributes;
import dev.dynamotest.engine.expr.ExpressionKind;
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
import java.util.List;

/** PutItem: replaces the whole item, optionally under a condition. */
public final class PutItem implements Action {
    /** The legacy parameters that cannot come with an expression (ConditionalOperator is judged with Expected). */
    static final List<String> LEGACY = List.of("Expected");
    static final List<String> EXPRESSIONS = List.of("ConditionExpression");

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String returnValues = Requests.string(req, "ReturnValues");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        String ricm = Requests.string(req, "ReturnItemCollectionMetrics");
        ItemRequests.validateWrite(req, "Item");
        ItemRequests.checkNoneOrAllOld(returnValues);
        ItemWrite write = plan(ctx, req, true);
        ItemChange change = write.table.write(write.key, write.function(null)::apply, CommitListener.Origin.WRITE);

        out.writeStartObject();
        if ("ALL_OLD".equals(returnValues) && change.oldItem() != null) {
            AttributeValueJson.writeItemField(out, "Attributes", change.oldItem());
        }
        ConsumedCapacityJson.writeWrite(out, ConsumedCapacityJson.mode(rcc), write.table.name(),
            WriteCost.of(write.table.data().layouts(), change.oldItem(), change.newItem()));
        if (ItemRequests.wantsItemCollectionMetrics(ricm, write.table)) {
            ItemRequests.writeItemCollectionMetrics(out, write.table, change.newItem());
        }
        out.writeEndObject();
    }

    /**
     * Parses and validates a put (a PutItem request or a transaction's Put): table, item, key, size and
     * condition. {@code legacy} allows Expected/ConditionalOperator (not in transactions).
     */
    static ItemWrite plan(RequestContext ctx, JsonNode req, boolean legacy) {
        Item item = Requests.item(req, "Item");
        if (legacy) {
            ItemRequests.checkNoMix(req, LEGACY, EXPRESSIONS);
        }
        ExpressionAttributes attrs = ItemRequests.expressionAttributes(req, EXPRESSIONS, "ConditionExpression is null");
        String conditionText = Requests.string(req, "ConditionExpression");
        Condition condition = conditionText != null ? attrs.condition(conditionText, ExpressionKind.CONDITION)
            : legacy ? LegacyParams.expected(req, Requests.string(req, "ConditionalOperator")) : null;
        attrs.checkAllUsed();
        Table table = Tables.require(ctx, Requests.string(req, "TableName"));
        PrimaryKey key = table.keySchema().keyOfItem(item);
        if (item.sizeBytes() > Item.MAX_SIZE_BYTES) {
            throw DynamoException.validation(Messages.ITEM_TOO_LARGE);
        }
        return ItemWrite.put(table, key, item, condition, ItemRequests.oldOnFailure(req));
    }
}
