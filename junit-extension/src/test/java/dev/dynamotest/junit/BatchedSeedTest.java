package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fixtures are written 25 items a BatchWriteItem; a chunk the service refuses as a whole (here: the same key twice in
 * it) is written item by item, in order, so the last entry for a key wins, as when every item was a PutItem.
 */
@DynamoTest
@CreateTable(name = "many", partitionKey = "id")
@Seed(table = "many", value = "[{\"id\": \"k00\", \"v\": 0}, {\"id\": \"k01\", \"v\": 1}, {\"id\": \"k02\", \"v\": 2}, {\"id\": \"k03\", \"v\": 3}, {\"id\": \"k04\", \"v\": 4}, {\"id\": \"k05\", \"v\": 5}, {\"id\": \"k06\", \"v\": 6}, {\"id\": \"k07\", \"v\": 7}, {\"id\": \"k08\", \"v\": 8}, {\"id\": \"k09\", \"v\": 9}, {\"id\": \"k10\", \"v\": 10}, {\"id\": \"k11\", \"v\": 11}, {\"id\": \"k12\", \"v\": 12}, {\"id\": \"k13\", \"v\": 13}, {\"id\": \"k14\", \"v\": 14}, {\"id\": \"k15\", \"v\": 15}, {\"id\": \"k16\", \"v\": 16}, {\"id\": \"k17\", \"v\": 17}, {\"id\": \"k18\", \"v\": 18}, {\"id\": \"k19\", \"v\": 19}, {\"id\": \"k20\", \"v\": 20}, {\"id\": \"k21\", \"v\": 21}, {\"id\": \"k22\", \"v\": 22}, {\"id\": \"k23\", \"v\": 23}, {\"id\": \"k24\", \"v\": 24}, {\"id\": \"k25\", \"v\": 25}, {\"id\": \"k26\", \"v\": 26}, {\"id\": \"k27\", \"v\": 27}, {\"id\": \"k28\", \"v\": 28}, {\"id\": \"k29\", \"v\": 29}, {\"id\": \"k30\", \"v\": 30}, {\"id\": \"k31\", \"v\": 31}, {\"id\": \"k32\", \"v\": 32}, {\"id\": \"k33\", \"v\": 33}, {\"id\": \"k34\", \"v\": 34}, {\"id\": \"k30\", \"v\": 300}, {\"id\": \"k35\", \"v\": 35}, {\"id\": \"k36\", \"v\": 36}, {\"id\": \"k37\", \"v\": 37}, {\"id\": \"k38\", \"v\": 38}, {\"id\": \"k39\", \"v\": 39}, {\"id\": \"k40\", \"v\": 40}, {\"id\": \"k41\", \"v\": 41}, {\"id\": \"k42\", \"v\": 42}, {\"id\": \"k43\", \"v\": 43}, {\"id\": \"k44\", \"v\": 44}, {\"id\": \"k45\", \"v\": 45}, {\"id\": \"k46\", \"v\": 46}, {\"id\": \"k47\", \"v\": 47}, {\"id\": \"k48\", \"v\": 48}, {\"id\": \"k49\", \"v\": 49}, {\"id\": \"k50\", \"v\": 50}, {\"id\": \"k51\", \"v\": 51}, {\"id\": \"k52\", \"v\": 52}, {\"id\": \"k53\", \"v\": 53}, {\"id\": \"k54\", \"v\": 54}, {\"id\": \"k55\", \"v\": 55}, {\"id\": \"k56\", \"v\": 56}, {\"id\": \"k57\", \"v\": 57}, {\"id\": \"k58\", \"v\": 58}, {\"id\": \"k59\", \"v\": 59}]")
class BatchedSeedTest {

    @Test
    void everyItemOfAFixtureLargerThanABatchIsWritten(DynamoDbClient client) {
        assertThat(client.scan(b -> b.tableName("many")).count()).isEqualTo(60);
        assertThat(client.getItem(b -> b.tableName("many").key(Map.of("id", AttributeValue.fromS("k59")))).item())
            .containsEntry("v", AttributeValue.fromN("59"));
    }

    @Test
    void aKeyWrittenTwiceInOneBatchEndsAsItsLastEntry(DynamoDbClient client) {
        assertThat(client.getItem(b -> b.tableName("many").key(Map.of("id", AttributeValue.fromS("k30")))).item())
            .containsEntry("v", AttributeValue.fromN("300"));
    }

    @Test
    @Seed(table = "many", value = "[{\"id\": \"k00\", \"v\": 1000}, {\"id\": \"k00\", \"v\": 2000}]")
    void methodFixturesFollowTheSameRule(DynamoDbClient client) {
        assertThat(client.getItem(b -> b.tableName("many").key(Map.of("id", AttributeValue.fromS("k00")))).item())
            .containsEntry("v", AttributeValue.fromN("2000"));
    }
}
