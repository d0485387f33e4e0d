package dev.dynamotest.examples.sharding;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Vote counts for one poll, written faster than one partition key can take. DynamoDB gives every partition at most
 * 1,000 write units per second however much the table has, and one partition key value lives in one partition; so
 * each vote goes to one of {@code shards} counter items, picked at random: partition key {@code votes#0} ...
 * {@code votes#<shards-1>}, sort key the candidate, {@code ADD count :one}. Reading queries every shard and adds the
 * counts up ("write sharding" with random suffixes, DynamoDB developer guide).
 *
 * <p>With {@code shards = 1} this is the naive design: every vote on the single key {@code votes#0}.
 */
public final class VoteCounter {
    private final DynamoDbClient db;
    private final String table;
    private final int shards;
    private final Random random;

    public VoteCounter(DynamoDbClient db, String table, int shards) {
        this(db, table, shards, new Random());
    }

    /** @param random picks each vote's shard; seed it to make the spread reproducible */
    public VoteCounter(DynamoDbClient db, String table, int shards, Random random) {
        if (shards < 1) {
            throw new IllegalArgumentException("need at least one shard: " + shards);
        }
        this.db = db;
        this.table = table;
        this.shards = shards;
        this.random = random;
    }

    static String shardKey(int shard) {
        return "votes#" + shard;
    }

    /** Counts one vote: one write unit, on one shard. */
    public void vote(String candidate) {
        String pk = shardKey(random.nextInt(shards));
        db.updateItem(b -> b.tableName(table)
            .key(Map.of("pk", AttributeValue.fromS(pk), "candidate", AttributeValue.fromS(candidate)))
            .updateExpression("ADD #count :one")
            .expressionAttributeNames(Map.of("#count", "count")) // COUNT is a reserved word
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    /** Every candidate's votes: the shards' counts added up (one strongly consistent query per shard). */
    public Map<String, Long> tally() {
        Map<String, Long> totals = new TreeMap<>();
        for (int shard = 0; shard < shards; shard++) {
            String pk = shardKey(shard);
            db.queryPaginator(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))))
                .items()
                .forEach(item -> totals.merge(item.get("candidate").s(), Long.parseLong(item.get("count").n()), Long::sum));
        }
        return totals;
    }
}
