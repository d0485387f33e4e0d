package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.replication.Replication;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * UpdateTable's {@code ReplicaUpdates} (global tables version 2019.11.21): Create adds a replica in another Region
 * (a table of the same name in that Region's namespace, same access key, with the same key schema, indexes and
 * settings, and the table's current items), Update changes a replica's own settings, Delete deletes a replica.
 * The first Create makes the table a global table: its stream is enabled with NEW_AND_OLD_IMAGES if it has none.
 * Also writes the {@code Replicas} and {@code GlobalTableVersion} of a TableDescription.
 */
public final class ReplicaUpdates {
    static final String INVALID = "One or more parameter values were invalid: ";
    static final String ONE_ACTION = INVALID + "One of ReplicationGroupUpdate.Create, ReplicationGroupUpdate.Update, "
        + "or ReplicationGroupUpdate.Delete must be specified";
    static final String REGION_REQUIRED = INVALID + "RegionName must be specified";
    static final String DUPLICATE_REGION = INVALID + "Duplicate region in ReplicaUpdates: %s";
    static final String OWN_REGION = INVALID + "Cannot add, update or delete the replica in the Region of the request: %s";
    static final String ALREADY_REPLICA = INVALID + "Replica already exists in region: %s";
    static final String NOT_REPLICA = INVALID + "Replica does not exist in region: %s";
    static final String TABLE_EXISTS = "Table already exists: %s in region %s";
    static final String STREAM_VIEW = INVALID + "Table: %s has a stream enabled with StreamViewType %s: a global table "
        + "needs StreamViewType NEW_AND_OLD_IMAGES";
    static final String REGION_DISABLED_DESCRIPTION = "The replica is inaccessible because the AWS Region has been disabled";
    static final String VERSION_2017 = INVALID + "Table: %s is a global table of version 2017.11.29: use UpdateGlobalTable";

    // multi-Region strong consistency (MRSC): the service's rules, in our words (docs/compatibility.md)
    static final String MRC_WITHOUT_CREATE = INVALID + "MultiRegionConsistency can only be specified when creating a "
        + "global table with ReplicaUpdates Create actions";
    static final String MRC_FIXED = INVALID + "MultiRegionConsistency cannot be changed: Table: %s is a global table with "
        + "MultiRegionConsistency %s";
    static final String WITNESS_NOT_STRONG = INVALID + "GlobalTableWitnessUpdates are only valid for a global table with "
        + "MultiRegionConsistency STRONG";
    static final String WITNESS_ONE_ACTION = INVALID + "One of GlobalTableWitnessGroupUpdate.Create or "
        + "GlobalTableWitnessGroupUpdate.Delete must be specified";
    static final String ONE_WITNESS = INVALID + "You can create or delete only one witness per UpdateTable operation";
    static final String WITNESS_IS_REPLICA = INVALID + "The witness Region %s is also a replica Region";
    static final String NOT_WITNESS = INVALID + "Witness does not exist in region: %s";
    static final String THREE_REGIONS = INVALID + "A global table with MultiRegionConsistency STRONG needs exactly three "
        + "Regions: three replicas, or two replicas and one witness (found %d replicas and %d witnesses)";
    static final String REGION_SET = INVALID + "The Regions of a global table with MultiRegionConsistency STRONG must be "
        + "in one Region set (US: us-east-1, us-east-2, us-west-2; EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1; "
        + "AP: ap-northeast-1, ap-northeast-2, ap-northeast-3): %s";
    static final String NOT_EMPTY = INVALID + "Table: %s is not empty: only an empty table can become a global table with "
        + "MultiRegionConsistency STRONG";
    static final String MRSC_UNSUPPORTED = INVALID + "Table: %s has %s, which a global table with MultiRegionConsistency "
        + "STRONG does not support";
    /** Features MRSC global tables do not support, refused on them (TTL, transactions). */
    public static final String MRSC_NO_TTL = "Time to Live is not supported on a global table with MultiRegionConsistency "
        + "STRONG: %s";
    public static final String MRSC_NO_TRANSACTIONS = "Transactions are not supported on a global table with "
        + "MultiRegionConsistency STRONG: %s";
    static final List<List<String>> REGION_SETS = List.of(
        List.of("us-east-1", "us-east-2", "us-west-2"),
        List.of("eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"),
        List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3"));

    private ReplicaUpdates() {
    }

    /** Whether the table is a replica of an MRSC global table. */
    public static boolean strong(Table table) {
        Replication replication = table.commitPoint().listener(Replication.class);
        Replication.Group g = replication == null ? null : replication.group(table);
        return g != null && g.strong();
    }

    /** Transactions on an MRSC table: ValidationException. */
    static void refuseTransaction(Table table) {
        if (strong(table)) {
            throw DynamoException.validation(String.format(MRSC_NO_TRANSACTIONS, table.name()));
        }
    }

    /** Validates every update, then applies them in order. */
    static void apply(RequestContext ctx, Table table, JsonNode updates) {
        apply(ctx, table, updates, null, null);
    }

    /**
     * Validates every update (and the MultiRegionConsistency and witness updates, either may be null), then
     * applies them in order.
     */
    static void apply(RequestContext ctx, Table table, JsonNode updates, String consistency, JsonNode witnessUpdates) {
        Engine engine = ctx.engine();
        Replication replication = engine.replication();
        Replication.Group group = replication.group(table);
        if (group != null && Replication.VERSION_2017.equals(group.version())) {
            throw DynamoException.validation(String.format(VERSION_2017, table.name()));
        }
        if (updates == null) {
            updates = Json.NODES.arrayNode();
        }
        Set<String> seen = new HashSet<>();
        List<JsonNode> actions = new ArrayList<>();
        for (JsonNode u : updates) {
            JsonNode create = Requests.object(u, "Create");
            JsonNode update = Requests.object(u, "Update");
            JsonNode delete = Requests.object(u, "Delete");
            int given = (create != null ? 1 : 0) + (update != null ? 1 : 0) + (delete != null ? 1 : 0);
            if (given != 1) {
                throw DynamoException.validation(ONE_ACTION);
            }
            JsonNode action = create != null ? create : update != null ? update : delete;
            String region = Requests.string(action, "RegionName");
            if (region == null || region.isEmpty()) {
                throw DynamoException.validation(REGION_REQUIRED);
            }
            if (!seen.add(region)) {
                throw DynamoException.validation(String.format(DUPLICATE_REGION, region));
            }
            if (region.equals(ctx.region())) {
                throw DynamoException.validation(String.format(OWN_REGION, region));
            }
            boolean member = group != null && group.replicas().containsKey(region);
            if (create != null) {
                if (member) {
                    throw DynamoException.validation(String.format(ALREADY_REPLICA, region));
                }
                Namespace target = engine.namespace(new NamespaceId(region, ctx.namespaceId().accessKey()));
                if (target.find(table.name()) != null) {
                    throw DynamoException.resourceInUse(String.format(TABLE_EXISTS, table.name(), region));
                }
            } else if (!member) {
                throw DynamoException.validation(String.format(NOT_REPLICA, region));
            }
            actions.add(u);
        }
        TableMetadata.StreamSettings s = table.metadata().stream();
        if (s != null && s.enabled() && !"NEW_AND_OLD_IMAGES".equals(s.viewType())) {
            throw DynamoException.validation(String.format(STREAM_VIEW, table.name(), s.viewType()));
        }
        String witness = strongRules(ctx, table, group, actions, consistency, witnessUpdates);
        Instant now = engine.clock().instant();
        for (JsonNode u : actions) {
            if (Requests.object(u, "Create") != null) {
                create(ctx, table, Requests.object(u, "Create"), now);
            } else if (Requests.object(u, "Update") != null) {
                update(ctx, table, Requests.object(u, "Update"));
            } else {
                String region = Requests.string(Requests.object(u, "Delete"), "RegionName");
                Namespace target = engine.namespace(new NamespaceId(region, ctx.namespaceId().accessKey()));
                target.remove(table.name()); // the replication forgets the replica (onTableDeleted)
            }
        }
        Replication.Group after = replication.group(ctx.namespaceId().accessKey(), table.name());
        if (after != null && (Replication.STRONG.equals(consistency) || after.strong())) {
            replication.put(ctx.namespaceId().accessKey(), table.name(), after.withConsistency(Replication.STRONG, witness));
        } else if (after != null && consistency != null) {
            replication.put(ctx.namespaceId().accessKey(), table.name(), after.withConsistency(consistency, null));
        }
    }

    /**
     * MultiRegionConsistency and GlobalTableWitnessUpdates: the mode is chosen when the global table is created and
     * never changes; an MRSC table has exactly three Regions in one Region set (or is left with one replica, a
     * regional table again), is empty when converted, and has no LSI or TTL. Returns the witness Region after the
     * updates (null if none).
     */
    private static String strongRules(RequestContext ctx, Table table, Replication.Group group, List<JsonNode> actions,
                                      String consistency, JsonNode witnessUpdates) {
        boolean creates = false;
        Set<String> regions = new HashSet<>(group == null ? Set.of(ctx.region()) : group.replicas().keySet());
        for (JsonNode u : actions) {
            if (Requests.object(u, "Create") != null) {
                creates = true;
                regions.add(Requests.string(Requests.object(u, "Create"), "RegionName"));
            } else if (Requests.object(u, "Delete") != null) {
                regions.remove(Requests.string(Requests.object(u, "Delete"), "RegionName"));
            }
        }
        if (consistency != null) {
            if (group != null) {
                throw DynamoException.validation(String.format(MRC_FIXED, table.name(), group.consistency()));
            }
            if (!creates) {
                throw DynamoException.validation(MRC_WITHOUT_CREATE);
            }
        }
        boolean strong = group != null ? group.strong() : Replication.STRONG.equals(consistency);
        String witness = group == null ? null : group.witness();
        if (witnessUpdates != null) {
            if (witnessUpdates.size() != 1) { // the model's list: min 1, max 1
                throw DynamoException.validation(ONE_WITNESS);
            }
            if (!strong) {
                throw DynamoException.validation(WITNESS_NOT_STRONG);
            }
            for (JsonNode w : witnessUpdates) {
                JsonNode create = Requests.object(w, "Create");
                JsonNode delete = Requests.object(w, "Delete");
                if ((create == null) == (delete == null)) {
                    throw DynamoException.validation(WITNESS_ONE_ACTION);
                }
                String region = Requests.string(create != null ? create : delete, "RegionName");
                if (region == null || region.isEmpty()) {
                    throw DynamoException.validation(REGION_REQUIRED);
                }
                if (create != null) {
                    if (regions.contains(region)) {
                        throw DynamoException.validation(String.format(WITNESS_IS_REPLICA, region));
                    }
                    if (witness != null) { // a second witness: four Regions
                        throw DynamoException.validation(String.format(THREE_REGIONS, regions.size(), 2));
                    }
                    witness = region;
                } else {
                    if (!region.equals(witness)) {
                        throw DynamoException.validation(String.format(NOT_WITNESS, region));
                    }
                    witness = null;
                }
            }
        }
        if (!strong) {
            return null;
        }
        if (regions.size() == 1 && witness == null && group != null) {
            return null; // the last replica: a regional table again
        }
        int witnesses = witness == null ? 0 : 1;
        if (regions.size() + witnesses != 3) {
            throw DynamoException.validation(String.format(THREE_REGIONS, regions.size(), witnesses));
        }
        Set<String> all = new TreeSet<>(regions);
        if (witness != null) {
            all.add(witness);
        }
        if (REGION_SETS.stream().noneMatch(set -> set.containsAll(all))) {
            throw DynamoException.validation(String.format(REGION_SET, String.join(", ", all)));
        }
        if (group == null) {
            if (table.data().itemCount() > 0) {
                throw DynamoException.validation(String.format(NOT_EMPTY, table.name()));
            }
            if (!table.metadata().localSecondaryIndexes().isEmpty()) {
                throw DynamoException.validation(String.format(MRSC_UNSUPPORTED, table.name(), "local secondary indexes"));
            }
            if (table.metadata().ttl().enabled()) {
                throw DynamoException.validation(String.format(MRSC_UNSUPPORTED, table.name(), "Time to Live enabled"));
            }
        }
        return witness;
    }

    /** Adds a replica in {@code spec}'s Region with the table's current items. */
    static void create(RequestContext ctx, Table table, JsonNode spec, Instant now) {
        Engine engine = ctx.engine();
        String region = Requests.string(spec, "RegionName");
        String accessKey = ctx.namespaceId().accessKey();
        enableStream(ctx, table, now);
        Replication replication = engine.replication();
        Namespace target = engine.namespace(new NamespaceId(region, accessKey));
        Replication.Replica replica = replica(region, now, spec, null);
        // under the source table's lock: no write falls between the copy and the start of replication
        TableData[] copy = new TableData[1];
        table.commitPoint().atomically(List.of(table), () -> {
            Replication.Group g = replication.group(table);
            if (g == null) {
                g = new Replication.Group(table.name(), Replication.VERSION_2019, now,
                    Map.of(ctx.region(), new Replication.Replica(ctx.region(), table.metadata().creationDateTime(), null, null, null)));
            }
            replication.put(accessKey, table.name(), g.with(replica));
            copy[0] = table.data();
            return List.of();
        }, CommitListener.Origin.WRITE);
        TableMetadata m = replicaMetadata(table.metadata(), target, replica, now);
        target.createWithData(m, copy[0]);
        engine.streams().syncWith(target.id(), m, now);
    }

    /** The table's metadata as the replica in {@code target} has it: its own ARN, id, stream and overrides. */
    static TableMetadata replicaMetadata(TableMetadata source, Namespace target, Replication.Replica r, Instant now) {
        TableMetadata.Builder b = source.toBuilder();
        b.arn = target.tableArn(source.name());
        b.tableId = UUID.randomUUID().toString();
        b.creationDateTime = now;
        b.globalSecondaryIndexes = rebase(source.globalSecondaryIndexes(), source.arn(), b.arn);
        b.localSecondaryIndexes = rebase(source.localSecondaryIndexes(), source.arn(), b.arn);
        String label = UpdateTable.LABEL.format(now);
        b.stream = new TableMetadata.StreamSettings(true, "NEW_AND_OLD_IMAGES", label, b.arn + "/stream/" + label);
        b.tags = Map.of();
        b.deletionProtection = false;
        b.restoreSummary = null;
        b.pitr = TableMetadata.PitrSettings.DISABLED;
        b.contributorInsights = Map.of();
        b.resourcePolicies = Map.of();
        if (r.tableClassOverride() != null) {
            b.tableClass = r.tableClassOverride();
        }
        if (r.readCapacityOverride() != null && b.billingMode == TableMetadata.BillingMode.PROVISIONED) {
            b.throughput = new TableMetadata.Throughput(r.readCapacityOverride(), source.throughput().writeCapacityUnits(),
                null, null, 0);
        }
        if (r.kmsMasterKeyId() != null) {
            String kms = r.kmsMasterKeyId();
            b.sse = new TableMetadata.SseSettings(true, "KMS", kms.startsWith("arn:") ? kms
                : "arn:aws:kms:" + target.region() + ":000000000000:key/" + kms);
        } else if (source.sse() != null && source.sse().kmsMasterKeyArn() != null) {
            b.sse = new TableMetadata.SseSettings(true, "KMS", source.sse().kmsMasterKeyArn()
                .replace(":" + regionOf(source.arn()) + ":", ":" + target.region() + ":"));
        }
        return b.build();
    }

    private static String regionOf(String arn) {
        return arn.split(":")[3];
    }

    private static List<TableMetadata.IndexDefinition> rebase(List<TableMetadata.IndexDefinition> indexes, String from, String to) {
        List<TableMetadata.IndexDefinition> out = new ArrayList<>();
        for (TableMetadata.IndexDefinition i : indexes) {
            out.add(new TableMetadata.IndexDefinition(i.name(), i.arn() == null ? null : i.arn().replace(from, to), i.keySchema(),
                i.projection(), i.throughput(), i.onDemandThroughput(), i.status(), i.warmThroughput()));
        }
        return out;
    }

    /** A replica's settings from a Create or Update action (over {@code current}'s, if any). */
    static Replication.Replica replica(String region, Instant now, JsonNode spec, Replication.Replica current) {
        String kms = Requests.string(spec, "KMSMasterKeyId");
        JsonNode pt = Requests.object(spec, "ProvisionedThroughputOverride");
        Long read = pt == null ? null : Requests.integer(pt, "ReadCapacityUnits");
        if (read != null && read < 1) {
            throw DynamoException.validation("1 validation error detected: Value '" + read + "' at "
                + "'replicaUpdates.member.provisionedThroughputOverride.readCapacityUnits' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1");
        }
        String tableClass = Requests.string(spec, "TableClassOverride");
        if (tableClass != null && !List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS").contains(tableClass)) {
            throw DynamoException.validation("1 validation error detected: Value '" + tableClass + "' at "
                + "'replicaUpdates.member.tableClassOverride' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[STANDARD_INFREQUENT_ACCESS, STANDARD]");
        }
        if (current == null) {
            return new Replication.Replica(region, now, kms, read, tableClass);
        }
        return new Replication.Replica(region, current.created(), kms != null ? kms : current.kmsMasterKeyId(),
            read != null ? read : current.readCapacityOverride(), tableClass != null ? tableClass : current.tableClassOverride());
    }

    private static void update(RequestContext ctx, Table table, JsonNode spec) {
        String region = Requests.string(spec, "RegionName");
        String accessKey = ctx.namespaceId().accessKey();
        Replication replication = ctx.engine().replication();
        Replication.Group g = replication.group(table);
        Replication.Replica r = replica(region, null, spec, g.replicas().get(region));
        replication.put(accessKey, table.name(), g.with(r));
        Table replicaTable = ctx.engine().namespace(new NamespaceId(region, accessKey)).find(table.name());
        if (replicaTable != null) {
            replicaTable.updateMetadata(m -> {
                TableMetadata.Builder b = m.toBuilder();
                if (r.tableClassOverride() != null) {
                    b.tableClass = r.tableClassOverride();
                }
                if (r.readCapacityOverride() != null && m.billingMode() == TableMetadata.BillingMode.PROVISIONED) {
                    b.throughput = new TableMetadata.Throughput(r.readCapacityOverride(), m.throughput().writeCapacityUnits(),
                        m.throughput().lastIncrease(), m.throughput().lastDecrease(), m.throughput().decreasesToday());
                }
                return b.build();
            });
        }
    }

    /** A global table's replicas need its stream with NEW_AND_OLD_IMAGES: enabled here if the table has none. */
    static void enableStream(RequestContext ctx, Table table, Instant now) {
        TableMetadata.StreamSettings s = table.metadata().stream();
        if (s != null && s.enabled()) {
            return;
        }
        table.updateMetadata(m -> {
            TableMetadata.Builder b = m.toBuilder();
            String label = UpdateTable.LABEL.format(now);
            b.stream = new TableMetadata.StreamSettings(true, "NEW_AND_OLD_IMAGES", label, m.arn() + "/stream/" + label);
            return b.build();
        });
        ctx.engine().streams().syncWith(table.namespaceId(), table.metadata(), now);
    }

    /** {@code Replicas} (the other Regions' replicas) and {@code GlobalTableVersion} of a replicated table. */
    static void write(JsonGenerator g, Table table) throws IOException {
        Replication replication = table.commitPoint().listener(Replication.class);
        Replication.Group group = replication == null ? null : replication.group(table);
        if (group == null) {
            return;
        }
        g.writeArrayFieldStart("Replicas");
        for (Replication.Replica r : group.replicas().values()) {
            if (r.region().equals(table.namespaceId().region())) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("RegionName", r.region());
            Instant down = replication.pausedSince(new NamespaceId(r.region(), table.namespaceId().accessKey()));
            g.writeStringField("ReplicaStatus", down == null ? "ACTIVE" : "REGION_DISABLED");
            if (down != null) {
                g.writeStringField("ReplicaStatusDescription", REGION_DISABLED_DESCRIPTION);
                g.writeNumberField("ReplicaInaccessibleDateTime", TableDescriptions.epochSeconds(down));
            }
            if (r.kmsMasterKeyId() != null) {
                g.writeStringField("KMSMasterKeyId", r.kmsMasterKeyId());
            }
            if (r.readCapacityOverride() != null) {
                g.writeObjectFieldStart("ProvisionedThroughputOverride");
                g.writeNumberField("ReadCapacityUnits", r.readCapacityOverride());
                g.writeEndObject();
            }
            if (r.tableClassOverride() != null) {
                g.writeObjectFieldStart("ReplicaTableClassSummary");
                g.writeStringField("TableClass", r.tableClassOverride());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("GlobalTableVersion", group.version());
        if (Replication.VERSION_2019.equals(group.version())) {
            g.writeStringField("MultiRegionConsistency", group.consistency());
        }
        if (group.witness() != null) {
            g.writeArrayFieldStart("GlobalTableWitnesses");
            g.writeStartObject();
            g.writeStringField("RegionName", group.witness());
            g.writeStringField("WitnessStatus", "ACTIVE");
            g.writeEndObject();
            g.writeEndArray();
        }
    }
}
