package dev.dynamotest.examples.timeseries;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Sensor readings in day buckets ({@code pk = sensor#2030-01-01}, {@code sk = epoch millis}), queried by time
 * range and expiring a week after they were taken (TTL attribute {@code expires}).
 */
public final class Readings {
    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    static final Duration RETENTION = Duration.ofDays(7);
    private final DynamoDbClient db;

    public Readings(DynamoDbClient db) {
        this.db = db;
    }

    static String bucket(String sensor, Instant at) {
        return sensor + "#" + DAY.format(at);
    }

    public void record(String sensor, Instant at, double value) {
        db.putItem(b -> b.tableName("readings").item(Map.of(
            "pk", AttributeValue.fromS(bucket(sensor, at)),
            "sk", AttributeValue.fromN(Long.toString(at.toEpochMilli())),
            "value", AttributeValue.fromN(Double.toString(value)),
            "expires", AttributeValue.fromN(Long.toString(at.plus(RETENTION).getEpochSecond())))));
    }

    /** Values in [from, to) of one day bucket, oldest first, across pages. */
    public List<Double> between(String sensor, Instant from, Instant to) {
        List<Double> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> esk = start;
            QueryResponse r = db.query(b -> b.tableName("readings").keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(bucket(sensor, from)),
                    ":a", AttributeValue.fromN(Long.toString(from.toEpochMilli())),
                    ":b", AttributeValue.fromN(Long.toString(to.toEpochMilli() - 1))))
                .limit(10).exclusiveStartKey(esk));
            r.items().forEach(i -> out.add(Double.parseDouble(i.get("value").n())));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
