package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.ExpressionAttributes;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.expr.Projection;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.query.Entry;
import dev.dynamotest.engine.query.Reader;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Query: one partition of a table or index, a sort-key range in order, then filter, projection and paging. */
public final class Query implements Action {
    /** In the order the service lists them in its "Can not use both..." message. */
    static final List<String> LEGACY = List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions");
    static final List<String> EXPRESSIONS = List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression");

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String tableName = Requests.string(req, "TableName");
        String indexName = Requests.string(req, "IndexName");
        String select = Requests.string(req, "Select");
        Long limit = Requests.integer(req, "Limit");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        Boolean consistent = Requests.bool(req, "ConsistentRead");
        Boolean forward = Requests.bool(req, "ScanIndexForward");
        String conditionalOperator = Requests.string(req, "ConditionalOperator");
        List<String> attributesToGet = Requests.stringList(req, "AttributesToGet");
        Map<String, AttributeValue> esk = Requests.attributeMap(req, "ExclusiveStartKey");
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", tableName, true);
        ReadPages.validateQuery(v, req, select, limit, rcc);
        v.oneOf("conditionalOperator", conditionalOperator, ItemRequests.CONDITIONAL_OPERATORS);
        LegacyParams.checkAttributesToGet(v, attributesToGet);
        v.throwIfAny();
        ItemRequests.checkNoMix(req, LEGACY, EXPRESSIONS);
        String keyText = Requests.string(req, "KeyConditionExpression");
        JsonNode legacyKeys = Requests.object(req, "KeyConditions");
        String nullList = "FilterExpression and KeyConditionExpression are null";
        ItemRequests.checkExpressionParams(req, EXPRESSIONS, nullList); // before the key condition (dynalite's order)
        if (keyText == null && legacyKeys == null) {
            throw DynamoException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        ExpressionAttributes attrs = ItemRequests.expressionAttributes(req, EXPRESSIONS, nullList);
        String filterText = Requests.string(req, "FilterExpression");
        String projectionText = Requests.string(req, "ProjectionExpression");
        Condition keyCondition = keyText != null ? attrs.condition(keyText, ExpressionKind.KEY_CONDITION)
            : LegacyParams.conditions(legacyKeys, null);
        Condition filter = filterText != null ? attrs.condition(filterText, ExpressionKind.FILTER)
            : LegacyParams.conditions(Requests.object(req, "QueryFilter"), conditionalOperator);
        Projection projection = projectionText != null ? attrs.projection(projectionText)
            : LegacyParams.attributesToGet(attributesToGet);
        attrs.checkAllUsed();

        Table table = Tables.require(ctx, tableName);
        ReadPages pages = ReadPages.open(ctx, table, indexName, select, projection, attributesToGet != null,
            Boolean.TRUE.equals(consistent), "Querying");
        KeySchema key = pages.targetKey();
        KeyConditions.Parsed parsed = KeyConditions.parse(keyCondition, key, keyText == null);
        if (filter != null) {
            Set<String> used = new HashSet<>();
            KeyConditions.attributes(filter, used);
            for (KeyAttribute k : key.attributes()) {
                if (used.contains(k.name())) {
                    throw DynamoException.validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: " + k.name());
                }
            }
        }
        Reader.Position start = pages.startPosition(esk);
        if (start != null) {
            AttributeValue startPartition = pages.index == null ? start.tableKey().partition() : start.indexPartition();
            if (!startPartition.equals(parsed.partition())) {
                throw DynamoException.validation("The provided starting key does not match the range key predicate");
            }
        }
        boolean ascending = forward == null || forward;
        Iterator<Entry> entries = pages.index == null
            ? Reader.queryTable(pages.data, key, parsed.partition(), parsed.sort(), ascending, start)
            : Reader.queryIndex(pages.data.index(indexName), pages.index, parsed.partition(), parsed.sort(), ascending, start);
        pages.charging(ctx.engine().capacity(), parsed.partition())
            .writePage(out, entries, filter, ExpressionKind.FILTER, limit, ConsumedCapacityJson.mode(rcc));
    }
}
