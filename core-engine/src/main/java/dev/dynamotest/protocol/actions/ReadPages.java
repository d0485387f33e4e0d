package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.capacity.CapacityModel;
import dev.dynamotest.engine.capacity.CapacityUnits;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.ConditionEvaluator;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.Projection;
import dev.dynamotest.engine.expr.Projector;
import dev.dynamotest.engine.journal.RequestTrace;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.query.Entry;
import dev.dynamotest.engine.query.Reader;
import dev.dynamotest.engine.table.IndexLayout;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Query and Scan share: the target (table or index) and its validation, Select and projection rules,
 * ExclusiveStartKey, and the page loop (Limit counts evaluated items, a page stops after 1 MB of evaluated data,
 * the filter runs after, Count/ScannedCount, LastEvaluatedKey, consumed capacity).
 */
final class ReadPages {
    static final List<String> SELECT_VALUES = List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");
    static final long PAGE_BYTES = 1024 * 1024;

    final Table table;
    final TableData data;
    final String indexName;
    final IndexLayout index;
    final String select;
    final Projection projection;
    final boolean consistent;

    private ReadPages(Table table, TableData data, String indexName, IndexLayout index, String select, Projection projection,
                      boolean consistent) {
        this.table = table;
        this.data = data; // one snapshot for the whole page
        this.indexName = indexName;
        this.index = index;
        this.select = select;
        this.projection = projection;
        this.consistent = consistent;
    }

    static void validateCommon(ValidationErrors v, JsonNode req, String select, Long limit, String rcc) {
        validateCommon(v, req, select, rcc);
        v.min("limit", limit, 1);
    }

    /**
     * Query's constraint on Limit is worded by its own validator: member 'Limit', no echoed value
     * ("Value at 'Limit' failed to satisfy constraint: ..."); Scan keeps the model's wording.
     */
    static void validateQuery(ValidationErrors v, JsonNode req, String select, Long limit, String rcc) {
        validateCommon(v, req, select, rcc);
        if (limit != null && limit < 1) {
            v.add(QUERY_LIMIT);
        }
    }

    static final String QUERY_LIMIT = "Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1";

    private static void validateCommon(ValidationErrors v, JsonNode req, String select, String rcc) {
        v.oneOf("select", select, SELECT_VALUES);
        v.oneOf("returnConsumedCapacity", rcc, ConsumedCapacityJson.VALUES);
        String indexName = Requests.string(req, "IndexName");
        if (indexName != null) {
            v.minLength("indexName", indexName, 3);
            v.maxLength("indexName", indexName, 255);
        }
    }

