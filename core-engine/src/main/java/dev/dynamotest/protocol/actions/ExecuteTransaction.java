package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.partiql.Statement;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ExecuteTransaction: up to 100 PartiQL statements, all reads (one consistent snapshot) or all writes (committed
 * all-or-nothing exactly like TransactWriteItems, with the same cancellation reasons and ClientRequestToken
 * idempotency).
 */
public final class ExecuteTransaction implements Action {

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        JsonNode list = Requests.array(req, "TransactStatements");
        String token = Requests.string(req, "ClientRequestToken");
        new ValidationErrors().tap(v -> v.oneOf("returnConsumedCapacity", Requests.string(req, "ReturnConsumedCapacity"),
            ConsumedCapacityJson.VALUES)).throwIfAny();
        List<Statement> statements = PartiqlStatements.parseAll(list, "transactStatements", 100,
            "Read and write requests together in the same transaction is not supported.");
        boolean reads = PartiqlStatements.isRead(statements.get(0));
        if (reads) {
            read(ctx, statements, out);
            return;
        }
        List<ItemWrite> writes = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        int i = 0;
        for (JsonNode s : list) {
            ItemWrite w = PartiqlStatements.write(ctx, statements.get(i++),
                "ALL_OLD".equals(Requests.string(s, "ReturnValuesOnConditionCheckFailure")));
            if (!targets.add(w.table.metadata().arn() + "\u0000" + w.key.partition() + "\u0000" + w.key.sort())) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(w);
        }
        String scope = ctx.namespaceId().toString();
        String fingerprint = null;
        if (token != null) {
            ObjectNode copy = ((ObjectNode) req).deepCopy();
            copy.remove("ClientRequestToken");
            copy.remove("ReturnConsumedCapacity");
            fingerprint = "partiql:" + copy;
            if (ctx.engine().clientTokens().seen(scope, token, fingerprint)) {
                out.writeStartObject();
                out.writeArrayFieldStart("Responses");
                out.writeEndArray();
                out.writeEndObject();
                return;
            }
        }
        TransactWriteItems.commit(writes);
        if (token != null) {
            ctx.engine().clientTokens().remember(scope, token, fingerprint);
        }
        out.writeStartObject();
        out.writeArrayFieldStart("Responses");
        for (int k = 0; k < writes.size(); k++) {
            out.writeStartObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void read(RequestContext ctx, List<Statement> statements, JsonGenerator out) throws IOException {
        List<Table> tables = new ArrayList<>();
        List<PrimaryKey> keys = new ArrayList<>();
        for (Statement s : statements) {
            Statement.Select sel = (Statement.Select) s;
            Table t = PartiqlStatements.table(ctx, sel.table());
            if (sel.where() == null) {
                throw DynamoException.validation(PartiqlStatements.MISSING_KEY_EQUALITY);
            }
            tables.add(t);
            keys.add(PartiqlStatements.key(t, sel.where()));
        }
        Map<Table, TableData> snapshot = tables.get(0).commitPoint().snapshot(tables);
        out.writeStartObject();
        out.writeArrayFieldStart("Responses");
        for (int i = 0; i < statements.size(); i++) {
            Statement.Select sel = (Statement.Select) statements.get(i);
            Item item = snapshot.get(tables.get(i)).get(keys.get(i));
            out.writeStartObject();
            if (item != null && dev.dynamotest.engine.expr.ConditionEvaluator.evaluate(sel.where(), item,
                dev.dynamotest.engine.expr.ExpressionKind.FILTER)) {
                AttributeValueJson.writeItemField(out, "Item", sel.projection() == null ? item
                    : dev.dynamotest.engine.expr.Projector.project(item, sel.projection()));
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
