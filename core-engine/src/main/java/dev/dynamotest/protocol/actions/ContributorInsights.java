package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DescribeContributorInsights, UpdateContributorInsights and ListContributorInsights: the contributor insights
 * setting of a table and of each of its global secondary indexes, kept in the table's metadata. Nothing is
 * published to CloudWatch. The engine is instant: Update answers ENABLING/DISABLING (as UpdateTable answers
 * UPDATING) and the next Describe already says ENABLED/DISABLED.
 */
public final class ContributorInsights {
    private ContributorInsights() {
    }

    static final String INDEX_NOT_FOUND = "Requested resource not found: Index: %s not found";
    static final String ACCESSED_AND_THROTTLED_KEYS = "ACCESSED_AND_THROTTLED_KEYS";
    static final String THROTTLED_KEYS = "THROTTLED_KEYS";
    static final List<String> MODES = List.of(ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS);
    static final List<String> ACTIONS = List.of("ENABLE", "DISABLE");
    /** The service's rule-name pattern allows 128 characters. */
    static final int MAX_RULE_NAME = 128;

    /** The metadata key: the index name, or the table's key when there is no index. */
    static String key(String indexName) {
        return indexName == null ? TableMetadata.TABLE_CONTRIBUTOR_INSIGHTS : indexName;
    }

    /**
     * The CloudWatch Contributor Insights rule names, in the service's form
     * {@code DynamoDBContributorInsights-<kind>-<table>[-<index>]-<epoch millis of enabling>}: kind PKC/SKC for the
     * most accessed partition/sort keys (mode ACCESSED_AND_THROTTLED_KEYS only) and PKT/SKT for the most throttled
     * ones; SK rules only when the key schema has a sort key. The resource part is cut so a name stays within the
     * 128 characters the rule pattern allows (the service's exact truncation is undocumented).
     */
    static List<String> rules(String table, String index, KeySchema keys, String mode, Instant at) {
        String resource = index == null ? table : table + "-" + index;
        List<String> kinds = new ArrayList<>(4);
        boolean accessed = ACCESSED_AND_THROTTLED_KEYS.equals(mode);
        if (accessed) {
            kinds.add("PKC");
        }
        kinds.add("PKT");
        if (keys.sort() != null) {
            if (accessed) {
                kinds.add("SKC");
            }
            kinds.add("SKT");
        }
        List<String> out = new ArrayList<>(kinds.size());
        for (String kind : kinds) {
            String prefix = "DynamoDBContributorInsights-" + kind + "-";
            String suffix = "-" + at.toEpochMilli();
            int room = MAX_RULE_NAME - prefix.length() - suffix.length();
            String r = resource.length() > room ? resource.substring(0, room) : resource;
            while (r.endsWith("-") || r.endsWith("_") || r.endsWith(".")) {
                r = r.substring(0, r.length() - 1); // the middle of the pattern allows them, but keep it tidy
            }
            out.add(prefix + r + suffix);
        }
        return out;
    }

    /** The index's key schema, or ResourceNotFoundException naming the index (only global indexes qualify). */
    static KeySchema keysOf(TableMetadata m, String indexName) {
        if (indexName == null) {
            return m.keySchema();
        }
        TableMetadata.IndexDefinition d = m.globalIndex(indexName);
        if (d == null) {
            throw DynamoException.resourceNotFound(String.format(INDEX_NOT_FOUND, indexName));
        }
        return d.keySchema();
    }

    /** Drops the settings of indexes no longer on the table (called by UpdateTable after index deletes). */
    public static Map<String, TableMetadata.ContributorInsights> withoutDroppedIndexes(
        Map<String, TableMetadata.ContributorInsights> settings, List<TableMetadata.IndexDefinition> indexes) {
        Map<String, TableMetadata.ContributorInsights> out = new LinkedHashMap<>(settings);
        out.keySet().removeIf(k -> !k.equals(TableMetadata.TABLE_CONTRIBUTOR_INSIGHTS)
            && indexes.stream().noneMatch(i -> i.name().equals(k)));
        return out;
    }

    static void validate(ValidationErrors v, String tableName, String indexName) {
        v.tableName("tableName", tableName, true);
        if (indexName != null) {
            v.tableName("indexName", indexName, false);
        }
    }

