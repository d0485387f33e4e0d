package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.capacity.WriteCost;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Throttled;
import dev.dynamotest.engine.expr.UpdateResult;
import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.CommitPoint;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
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
 * TransactWriteItems: up to 100 Put/Update/Delete/ConditionCheck actions over several tables, all or nothing.
 * Every action is parsed and validated first; then, with all tables locked, each action's condition and new
 * item are computed from the current data; if any fails the transaction is cancelled with one reason per
 * action, otherwise all changes are committed at once through the commit point.
 */
public final class TransactWriteItems implements Action {
    static final int MAX_ACTIONS = 100;
    static final long MAX_BYTES = 4L * 1024 * 1024;

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        JsonNode items = Requests.array(req, "TransactItems");
        String rcc = Requests.string(req, "ReturnConsumedCapacity");
        String ricm = Requests.string(req, "ReturnItemCollectionMetrics");
        String token = Requests.string(req, "ClientRequestToken");
        ValidationErrors v = new ValidationErrors();
        if (v.notNull("transactItems", items)) {
            if (items.size() == 0) {
                v.add("Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
            } else if (items.size() > MAX_ACTIONS) {
                v.add("Value '" + ValidationErrors.javaText(items, "TransactWriteItem") + "' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
            }
        }
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        v.oneOf("returnItemCollectionMetrics", ricm, ItemRequests.RETURN_ITEM_COLLECTION_METRICS);
        if (token != null) {
            v.minLength("clientRequestToken", token, 1);
            v.maxLength("clientRequestToken", token, 36);
        }
        if (items != null) {
            requiredMembers(v, items);
        }
        v.throwIfAny();

        List<ItemWrite> writes = plan(ctx, items);
        String fingerprint = null;
        String scope = ctx.namespaceId().toString();
        if (token != null) {
            ObjectNode copy = ((ObjectNode) req).deepCopy();
            copy.remove("ClientRequestToken");
            copy.remove("ReturnConsumedCapacity");
            fingerprint = copy.toString();
            if (ctx.engine().clientTokens().seen(scope, token, fingerprint)) {
                writeResponse(out, ConsumedCapacityJson.mode(rcc), writes, null);
                return;
            }
        }
        if (ctx.partialFault() instanceof FaultEffect.TransactionConflictOn c) {
            List<TransactionCanceled.Reason> reasons = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                reasons.add(i == c.actionIndex() ? new TransactionCanceled.Reason("TransactionConflict",
                    "Transaction is ongoing for the item", null) : TransactionCanceled.Reason.NONE);
            }
            throw new TransactionCanceled(reasons);
        }
        List<ItemChange> changes = commit(writes);
        if (token != null) {
            ctx.engine().clientTokens().remember(scope, token, fingerprint);
        }
        writeResponse(out, ConsumedCapacityJson.mode(rcc), writes, changes);
    }

    /** The members the model requires of each action (in the model's order), and their TableName's length. */
    private static void requiredMembers(ValidationErrors v, JsonNode items) {
        int i = 1;
        for (JsonNode ti : items) {
            String prefix = "transactItems." + i++ + ".member.";
            JsonNode n;
            if ((n = Requests.object(ti, "ConditionCheck")) != null) {
                v.notNull(prefix + "conditionCheck.key", Requests.member(n, "Key"));
                v.tableName(prefix + "conditionCheck.tableName", Requests.string(n, "TableName"), true);
                v.notNull(prefix + "conditionCheck.conditionExpression", Requests.string(n, "ConditionExpression"));
            }
            if ((n = Requests.object(ti, "Put")) != null) {
                v.notNull(prefix + "put.item", Requests.member(n, "Item"));
                v.tableName(prefix + "put.tableName", Requests.string(n, "TableName"), true);
            }
            if ((n = Requests.object(ti, "Delete")) != null) {
                v.notNull(prefix + "delete.key", Requests.member(n, "Key"));
                v.tableName(prefix + "delete.tableName", Requests.string(n, "TableName"), true);
            }
            if ((n = Requests.object(ti, "Update")) != null) {
                v.notNull(prefix + "update.key", Requests.member(n, "Key"));
                v.notNull(prefix + "update.updateExpression", Requests.string(n, "UpdateExpression"));
                v.tableName(prefix + "update.tableName", Requests.string(n, "TableName"), true);
            }
        }
    }

