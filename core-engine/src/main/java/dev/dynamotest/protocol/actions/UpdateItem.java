package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.WriteCost;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.ExpressionAttributes;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.Projector;
import dev.dynamotest.engine.expr.UpdateApplier;
import dev.dynamotest.engine.expr.UpdateExpression;
import dev.dynamotest.engine.expr.UpdateResult;
import dev.dynamotest.engine.model.AttributeValue;
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
import java.util.Map;
import java.util.Set;

/**
 * UpdateItem: computes the new item from the old one with the update expression (or legacy AttributeUpdates)
 * under the table's lock, checks the condition against the old item, and commits; creates the item if absent.
 */
public final class UpdateItem implements Action {
    /** The legacy parameters that cannot come with an expression (ConditionalOperator is judged with Expected). */
    static final List<String> LEGACY = List.of("AttributeUpdates", "Expected");
    static final List<String> EXPRESSIONS = List.of("UpdateExpression", "ConditionExpression");
    static final String ITEM_TOO_LARGE = "Item size to update has exceeded the maximum allowed size";

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String returnValues = Requests.string(req, "ReturnValues");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        String ricm = Requests.string(req, "ReturnItemCollectionMetrics");
        ItemRequests.validateWrite(req, "Key");
        ItemWrite write = plan(ctx, req, true);
        @SuppressWarnings("unchecked")
        List<Path>[] updated = new List[1];
        ItemChange change = write.table.write(write.key, write.function(updated)::apply, CommitListener.Origin.WRITE);

        out.writeStartObject();
        Item returned = null;
        if (returnValues != null) {
            switch (returnValues) {
                case "ALL_OLD":
                    returned = change.oldItem();
                    break;
                case "ALL_NEW":
                    returned = change.newItem();
                    break;
                case "UPDATED_OLD":
                    returned = updatedPaths(change.oldItem(), updated[0]);
                    break;
                case "UPDATED_NEW":
                    returned = updatedPaths(change.newItem(), updated[0]);
                    break;
                default:
                    break;
            }
        }
        if (returned != null && !returned.isEmpty()) {
            AttributeValueJson.writeItemField(out, "Attributes", returned);
        }
        ConsumedCapacityJson.writeWrite(out, ConsumedCapacityJson.mode(rcc), write.table.name(),
            WriteCost.of(write.table.data().layouts(), change.oldItem(), change.newItem()));
        if (ItemRequests.wantsItemCollectionMetrics(ricm, write.table)) {
            ItemRequests.writeItemCollectionMetrics(out, write.table,
                change.newItem() != null ? change.newItem() : Item.wrap(write.table.keySchema().keyMap(write.key)));
        }
        out.writeEndObject();
    }

    /**
     * UPDATED_OLD / UPDATED_NEW: only the paths the update touched, nested as they are ({@code SET a.b = :v} gives
     * {@code {a: {b: ...}}}, {@code a[2]} the element inside a list), as the item was before or is after.
     */
    static Item updatedPaths(Item item, List<Path> updated) {
        return item == null || updated == null ? null : Projector.project(item, updated);
    }

    /** Parses and validates an update (UpdateItem, a transaction's Update). */
    static ItemWrite plan(RequestContext ctx, JsonNode req, boolean legacy) {
        Map<String, AttributeValue> keyMap = Requests.attributeMap(req, "Key");
        if (legacy) {
            ItemRequests.checkNoMix(req, LEGACY, EXPRESSIONS);
        }
        ExpressionAttributes attrs = ItemRequests.expressionAttributes(req, EXPRESSIONS,
            "UpdateExpression and ConditionExpression are null");
        String updateText = Requests.string(req, "UpdateExpression");
        String conditionText = Requests.string(req, "ConditionExpression");
        UpdateExpression update = updateText != null ? attrs.update(updateText) : null;
        Condition condition = conditionText != null ? attrs.condition(conditionText, ExpressionKind.CONDITION)
            : legacy ? LegacyParams.expected(req, Requests.string(req, "ConditionalOperator")) : null;
        attrs.checkAllUsed();
        LegacyParams.AttributeUpdates legacyUpdates = legacy ? LegacyParams.attributeUpdates(req) : null;

        Table table = Tables.require(ctx, Requests.string(req, "TableName"));
        PrimaryKey key = table.keySchema().keyOf(keyMap);
        Set<String> keyAttributes = keyMap.keySet();
        if (legacyUpdates != null) {
            legacyUpdates.checkKeyAttributes(keyAttributes);
        }
        return ItemWrite.update(table, key, condition, ItemRequests.oldOnFailure(req), old -> {
            if (update != null) {
                return UpdateApplier.apply(update, old, keyMap, keyAttributes);
            }
            if (legacyUpdates != null) {
                return legacyUpdates.apply(old, keyMap);
            }
            return new UpdateResult(old != null ? old : Item.of(keyMap), List.of());
        });
    }
}
