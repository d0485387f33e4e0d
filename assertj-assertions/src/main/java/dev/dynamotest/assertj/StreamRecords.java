package dev.dynamotest.assertj;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads every retained record of a table's current stream through the Streams API (so it works against any
 * endpoint): each shard from TRIM_HORIZON, in lineage order, until the open shard has nothing more.
 */
public final class StreamRecords {
    private StreamRecords() {
    }

    /** The records of {@code tableName}'s latest stream (empty if the table has no stream). */
    public static List<Record> of(DynamoDbClient client, DynamoDbStreamsClient streams, String tableName) {
        String arn = client.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        return arn == null ? List.of() : ofStream(streams, arn);
    }

    public static List<Record> ofStream(DynamoDbStreamsClient streams, String streamArn) {
        List<Record> out = new ArrayList<>();
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var d = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
            shards.addAll(d.shards());
            start = d.lastEvaluatedShardId();
        } while (start != null);
        for (Shard shard : shards) {
            String it = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (it != null) {
                String current = it;
                GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current));
                out.addAll(r.records());
                if (r.records().isEmpty()) {
                    break; // an open shard has nothing more for now (a closed one ends with no iterator)
                }
                it = r.nextShardIterator();
            }
        }
        return out;
    }
}