    /**
     * Parses and validates every action; two actions on one item, or a request over 4 MB, are rejected. A key that
     * does not match its table's schema cancels the transaction with reason ValidationError, as the service does.
     */
    static List<ItemWrite> plan(RequestContext ctx, JsonNode items) {
        List<ItemWrite> writes = new ArrayList<>(items.size());
        TransactionCanceled.KeyErrors keyErrors = new TransactionCanceled.KeyErrors();
        Set<String> targets = new HashSet<>();
        long bytes = 0;
        for (JsonNode ti : items) {
            int kinds = 0;
            for (String k : new String[] {"ConditionCheck", "Put", "Delete", "Update"}) {
                if (Requests.member(ti, k) != null) {
                    kinds++;
                }
            }
            if (kinds != 1) {
                throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            ItemWrite w = keyErrors.check(() -> planAction(ctx, ti));
            if (w == null) {
                continue;
            }
            JsonNode put = Requests.object(ti, "Put");
            if (put != null) {
                bytes += Requests.item(put, "Item").sizeBytes();
            }
            if (!targets.add(w.table.metadata().arn() + "\u0000" + keyText(w.key))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(w);
        }
        keyErrors.throwIfAny();
        if (bytes > MAX_BYTES) {
            throw DynamoException.validation("Transaction request cannot be larger than 4 MB");
        }
        return writes;
    }

    /** One action (exactly one of Put, Update, Delete, ConditionCheck) as a planned write. */
    private static ItemWrite planAction(RequestContext ctx, JsonNode ti) {
        JsonNode n;
        if ((n = Requests.object(ti, "Put")) != null) {
            return PutItem.plan(ctx, n, false);
        }
        if ((n = Requests.object(ti, "Update")) != null) {
            return UpdateItem.plan(ctx, n, false);
        }
        if ((n = Requests.object(ti, "Delete")) != null) {
            return DeleteItem.plan(ctx, n, false, false);
        }
        return DeleteItem.plan(ctx, Requests.object(ti, "ConditionCheck"), false, true);
    }

    private static String keyText(PrimaryKey k) {
        return k.partition() + "\u0000" + k.sort();
    }

    /**
     * Applies all writes atomically: under the tables' locks, each write is evaluated against the current data;
     * all pass, or the transaction is cancelled with a reason per action and nothing changes.
     */
    static List<ItemChange> commit(List<ItemWrite> writes) {
        List<Table> tables = new ArrayList<>();
        for (ItemWrite w : writes) {
            ReplicaUpdates.refuseTransaction(w.table); // MRSC global tables have no transactions
            tables.add(w.table);
        }
        Table first = writes.get(0).table;
        try {
            return commitAtomically(first, tables, writes);
        } catch (Throttled t) {
            // the commit point names the throttled change; changes are the writes without their condition checks
            int change = -1;
            int index = writes.size() - 1;
            for (int i = 0; i < writes.size(); i++) {
                if (writes.get(i).kind != ItemWrite.Kind.CONDITION_CHECK && ++change == t.changeIndex()) {
                    index = i;
                    break;
                }
            }
            throw TransactionCanceled.throttled(writes.size(), index, t);
        }
    }

    private static List<ItemChange> commitAtomically(Table first, List<Table> tables, List<ItemWrite> writes) {
        return commitPoint(first).atomically(tables, () -> {
            List<ItemChange> changes = new ArrayList<>(writes.size());
            List<TransactionCanceled.Reason> reasons = new ArrayList<>(writes.size());
            boolean failed = false;
            for (ItemWrite w : writes) {
                Item old = w.table.data().get(w.key);
                try {
                    UpdateResult r = w.apply(old);
                    reasons.add(TransactionCanceled.Reason.NONE);
                    if (w.kind != ItemWrite.Kind.CONDITION_CHECK) {
                        w.table.data().checkIndexKeys(r.newItem());
                        changes.add(new ItemChange(w.table, w.key, old, r.newItem()));
                    }
                } catch (DynamoException e) {
                    failed = true;
                    if (ErrorTypes.CONDITIONAL_CHECK_FAILED.equals(e.type())) {
                        reasons.add(new TransactionCanceled.Reason("ConditionalCheckFailed", e.getMessage(), e.item()));
                    } else if (ErrorTypes.DUPLICATE_ITEM.equals(e.type())) {
                        reasons.add(new TransactionCanceled.Reason("DuplicateItem", e.getMessage(), null));
                    } else {
                        reasons.add(new TransactionCanceled.Reason("ValidationError", e.getMessage(), null));
                    }
                }
            }
            if (failed) {
                throw new TransactionCanceled(reasons);
            }
            return changes;
        }, CommitListener.Origin.TRANSACTION);
    }

    private static CommitPoint commitPoint(Table t) {
        return t.commitPoint();
    }

    /**
     * Transactional writes cost twice the units of standard writes, per table; a ConditionCheck is billed as a
     * transactional write of the item it checks (2 units per KB). A replay ({@code changes} null: the token was seen
     * inside the idempotency window) is billed as a transactional read of the items (2 units per 4 KB), as the service
     * reports it.
     */
    private static void writeResponse(JsonGenerator out, ConsumedCapacityJson.Mode mode, List<ItemWrite> writes,
                                      List<ItemChange> changes) throws IOException {
        out.writeStartObject();
        writeCapacity(out, mode, writes, changes);
        out.writeEndObject();
    }

    /** The ConsumedCapacity member of a write transaction's answer (TransactWriteItems and ExecuteTransaction). */
    static void writeCapacity(JsonGenerator out, ConsumedCapacityJson.Mode mode, List<ItemWrite> writes,
                              List<ItemChange> changes) throws IOException {
        if (mode != ConsumedCapacityJson.Mode.NONE) {
            out.writeArrayFieldStart("ConsumedCapacity");
            if (changes == null) {
                Map<String, Double> reads = new LinkedHashMap<>();
                for (ItemWrite w : writes) {
                    reads.merge(w.table.name(), 2 * CapacityUnits.read(w.table.data().get(w.key), true), Double::sum);
                }
                for (Map.Entry<String, Double> e : reads.entrySet()) {
                    out.writeStartObject();
                    ConsumedCapacityJson.writeTransactionReadBody(out, mode, e.getKey(), e.getValue());
                    out.writeEndObject();
                }
            } else {
                Map<String, List<WriteCost>> perTable = new LinkedHashMap<>();
                for (ItemWrite w : writes) {
                    perTable.computeIfAbsent(w.table.name(), n -> new ArrayList<>());
                }
                for (ItemChange c : changes) {
                    perTable.get(c.table().name()).add(WriteCost.of(c.table().data().layouts(), c.oldItem(), c.newItem()).times(2));
                }
                for (ItemWrite w : writes) {
                    if (w.kind == ItemWrite.Kind.CONDITION_CHECK) {
                        double units = 2 * CapacityUnits.write(w.table.data().get(w.key), null);
                        perTable.get(w.table.name()).add(new WriteCost(units, Map.of(), Map.of()));
                    }
                }
                for (Map.Entry<String, List<WriteCost>> e : perTable.entrySet()) {
                    out.writeStartObject();
                    ConsumedCapacityJson.writeTransactionWriteBody(out, mode, e.getKey(), WriteCost.sum(e.getValue().toArray(new WriteCost[0])));
                    out.writeEndObject();
                }
            }
            out.writeEndArray();
        }
    }
}
