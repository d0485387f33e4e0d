package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.error.Throttled;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.partiql.PartiqlPlanner;
import dev.dynamotest.engine.partiql.Statement;
import dev.dynamotest.engine.table.ItemChange;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ExecuteTransaction: up to 100 PartiQL statements, all reads (SELECTs of one item by its full key, read from one
 * consistent snapshot) or all writes (INSERT, UPDATE, DELETE and EXISTS condition checks, committed all or
 * nothing through TransactWriteItems' commit, with its cancellation reasons and ClientRequestToken idempotency).
 * Messages verified against DynamoDB Local 2.6.1.
 */
public final class ExecuteTransaction implements Action {
    static final int MAX_STATEMENTS = 100;
    static final String MIXED = "ExecuteTransaction API does not support both read and write operations in the same request.";
    static final String IN_STATEMENT = "Validation failed in TransactStatements[%d]: %s";
    static final String READ_NEEDS_KEY = "Select statements within ExecuteTransaction must specify the primary key in the where clause.";
    static final String NO_INDEX_READS = "Reads on indices are not supported within transactions.";
    static final String NO_RETURNING = "RETURNING clause is not supported in ExecuteTransaction.";
    static final String NOT_EXISTS = "Unsupported operation in transaction.";

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        JsonNode list = Requests.array(req, "TransactStatements");
        String token = Requests.string(req, "ClientRequestToken");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        ValidationErrors v = new ValidationErrors();
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        if (token != null) {
            v.minLength("clientRequestToken", token, 1);
            v.maxLength("clientRequestToken", token, 36);
        }
        v.throwIfAny();
        PartiqlStatements.checkList(list, "transactStatements", MAX_STATEMENTS);
        List<Statement> statements = new ArrayList<>();
        for (JsonNode s : list) {
            statements.add(PartiqlStatements.parse(s, ""));
        }
        boolean reads = false;
        boolean writes = false;
        for (Statement s : statements) {
            reads |= s instanceof Statement.Select;
            writes |= !(s instanceof Statement.Select);
        }
        if (reads && writes) {
            throw DynamoException.validation(MIXED);
        }
        ConsumedCapacityJson.Mode mode = ConsumedCapacityJson.mode(rcc);
        if (reads) {
            read(ctx, statements, mode, out);
            return;
        }
        List<ItemWrite> plan = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        int i = 0;
        for (JsonNode node : list) {
            ItemWrite w = plan(ctx, statements.get(i), i, ItemRequests.oldOnFailure(node));
            if (!targets.add(PartiqlStatements.target(w.table, w.key))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            plan.add(w);
            i++;
        }
        String scope = ctx.namespaceId().toString();
        String fingerprint = null;
        if (token != null) {
            ObjectNode copy = ((ObjectNode) req).deepCopy();
            copy.remove("ClientRequestToken");
            copy.remove("ReturnConsumedCapacity");
            fingerprint = "ExecuteTransaction:" + copy;
            if (ctx.engine().clientTokens().seen(scope, token, fingerprint)) {
                writeWriteResponse(out, mode, plan, null);
                return;
            }
        }
        List<ItemChange> changes = TransactWriteItems.commit(plan);
        if (token != null) {
            ctx.engine().clientTokens().remember(scope, token, fingerprint);
        }
        writeWriteResponse(out, mode, plan, changes);
    }

    private static DynamoException inStatement(int i, String message) {
        return DynamoException.validation(String.format(IN_STATEMENT, i, message));
    }

    private static ItemWrite plan(RequestContext ctx, Statement s, int i, boolean oldOnFailure) {
        if (s instanceof Statement.Exists ex && ex.negated()) {
            throw DynamoException.validation(NOT_EXISTS);
        }
        if (PartiqlStatements.returning(s) != null) {
            throw inStatement(i, NO_RETURNING);
        }
        Table table = PartiqlStatements.table(ctx, s, Messages.RESOURCE_NOT_FOUND);
        if (s instanceof Statement.Exists ex && ex.select().index() != null) {
            throw inStatement(i, NO_INDEX_READS);
        }
        try {
            return PartiqlStatements.write(table, s, oldOnFailure);
        } catch (DynamoException e) {
            if (s instanceof Statement.Exists && e.getMessage().startsWith("EXISTS()")) {
                throw inStatement(i, e.getMessage());
            }
            throw e;
        }
    }

    private static void read(RequestContext ctx, List<Statement> statements, ConsumedCapacityJson.Mode mode, JsonGenerator out)
        throws IOException {
        List<Table> tables = new ArrayList<>();
        List<PrimaryKey> keys = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement.Select sel = (Statement.Select) statements.get(i);
            Table t = PartiqlStatements.table(ctx, sel, Messages.RESOURCE_NOT_FOUND);
            if (sel.index() != null) {
                throw inStatement(i, NO_INDEX_READS);
            }
            PartiqlPlanner.SingleItem target;
            try {
                target = PartiqlPlanner.singleItem(sel.where(), t.keySchema());
            } catch (DynamoException e) {
                if (PartiqlPlanner.MISSING_KEY_EQUALITY.equals(e.getMessage()) || e.getMessage().startsWith("Multiple conditions")) {
                    throw inStatement(i, READ_NEEDS_KEY);
                }
                throw e;
            }
            if (target.rest() != null) {
                throw inStatement(i, READ_NEEDS_KEY);
            }
            PrimaryKey key = t.keySchema().keyOf(target.key());
            if (!targets.add(PartiqlStatements.target(t, key))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            tables.add(t);
            keys.add(key);
        }
        Map<Table, TableData> snapshot = tables.get(0).commitPoint().snapshot(tables);
        Map<String, Double> units = new LinkedHashMap<>();
        List<Item> found = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            Item item = snapshot.get(tables.get(i)).get(keys.get(i));
            double cost = 2 * CapacityUnits.read(item, true); // transactional reads cost twice a consistent read
            try {
                ctx.engine().capacity().chargeItemRead(tables.get(i), keys.get(i), cost);
            } catch (Throttled t) {
                throw TransactionCanceled.throttled(statements.size(), i, t);
            }
            units.merge(tables.get(i).name(), cost, Double::sum);
            found.add(item);
        }
        out.writeStartObject();
        out.writeArrayFieldStart("Responses");
        for (int i = 0; i < statements.size(); i++) {
            Statement.Select sel = (Statement.Select) statements.get(i);
            Item item = found.get(i);
            out.writeStartObject();
            if (item != null) {
                AttributeValueJson.writeItemField(out, "Item", PartiqlStatements.project(item, sel.projection()));
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        if (mode != ConsumedCapacityJson.Mode.NONE) {
            out.writeArrayFieldStart("ConsumedCapacity");
            for (Map.Entry<String, Double> e : units.entrySet()) {
                out.writeStartObject();
                ConsumedCapacityJson.writeTransactionReadBody(out, mode, e.getKey(), e.getValue());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /**
     * A committed (or replayed) write transaction answers an empty Responses list (the model documents responses for
     * reads only); its capacity is TransactWriteItems' (a replay reports a transactional read of the items).
     */
    private static void writeWriteResponse(JsonGenerator out, ConsumedCapacityJson.Mode mode, List<ItemWrite> writes,
                                           List<ItemChange> changes) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("Responses");
        out.writeEndArray();
        TransactWriteItems.writeCapacity(out, mode, writes, changes);
        out.writeEndObject();
    }
}