    public static final class Describe implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableName = Requests.string(req, "TableName");
            String indexName = Requests.string(req, "IndexName");
            ValidationErrors v = new ValidationErrors();
            validate(v, tableName, indexName);
            v.throwIfAny();
            TableMetadata m = Tables.described(ctx, tableName).metadata();
            keysOf(m, indexName);
            TableMetadata.ContributorInsights ci = m.contributorInsights().get(key(indexName));
            out.writeStartObject();
            out.writeStringField("TableName", m.name());
            if (indexName != null) {
                out.writeStringField("IndexName", indexName);
            }
            boolean enabled = ci != null && ci.enabled();
            if (enabled) {
                out.writeArrayFieldStart("ContributorInsightsRuleList");
                for (String r : ci.rules()) {
                    out.writeString(r);
                }
                out.writeEndArray();
            }
            out.writeStringField("ContributorInsightsStatus", enabled ? "ENABLED" : "DISABLED");
            if (ci != null) {
                out.writeNumberField("LastUpdateDateTime", TableDescriptions.epochSeconds(ci.lastUpdate()));
            }
            if (enabled) {
                out.writeStringField("ContributorInsightsMode", ci.mode());
            }
            out.writeEndObject();
        }
    }

    /**
     * ENABLE without a mode means ACCESSED_AND_THROTTLED_KEYS; enabling an enabled table or index again (say, to
     * change the mode) makes new rules. DISABLE needs no prior ENABLE and ignores a mode.
     */
    public static final class Update implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableName = Requests.string(req, "TableName");
            String indexName = Requests.string(req, "IndexName");
            String action = Requests.string(req, "ContributorInsightsAction");
            String mode = Requests.string(req, "ContributorInsightsMode");
            ValidationErrors v = new ValidationErrors();
            validate(v, tableName, indexName);
            v.notNull("contributorInsightsAction", action);
            v.oneOf("contributorInsightsAction", action, ACTIONS);
            v.oneOf("contributorInsightsMode", mode, MODES);
            v.throwIfAny();
            boolean enable = "ENABLE".equals(action);
            String effectiveMode = mode != null ? mode : ACCESSED_AND_THROTTLED_KEYS;
            Table table = Tables.described(ctx, tableName);
            Instant now = ctx.engine().clock().instant();
            TableMetadata updated = table.updateMetadata(m -> {
                KeySchema keys = keysOf(m, indexName);
                Map<String, TableMetadata.ContributorInsights> all = new LinkedHashMap<>(m.contributorInsights());
                all.put(key(indexName), enable
                    ? new TableMetadata.ContributorInsights(true, effectiveMode, rules(m.name(), indexName, keys, effectiveMode, now), now)
                    : new TableMetadata.ContributorInsights(false, null, List.of(), now));
                var b = m.toBuilder();
                b.contributorInsights = all;
                return b.build();
            });
            out.writeStartObject();
            out.writeStringField("TableName", updated.name());
            if (indexName != null) {
                out.writeStringField("IndexName", indexName);
            }
            out.writeStringField("ContributorInsightsStatus", enable ? "ENABLING" : "DISABLING");
            if (enable) {
                out.writeStringField("ContributorInsightsMode", effectiveMode);
            }
            out.writeEndObject();
        }
    }

    /**
     * With a TableName: the table and every global secondary index, DISABLED where never enabled (the operation's
     * documentation: "for a table and all its global secondary indexes"). Without one: every table and index
     * UpdateContributorInsights was ever called for, by table name then index order. MaxResults is capped at 100
     * by the model; 0 (the model sets no minimum) or absent means 100. NextToken is the position to go on from.
     */
    public static final class ListSummaries implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableName = Requests.string(req, "TableName");
            String next = Requests.string(req, "NextToken");
            Long maxResults = Requests.integer(req, "MaxResults");
            ValidationErrors v = new ValidationErrors();
            if (tableName != null) {
                v.tableName("tableName", tableName, true);
            }
            v.max("maxResults", maxResults, 100);
            v.throwIfAny();
            int max = maxResults == null || maxResults <= 0 ? 100 : maxResults.intValue();
            List<String[]> rows = new ArrayList<>(); // table, index (or null), status, mode (or null)
            if (tableName != null) {
                TableMetadata m = Tables.described(ctx, tableName).metadata();
                addRow(rows, m, null, true);
                for (TableMetadata.IndexDefinition i : m.globalSecondaryIndexes()) {
                    addRow(rows, m, i.name(), true);
                }
            } else {
                for (String name : ctx.namespace().tableNames()) {
                    Table t = ctx.namespace().find(name);
                    if (t == null) {
                        continue;
                    }
                    TableMetadata m = t.metadata();
                    addRow(rows, m, null, false);
                    for (TableMetadata.IndexDefinition i : m.globalSecondaryIndexes()) {
                        addRow(rows, m, i.name(), false);
                    }
                }
            }
            int start = 0;
            if (next != null) {
                try {
                    start = Integer.parseInt(next);
                } catch (NumberFormatException e) {
                    start = -1;
                }
                if (start < 0 || start > rows.size()) {
                    throw DynamoException.validation("Invalid NextToken: " + next);
                }
            }
            int end = Math.min(rows.size(), start + max);
            out.writeStartObject();
            out.writeArrayFieldStart("ContributorInsightsSummaries");
            for (int i = start; i < end; i++) {
                String[] r = rows.get(i);
                out.writeStartObject();
                out.writeStringField("TableName", r[0]);
                if (r[1] != null) {
                    out.writeStringField("IndexName", r[1]);
                }
                out.writeStringField("ContributorInsightsStatus", r[2]);
                if (r[3] != null) {
                    out.writeStringField("ContributorInsightsMode", r[3]);
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            if (end < rows.size()) {
                out.writeStringField("NextToken", Integer.toString(end));
            }
            out.writeEndObject();
        }

        private static void addRow(List<String[]> rows, TableMetadata m, String index, boolean evenIfNeverSet) {
            TableMetadata.ContributorInsights ci = m.contributorInsights().get(key(index));
            if (ci == null && !evenIfNeverSet) {
                return;
            }
            boolean enabled = ci != null && ci.enabled();
            rows.add(new String[] {m.name(), index, enabled ? "ENABLED" : "DISABLED", enabled ? ci.mode() : null});
        }
    }
}
