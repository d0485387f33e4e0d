package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.autoscaling.AutoScaling;
import dev.dynamotest.engine.autoscaling.ScalableDimension;
import dev.dynamotest.engine.autoscaling.ScalableTarget;
import dev.dynamotest.engine.autoscaling.TargetTrackingPolicy;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.replication.Replication;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * DescribeTableReplicaAutoScaling and UpdateTableReplicaAutoScaling: the table's auto scaling settings (the
 * Application Auto Scaling targets and target tracking policies of the table and its GSIs) as one
 * TableAutoScalingDescription with the replica of the caller's region.
 */
public final class TableReplicaAutoScaling {
    private TableReplicaAutoScaling() {
    }

    static final String REPLICA_NOT_FOUND = "One or more parameter values were invalid: The table has no replica in region %s";

    /** DescribeTableReplicaAutoScaling. */
    public static final class Describe implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            Table t = Tables.described(ctx, req);
            out.writeStartObject();
            write(out, ctx, t);
            out.writeEndObject();
        }
    }

    /** UpdateTableReplicaAutoScaling: registers, updates or (AutoScalingDisabled) deregisters targets and policies. */
    public static final class Update implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            Table t = Tables.described(ctx, req);
            String table = "table/" + t.name();
            apply(ctx, table, ScalableDimension.TABLE_WRITE, Requests.object(req, "ProvisionedWriteCapacityAutoScalingUpdate"));
            JsonNode gsis = Requests.array(req, "GlobalSecondaryIndexUpdates");
            if (gsis != null) {
                for (JsonNode g : gsis) {
                    String index = index(t, Requests.string(g, "IndexName"));
                    apply(ctx, table + "/index/" + index, ScalableDimension.INDEX_WRITE, Requests.object(g, "ProvisionedWriteCapacityAutoScalingUpdate"));
                }
            }
            JsonNode replicas = Requests.array(req, "ReplicaUpdates");
            if (replicas != null) {
                for (JsonNode r : replicas) {
                    String region = Requests.string(r, "RegionName");
                    if (!ctx.region().equals(region)) {
                        throw DynamoException.validation(String.format(REPLICA_NOT_FOUND, region));
                    }
                    apply(ctx, table, ScalableDimension.TABLE_READ, Requests.object(r, "ReplicaProvisionedReadCapacityAutoScalingUpdate"));
                    JsonNode rg = Requests.array(r, "ReplicaGlobalSecondaryIndexUpdates");
                    if (rg != null) {
                        for (JsonNode g : rg) {
                            String index = index(t, Requests.string(g, "IndexName"));
                            apply(ctx, table + "/index/" + index, ScalableDimension.INDEX_READ,
                                Requests.object(g, "ProvisionedReadCapacityAutoScalingUpdate"));
                        }
                    }
                }
            }
            out.writeStartObject();
            write(out, ctx, t);
            out.writeEndObject();
        }

        private static String index(Table t, String name) {
            if (name == null || t.metadata().globalIndex(name) == null) {
                throw DynamoException.resourceNotFound("Requested resource not found: Index: " + name + " not found");
            }
            return name;
        }

        private static void apply(RequestContext ctx, String resourceId, ScalableDimension d, JsonNode update) {
            if (update == null) {
                return;
            }
            AutoScaling as = ctx.engine().autoScaling();
            NamespaceId ns = ctx.namespaceId();
            if (Boolean.TRUE.equals(Requests.bool(update, "AutoScalingDisabled"))) {
                if (as.target(ns, resourceId, d) != null) {
                    as.deregister(ns, resourceId, d);
                }
                return;
            }
            Long min = Requests.integer(update, "MinimumUnits");
            Long max = Requests.integer(update, "MaximumUnits");
            ValidationErrors v = new ValidationErrors();
            v.min("minimumUnits", min, 1);
            v.min("maximumUnits", max, 1);
            v.throwIfAny();
            try {
                as.register(ns, resourceId, d, min, max, null, null, null);
                JsonNode policy = Requests.object(update, "ScalingPolicyUpdate");
                if (policy != null) {
                    JsonNode c = Requests.object(policy, "TargetTrackingScalingPolicyConfiguration");
                    JsonNode target = c == null ? null : Requests.member(c, "TargetValue");
                    if (target == null || !target.isNumber()) {
                        throw DynamoException.validation("1 validation error detected: Value null at "
                            + "'scalingPolicyUpdate.targetTrackingScalingPolicyConfiguration.targetValue' failed to satisfy constraint: Member must not be null");
                    }
                    String policyName = Requests.string(policy, "PolicyName");
                    Long in = Requests.integer(c, "ScaleInCooldown");
                    Long out = Requests.integer(c, "ScaleOutCooldown");
                    as.putPolicy(ns, policyName != null ? policyName : AutoScaling.defaultPolicyName(resourceId, d), resourceId, d, null,
                        new TargetTrackingPolicy.Settings(target.doubleValue(), out == null ? null : out.intValue(),
                            in == null ? null : in.intValue(), Requests.bool(c, "DisableScaleIn")));
                }
            } catch (DynamoException e) {
                // Application Auto Scaling's ValidationException, reported through DynamoDB's
                throw DynamoException.validation(e.getMessage());
            }
        }
    }

    /**
     * The table's auto scaling in every Region it has a replica in (global tables), its own Region first when it has
     * none: each replica's targets and policies live in that Region's namespace.
     */
    static void write(JsonGenerator g, RequestContext ctx, Table t) throws IOException {
        TableMetadata m = t.metadata();
        String table = "table/" + m.name();
        Replication.Group group = ctx.engine().replication().group(t);
        List<String> regions = group == null ? List.of(ctx.region()) : new ArrayList<>(group.replicas().keySet());
        g.writeObjectFieldStart("TableAutoScalingDescription");
        g.writeStringField("TableName", m.name());
        g.writeStringField("TableStatus", "ACTIVE");
        g.writeArrayFieldStart("Replicas");
        for (String region : regions) {
            NamespaceId ns = new NamespaceId(region, ctx.namespaceId().accessKey());
            Table replica = ctx.engine().namespace(ns).find(m.name());
            g.writeStartObject();
            g.writeStringField("RegionName", region);
            g.writeArrayFieldStart("GlobalSecondaryIndexes");
            for (TableMetadata.IndexDefinition d : (replica == null ? m : replica.metadata()).globalSecondaryIndexes()) {
                g.writeStartObject();
                g.writeStringField("IndexName", d.name());
                g.writeStringField("IndexStatus", d.status() == null ? "ACTIVE" : d.status());
                settings(g, ctx, ns, "ProvisionedReadCapacityAutoScalingSettings", table + "/index/" + d.name(), ScalableDimension.INDEX_READ);
                settings(g, ctx, ns, "ProvisionedWriteCapacityAutoScalingSettings", table + "/index/" + d.name(), ScalableDimension.INDEX_WRITE);
                g.writeEndObject();
            }
            g.writeEndArray();
            settings(g, ctx, ns, "ReplicaProvisionedReadCapacityAutoScalingSettings", table, ScalableDimension.TABLE_READ);
            settings(g, ctx, ns, "ReplicaProvisionedWriteCapacityAutoScalingSettings", table, ScalableDimension.TABLE_WRITE);
            g.writeStringField("ReplicaStatus", "ACTIVE");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** AutoScalingSettingsDescription: the target's range and policies, or AutoScalingDisabled without a target. */
    private static void settings(JsonGenerator g, RequestContext ctx, NamespaceId ns, String field, String resourceId,
                                 ScalableDimension d) throws IOException {
        AutoScaling as = ctx.engine().autoScaling();
        ScalableTarget t = as.target(ns, resourceId, d);
        g.writeObjectFieldStart(field);
        if (t == null) {
            g.writeBooleanField("AutoScalingDisabled", true);
            g.writeEndObject();
            return;
        }
        g.writeNumberField("MinimumUnits", t.minCapacity());
        g.writeNumberField("MaximumUnits", t.maxCapacity());
        g.writeBooleanField("AutoScalingDisabled", false);
        g.writeStringField("AutoScalingRoleArn", t.roleArn());
        g.writeArrayFieldStart("ScalingPolicies");
        for (TargetTrackingPolicy p : as.policies(ns)) {
            if (p.resourceId().equals(resourceId) && p.dimension() == d) {
                g.writeStartObject();
                g.writeStringField("PolicyName", p.name());
                g.writeObjectFieldStart("TargetTrackingScalingPolicyConfiguration");
                if (p.disableScaleIn() != null) {
                    g.writeBooleanField("DisableScaleIn", p.disableScaleIn());
                }
                if (p.scaleInCooldown() != null) {
                    g.writeNumberField("ScaleInCooldown", p.scaleInCooldown());
                }
                if (p.scaleOutCooldown() != null) {
                    g.writeNumberField("ScaleOutCooldown", p.scaleOutCooldown());
                }
                g.writeNumberField("TargetValue", p.targetValue());
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
