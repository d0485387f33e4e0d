package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.expr.ConditionEvaluator;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.expr.Projector;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.partiql.Statement;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (each a single-item SELECT by full key) or all writes;
 * each answers on its own, failures as per-statement Error entries rather than failing the call.
 */
public final class BatchExecuteStatement implements Action {

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        JsonNode list = Requests.array(req, "Statements");
        new ValidationErrors().tap(v -> v.oneOf("returnConsumedCapacity", Requests.string(req, "ReturnConsumedCapacity"),
            ConsumedCapacityJson.VALUES)).throwIfAny();
        List<Statement> statements = PartiqlStatements.parseAll(list, "statements", 25,
            "Read and write requests together in the same batch is not supported.");
        out.writeStartObject();
        out.writeArrayFieldStart("Responses");
        int i = 0;
        for (JsonNode s : list) {
            Statement st = statements.get(i++);
            out.writeStartObject();
            try {
                if (st instanceof Statement.Select sel) {
                    Item item = get(ctx, sel);
                    if (item != null) {
                        AttributeValueJson.writeItemField(out, "Item", item);
                    }
                } else {
                    ItemWrite w = PartiqlStatements.write(ctx, st, "ALL_OLD".equals(Requests.string(s, "ReturnValuesOnConditionCheckFailure")));
                    w.table.write(w.key, w.function(null)::apply, CommitListener.Origin.WRITE);
                }
            } catch (DynamoException e) {
                out.writeObjectFieldStart("Error");
                out.writeStringField("Code", code(e));
                out.writeStringField("Message", e.getMessage());
                if (e.item() != null) {
                    AttributeValueJson.writeItemField(out, "Item", e.item());
                }
                out.writeEndObject();
            }
            out.writeStringField("TableName", st.table());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** A batch SELECT reads one item by its full key; the rest of the WHERE clause filters it. */
    static Item get(RequestContext ctx, Statement.Select sel) {
        Table table = PartiqlStatements.table(ctx, sel.table());
        if (sel.where() == null) {
            throw DynamoException.validation(PartiqlStatements.MISSING_KEY_EQUALITY);
        }
        PrimaryKey key = PartiqlStatements.key(table, sel.where());
        Item item = table.get(key);
        if (item == null || !ConditionEvaluator.evaluate(sel.where(), item, ExpressionKind.FILTER)) {
            return null;
        }
        return sel.projection() == null ? item : Projector.project(item, sel.projection());
    }

    /** The batch error code: the exception type without "Exception". */
    static String code(DynamoException e) {
        switch (e.type()) {
            case ErrorTypes.CONDITIONAL_CHECK_FAILED: return "ConditionalCheckFailed";
            case ErrorTypes.DUPLICATE_ITEM: return "DuplicateItem";
            case ErrorTypes.RESOURCE_NOT_FOUND: return "ResourceNotFound";
            case ErrorTypes.VALIDATION: return "ValidationError";
            case ErrorTypes.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED: return "ItemCollectionSizeLimitExceeded";
            case ErrorTypes.TRANSACTION_CONFLICT: return "TransactionConflict";
            case ErrorTypes.PROVISIONED_THROUGHPUT_EXCEEDED: return "ProvisionedThroughputExceeded";
            default: return "InternalServerError";
        }
    }
}
