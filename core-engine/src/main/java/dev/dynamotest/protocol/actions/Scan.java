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
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scan: every item of a table or index in a stable order (partition-key hash, then sort key), optionally one
 * segment of a parallel scan, then filter, projection and paging.
 */
public final class Scan implements Action {
    /** In the order the service lists them in its "Can not use both..." message. */
    static final List<String> LEGACY = List.of("AttributesToGet", "ScanFilter", "ConditionalOperator");
    static final List<String> EXPRESSIONS = List.of("ProjectionExpression", "FilterExpression");
    static final String TOTAL_SEGMENTS_REQUIRED =
        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present";
    static final String SEGMENT_REQUIRED =
        "The Segment parameter is required but was not present in the request when parameter TotalSegments is present";

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String tableName = Requests.string(req, "TableName");
        String indexName = Requests.string(req, "IndexName");
        String select = Requests.string(req, "Select");
        Long limit = Requests.integer(req, "Limit");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        Boolean consistent = Requests.bool(req, "ConsistentRead");
        String conditionalOperator = Requests.string(req, "ConditionalOperator");
        List<String> attributesToGet = Requests.stringList(req, "AttributesToGet");
        Long segment = Requests.integer(req, "Segment");
        Long totalSegments = Requests.integer(req, "TotalSegments");
        Map<String, AttributeValue> esk = Requests.attributeMap(req, "ExclusiveStartKey");
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", tableName, true);
        ReadPages.validateCommon(v, req, select, limit, rcc);
        v.oneOf("conditionalOperator", conditionalOperator, ItemRequests.CONDITIONAL_OPERATORS);
        v.min("segment", segment, 0);
        v.max("segment", segment, 999999);
        v.min("totalSegments", totalSegments, 1);
        v.max("totalSegments", totalSegments, 1000000);
        LegacyParams.checkAttributesToGet(v, attributesToGet);
        v.throwIfAny();
        if (segment != null && totalSegments == null) {
            throw DynamoException.validation(TOTAL_SEGMENTS_REQUIRED);
        }
        if (totalSegments != null && segment == null) {
            throw DynamoException.validation(SEGMENT_REQUIRED);
        }
        if (segment != null && segment >= totalSegments) {
            throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
                + "Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
        ItemRequests.checkNoMix(req, LEGACY, EXPRESSIONS);
        ExpressionAttributes attrs = ItemRequests.expressionAttributes(req, EXPRESSIONS,
            "FilterExpression is null");
        String filterText = Requests.string(req, "FilterExpression");
        String projectionText = Requests.string(req, "ProjectionExpression");
        Condition filter = filterText != null ? attrs.condition(filterText, ExpressionKind.FILTER)
            : LegacyParams.conditions(Requests.object(req, "ScanFilter"), conditionalOperator);
        Projection projection = projectionText != null ? attrs.projection(projectionText)
            : LegacyParams.attributesToGet(attributesToGet);
        attrs.checkAllUsed();

        Table table = Tables.require(ctx, tableName);
        ReadPages pages = ReadPages.open(ctx, table, indexName, select, projection, attributesToGet != null,
            Boolean.TRUE.equals(consistent), "Scanning");
        Reader.Position start = pages.startPosition(esk);
        int seg = segment == null ? 0 : segment.intValue();
        int total = totalSegments == null ? 1 : totalSegments.intValue();
        if (start != null && total > 1) {
            AttributeValue p = pages.index == null ? start.tableKey().partition() : start.indexPartition();
            if (Reader.segmentOf(p, total) != seg) {
                throw DynamoException.validation("The provided Exclusive start key does not map to the provided Segment and TotalSegments values.");
            }
        }
        Iterator<Entry> entries = pages.index == null
            ? Reader.scanTable(pages.data, table.keySchema(), seg, total, start)
            : Reader.scanIndex(pages.data.index(indexName), seg, total, start);
        pages.charging(ctx.engine().capacity(), null)
            .writePage(out, entries, filter, ExpressionKind.FILTER, limit, ConsumedCapacityJson.mode(rcc));
    }
}