    /** Resolves the target and checks Select/projection/consistency rules; {@code verb} is "querying" or "scanning". */
    static ReadPages open(RequestContext ctx, Table table, String indexName, String select, Projection projection, boolean hasAttributesToGet,
                          boolean consistent, String verb) {
        IndexLayout index = null;
        if (indexName != null) {
            index = table.data().layout(indexName);
            if (index == null) {
                throw DynamoException.validation("The table does not have the specified index: " + indexName);
            }
            if (index.global() && consistent) {
                throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        boolean hasProjection = projection != null;
        String what = hasAttributesToGet ? "AttributesToGet" : "ProjectionExpression";
        if (select != null) {
            switch (select) {
                case "SPECIFIC_ATTRIBUTES":
                    if (!hasProjection) {
                        throw DynamoException.validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
                    }
                    break;
                case "COUNT":
                    if (hasProjection) {
                        throw DynamoException.validation("Cannot specify the " + what + " when choosing to get only the Count");
                    }
                    break;
                case "ALL_ATTRIBUTES":
                    if (hasProjection) {
                        throw DynamoException.validation("Cannot specify the " + what + " when choosing to get ALL_ATTRIBUTES");
                    }
                    if (index != null && index.global() && index.projectionType() != TableMetadata.ProjectionType.ALL) {
                        throw DynamoException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not "
                            + "supported for global secondary index " + indexName + " because its projection type is not ALL");
                    }
                    break;
                case "ALL_PROJECTED_ATTRIBUTES":
                    if (index == null) {
                        throw DynamoException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when " + verb + " using an IndexName");
                    }
                    if (hasProjection) {
                        throw DynamoException.validation("Cannot specify the " + what + " when choosing to get ALL_PROJECTED_ATTRIBUTES");
                    }
                    break;
                default:
                    break;
            }
        }
        // a GSI lags its table; the table and its LSIs lag only for reads without ConsistentRead
        TableData data = ctx.read(table, table.data(), consistent, index != null && index.global() ? indexName : null);
        return new ReadPages(table, data, indexName, index, select, projection, consistent);
    }

    KeySchema targetKey() {
        return index == null ? table.keySchema() : index.keySchema();
    }

    /** Reads ExclusiveStartKey: the table key, plus the index key for index reads. */
    Reader.Position startPosition(Map<String, AttributeValue> esk) {
        if (esk == null) {
            return null;
        }
        KeySchema tk = table.keySchema();
        java.util.Set<String> expected = new java.util.HashSet<>();
        expected.add(tk.partition().name());
        if (tk.sort() != null) {
            expected.add(tk.sort().name());
        }
        if (index != null) {
            for (KeyAttribute a : index.keySchema().attributes()) {
                expected.add(a.name());
            }
        }
        if (!esk.keySet().equals(expected)) {
            throw DynamoException.validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        PrimaryKey key;
        try {
            java.util.Map<String, AttributeValue> tableKey = new LinkedHashMap<>();
            tableKey.put(tk.partition().name(), esk.get(tk.partition().name()));
            if (tk.sort() != null) {
                tableKey.put(tk.sort().name(), esk.get(tk.sort().name()));
            }
            key = tk.keyOf(tableKey);
        } catch (DynamoException e) {
            throw DynamoException.validation("The provided starting key is invalid: " + e.getMessage());
        }
        if (index == null) {
            return new Reader.Position(key, null, null);
        }
        for (KeyAttribute a : index.keySchema().attributes()) {
            if (esk.get(a.name()).type() != a.type()) {
                throw DynamoException.validation("The provided starting key is invalid: The provided key element does not match the schema");
            }
        }
        Item indexKey = Item.wrap(new LinkedHashMap<>(esk));
        return new Reader.Position(key, index.partitionValue(indexKey), index.sortValue(indexKey));
    }

    /**
     * Runs the page loop over {@code entries} and writes Items/Count/ScannedCount/LastEvaluatedKey and
     * ConsumedCapacity.
     */
    CapacityModel capacity;
    AttributeValue partitionKey;

    /** Who is charged for the page's reads: the engine's capacity model, on this partition (null for a scan). */
    ReadPages charging(CapacityModel capacity, AttributeValue partitionKey) {
        this.capacity = capacity;
        this.partitionKey = partitionKey;
        return this;
    }

    void writePage(JsonGenerator out, Iterator<Entry> entries, Condition filter, ExpressionKind filterKind, Long limit,
                   ConsumedCapacityJson.Mode capacityMode) throws IOException {
        int max = limit == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, limit);
        boolean count = "COUNT".equals(select);
        List<Item> items = new ArrayList<>();
        int scanned = 0;
        int matched = 0;
        long bytes = 0;
        Entry last = null;
        boolean stopped = false;
        // Limit and the 1 MB page size end a page after the item that reaches them; the service then returns
        // LastEvaluatedKey even if no item follows (the next page is empty).
        while (!stopped && entries.hasNext()) {
            Entry e = entries.next();
            Item item = e.item();
            scanned++;
            bytes += item.sizeBytes();
            last = e;
            stopped = scanned == max || bytes >= PAGE_BYTES;
            Item visible = itemFor(e);
            if (filter != null && !ConditionEvaluator.evaluate(filter, visible, filterKind)) {
                continue;
            }
            matched++;
            if (!count) {
                items.add(project(visible));
            }
        }
        capacity.chargeRead(table, indexName, partitionKey, CapacityUnits.read(bytes, consistent));
        RequestTrace trace = RequestTrace.current();
        if (trace != null) {
            trace.counts(scanned, matched);
        }
        out.writeStartObject();
        if (!count) {
            out.writeArrayFieldStart("Items");
            for (Item i : items) {
                AttributeValueJson.writeItem(out, i);
            }
            out.writeEndArray();
        }
        out.writeNumberField("Count", matched);
        out.writeNumberField("ScannedCount", scanned);
        if (stopped && last != null) {
            out.writeFieldName("LastEvaluatedKey");
            AttributeValueJson.writeMap(out, lastEvaluatedKey(last));
        }
        ConsumedCapacityJson.writeRead(out, capacityMode, table.name(), CapacityUnits.read(bytes, consistent), indexName,
            index != null && index.global());
        out.writeEndObject();
    }

    /** The item a filter and projection see: the index entry, or for an LSI read that needs more, the table item. */
    private Item itemFor(Entry e) {
        if (index == null || index.global() || index.projectionType() == TableMetadata.ProjectionType.ALL) {
            return e.item();
        }
        boolean needsTable = "ALL_ATTRIBUTES".equals(select) || (projection != null && !projectedByIndex(projection.paths()));
        if (!needsTable) {
            return e.item();
        }
        Item full = data.get(e.tableKey());
        return full != null ? full : e.item();
    }

    private boolean projectedByIndex(List<Path> paths) {
        for (Path p : paths) {
            if (!index.projects(p.attribute())) {
                return false;
            }
        }
        return true;
    }

    private Item project(Item item) {
        return projection == null ? item : Projector.project(item, projection.paths());
    }

    private Map<String, AttributeValue> lastEvaluatedKey(Entry e) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        KeySchema tk = table.keySchema();
        m.put(tk.partition().name(), e.tableKey().partition());
        if (tk.sort() != null) {
            m.put(tk.sort().name(), e.tableKey().sort());
        }
        if (index != null) {
            for (KeyAttribute a : index.keySchema().attributes()) {
                m.put(a.name(), e.item().get(a.name()));
            }
        }
        return m;
    }
}
