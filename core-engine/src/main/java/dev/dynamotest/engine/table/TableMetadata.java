package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttrType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the control plane knows about a table, immutable. Changes (UpdateTable, tagging, TTL) build a new
 * instance with {@link #toBuilder()}.
 */
public record TableMetadata(
    String name,
    String arn,
    String tableId,
    Instant creationDateTime,
    KeySchema keySchema,
    Map<String, AttrType> attributeDefinitions,
    BillingMode billingMode,
    Instant billingModeLastUpdate,
    Throughput throughput,
    OnDemandThroughput onDemandThroughput,
    List<IndexDefinition> globalSecondaryIndexes,
    List<IndexDefinition> localSecondaryIndexes,
    StreamSettings stream,
    SseSettings sse,
    Map<String, String> tags,
    String tableClass,
    boolean deletionProtection,
    TtlSettings ttl,
    RestoreSummary restoreSummary,
    PitrSettings pitr,
    Map<String, ContributorInsights> contributorInsights,
    Map<String, ResourcePolicy> resourcePolicies,
    WarmThroughput warmThroughput) {

    public TableMetadata {
        // in the order the request gave them, as DescribeTable answers (Map.copyOf's order changes between JVM runs)
        attributeDefinitions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributeDefinitions));
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        pitr = pitr == null ? PitrSettings.DISABLED : pitr;
        contributorInsights = contributorInsights == null ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contributorInsights));
        resourcePolicies = resourcePolicies == null ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resourcePolicies));
    }

    public enum BillingMode { PROVISIONED, PAY_PER_REQUEST }

    public enum ProjectionType { ALL, KEYS_ONLY, INCLUDE }

    /** Provisioned throughput with the bookkeeping DescribeTable reports. */
    public record Throughput(long readCapacityUnits, long writeCapacityUnits, Instant lastIncrease, Instant lastDecrease,
                             int decreasesToday) {
        public static final Throughput ZERO = new Throughput(0, 0, null, null, 0);
    }

    /** On-demand maximums; -1 where unset. */
    public record OnDemandThroughput(long maxReadRequestUnits, long maxWriteRequestUnits) {
    }

    public record IndexProjection(ProjectionType type, List<String> nonKeyAttributes) {
        public IndexProjection {
            nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
        }
    }

    public record IndexDefinition(String name, String arn, KeySchema keySchema, IndexProjection projection,
                                  Throughput throughput, OnDemandThroughput onDemandThroughput, String status,
                                  WarmThroughput warmThroughput) {
        /** An index without requested warm throughput (the baseline applies). */
        public IndexDefinition(String name, String arn, KeySchema keySchema, IndexProjection projection,
                               Throughput throughput, OnDemandThroughput onDemandThroughput, String status) {
            this(name, arn, keySchema, projection, throughput, onDemandThroughput, status, null);
        }
    }

    /**
     * Warm throughput as requested by CreateTable/UpdateTable (-1 where not given); null when never requested. What
     * DescribeTable reports, and what on-demand capacity starts from, is {@link #effective}: at least the baseline
     * every table and index has (12,000 read and 4,000 write units per second) and, provisioned, its capacity.
     */
    public record WarmThroughput(long readUnitsPerSecond, long writeUnitsPerSecond) {
        public static final long BASELINE_READ = 12_000;
        public static final long BASELINE_WRITE = 4_000;

        /** {read, write} units per second the table or index is warm for. */
        public static long[] effective(WarmThroughput requested, BillingMode mode, Throughput provisioned) {
            long read = BASELINE_READ;
            long write = BASELINE_WRITE;
            if (requested != null) {
                read = Math.max(read, requested.readUnitsPerSecond());
                write = Math.max(write, requested.writeUnitsPerSecond());
            }
            if (mode == BillingMode.PROVISIONED && provisioned != null) {
                read = Math.max(read, provisioned.readCapacityUnits());
                write = Math.max(write, provisioned.writeCapacityUnits());
            }
            return new long[] {read, write};
        }
    }

    /** Stream settings: enabled or not, view type, and the current stream's label and ARN (null when none). */
    public record StreamSettings(boolean enabled, String viewType, String label, String arn) {
    }

    public record SseSettings(boolean enabled, String sseType, String kmsMasterKeyArn) {
    }

    /** TTL: attribute name (null when never set) and whether it is enabled. */
    public record TtlSettings(String attributeName, boolean enabled) {
        public static final TtlSettings DISABLED = new TtlSettings(null, false);
    }

    /**
     * Where a restored table came from (RestoreTableFromBackup); null for tables created by CreateTable.
     * {@code sourceBackupArn} is null for a restore that did not come from a backup.
     */
    public record RestoreSummary(String sourceBackupArn, String sourceTableArn, Instant restoreDateTime) {
    }

    /**
     * Point-in-time recovery (continuous backups are always on): whether it is enabled, the recovery period in
     * days, and when it was enabled (null while disabled).
     */
    public record PitrSettings(boolean enabled, int recoveryPeriodInDays, Instant enabledAt) {
        public static final int DEFAULT_RECOVERY_PERIOD_DAYS = 35;
        public static final PitrSettings DISABLED = new PitrSettings(false, DEFAULT_RECOVERY_PERIOD_DAYS, null);
    }

    /**
     * Contributor insights of the table or of one global secondary index, once UpdateContributorInsights was
     * called for it: enabled or not, the mode (null while disabled), the CloudWatch rule names and the last change.
     */
    public record ContributorInsights(boolean enabled, String mode, List<String> rules, Instant lastUpdate) {
        public ContributorInsights {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** The key of {@link #contributorInsights()} for the table itself (indexes use their name). */
    public static final String TABLE_CONTRIBUTOR_INSIGHTS = "";

    /** A resource-based policy document (JSON text, as given) and its revision id. */
    public record ResourcePolicy(String policy, String revisionId) {
    }

    public IndexDefinition globalIndex(String indexName) {
        for (IndexDefinition i : globalSecondaryIndexes) {
            if (i.name().equals(indexName)) {
                return i;
            }
        }
        return null;
    }

    public IndexDefinition localIndex(String indexName) {
        for (IndexDefinition i : localSecondaryIndexes) {
            if (i.name().equals(indexName)) {
                return i;
            }
        }
        return null;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A mutable copy used to derive a changed metadata. */
    public static final class Builder {
        public String name;
        public String arn;
        public String tableId;
        public Instant creationDateTime;
        public KeySchema keySchema;
        public Map<String, AttrType> attributeDefinitions = Map.of();
        public BillingMode billingMode = BillingMode.PROVISIONED;
        public Instant billingModeLastUpdate;
        public Throughput throughput = Throughput.ZERO;
        public OnDemandThroughput onDemandThroughput;
        public List<IndexDefinition> globalSecondaryIndexes = List.of();
        public List<IndexDefinition> localSecondaryIndexes = List.of();
        public StreamSettings stream;
        public SseSettings sse;
        public Map<String, String> tags = Map.of();
        public String tableClass = "STANDARD";
        public boolean deletionProtection;
        public TtlSettings ttl = TtlSettings.DISABLED;
        public RestoreSummary restoreSummary;
        public PitrSettings pitr = PitrSettings.DISABLED;
        /** By index name, {@link #TABLE_CONTRIBUTOR_INSIGHTS} for the table. */
        public Map<String, ContributorInsights> contributorInsights = Map.of();
        /** By resource ARN: the table's own and its streams'. */
        public Map<String, ResourcePolicy> resourcePolicies = Map.of();
        public WarmThroughput warmThroughput;

        Builder() {
        }

        Builder(TableMetadata m) {
            name = m.name;
            arn = m.arn;
            tableId = m.tableId;
            creationDateTime = m.creationDateTime;
            keySchema = m.keySchema;
            attributeDefinitions = m.attributeDefinitions;
            billingMode = m.billingMode;
            billingModeLastUpdate = m.billingModeLastUpdate;
            throughput = m.throughput;
            onDemandThroughput = m.onDemandThroughput;
            globalSecondaryIndexes = m.globalSecondaryIndexes;
            localSecondaryIndexes = m.localSecondaryIndexes;
            stream = m.stream;
            sse = m.sse;
            tags = m.tags;
            tableClass = m.tableClass;
            deletionProtection = m.deletionProtection;
            ttl = m.ttl;
            restoreSummary = m.restoreSummary;
            pitr = m.pitr;
            contributorInsights = m.contributorInsights;
            resourcePolicies = m.resourcePolicies;
            warmThroughput = m.warmThroughput;
        }

        public TableMetadata build() {
            return new TableMetadata(name, arn, tableId, creationDateTime, keySchema, attributeDefinitions, billingMode,
                billingModeLastUpdate, throughput, onDemandThroughput, globalSecondaryIndexes, localSecondaryIndexes,
                stream, sse, tags, tableClass, deletionProtection, ttl, restoreSummary, pitr,
                contributorInsights, resourcePolicies, warmThroughput);
        }
    }
}
