package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.autoscaling.AutoScaling;
import dev.dynamotest.engine.autoscaling.AutoScalingMessages;
import dev.dynamotest.engine.autoscaling.ScalableDimension;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Members shared by the Application Auto Scaling actions: namespace, resource, dimension, paging, timestamps. */
final class AutoScalingRequests {
    private AutoScalingRequests() {
    }

    static final List<String> SERVICE_NAMESPACES = List.of("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds",
        "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune", "workspaces");
    static final List<String> SCALABLE_DIMENSIONS = List.of("ecs:service:DesiredCount", "ec2:spot-fleet-request:TargetCapacity",
        "elasticmapreduce:instancegroup:InstanceCount", "appstream:fleet:DesiredCapacity", "dynamodb:table:ReadCapacityUnits",
        "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits", "dynamodb:index:WriteCapacityUnits",
        "rds:cluster:ReadReplicaCount", "sagemaker:variant:DesiredInstanceCount", "custom-resource:ResourceType:Property",
        "comprehend:document-classifier-endpoint:DesiredInferenceUnits", "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits",
        "lambda:function:ProvisionedConcurrency", "cassandra:table:ReadCapacityUnits", "cassandra:table:WriteCapacityUnits",
        "kafka:broker-storage:VolumeSize", "elasticache:cache-cluster:Nodes", "elasticache:replication-group:NodeGroups",
        "elasticache:replication-group:Replicas", "neptune:cluster:ReadReplicaCount", "sagemaker:variant:DesiredProvisionedConcurrency",
        "sagemaker:inference-component:DesiredCopyCount", "workspaces:workspacespool:DesiredUserSessions");
    static final int MAX_RESULTS = 50;
    static final String INVALID_NEXT_TOKEN = "InvalidNextTokenException";

    /** ServiceNamespace (required), ResourceId and ScalableDimension (required when {@code targetRequired}). */
    static ValidationErrors target(JsonNode req, boolean targetRequired) {
        ValidationErrors v = new ValidationErrors();
        String ns = Requests.string(req, "ServiceNamespace");
        String resourceId = Requests.string(req, "ResourceId");
        String dimension = Requests.string(req, "ScalableDimension");
        v.notNull("serviceNamespace", ns);
        v.oneOf("serviceNamespace", ns, SERVICE_NAMESPACES);
        if (targetRequired) {
            v.notNull("resourceId", resourceId);
            v.notNull("scalableDimension", dimension);
        }
        v.minLength("resourceId", resourceId, 1);
        v.maxLength("resourceId", resourceId, 1600);
        v.oneOf("scalableDimension", dimension, SCALABLE_DIMENSIONS);
        return v;
    }

    static boolean dynamodb(JsonNode req) {
        return AutoScaling.SERVICE_NAMESPACE.equals(Requests.string(req, "ServiceNamespace"));
    }

    /** Changes are served for the dynamodb namespace only. */
    static void requireDynamoDb(JsonNode req) {
        if (!dynamodb(req)) {
            throw new DynamoException(AutoScalingMessages.VALIDATION,
                String.format(AutoScalingMessages.NAMESPACE_NOT_SERVED, Requests.string(req, "ServiceNamespace")), 400);
        }
    }

    /** A DynamoDB dimension, or the service's error for another namespace's dimension. */
    static ScalableDimension dimension(JsonNode req) {
        ScalableDimension d = ScalableDimension.of(Requests.string(req, "ScalableDimension"));
        if (d == null) {
            throw new DynamoException(AutoScalingMessages.VALIDATION, AutoScalingMessages.UNSUPPORTED_DIMENSION, 400);
        }
        return d;
    }

    static Double number(JsonNode req, String name) {
        JsonNode n = Requests.member(req, name);
        if (n == null) {
            return null;
        }
        if (!n.isNumber()) {
            throw DynamoException.serialization(Requests.unexpected(n, "double"));
        }
        return n.doubleValue();
    }

    static Integer integer(JsonNode req, String name) {
        Long l = Requests.integer(req, name);
        return l == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
    }

    /** A timestamp as JSON 1.1 sends it: epoch seconds with milliseconds. */
    static void time(JsonGenerator g, String field, Instant t) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3));
    }

    /** MaxResults (1..50, default 50) and NextToken (an offset this endpoint handed out) over {@code all}. */
    static <T> Page<T> page(JsonNode req, ValidationErrors v, List<T> all) {
        Long max = Requests.integer(req, "MaxResults");
        String token = Requests.string(req, "NextToken");
        v.throwIfAny();
        if (max != null && (max < 1 || max > MAX_RESULTS)) {
            throw new DynamoException(AutoScalingMessages.VALIDATION, "MaxResults must be between 1 and 50", 400);
        }
        int from = 0;
        if (token != null && !token.isEmpty()) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0 || from > all.size()) {
                throw new DynamoException(INVALID_NEXT_TOKEN, "Invalid token", 400);
            }
        }
        int size = max == null ? MAX_RESULTS : max.intValue();
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    record Page<T>(List<T> items, String nextToken) {
        void writeNextToken(JsonGenerator g) throws IOException {
            if (nextToken != null) {
                g.writeStringField("NextToken", nextToken);
            }
        }
    }
}
