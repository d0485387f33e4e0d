package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Tables declared with {@link CreateTable}, as DescribeTable reports them. */
@DynamoTest
@CreateTable(name = "events", partitionKey = "device", sortKey = "at", sortKeyType = ScalarType.N)
@CreateTable(name = "provisioned", partitionKey = "id", billingMode = Billing.PROVISIONED, readCapacity = 7,
    writeCapacity = 3)
@CreateTable(bean = dev.dynamotest.junit.Order.class, name = "orders")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TablesTest {

    @Test
    void compositeKeyWithTypes(DynamoDbClient client) {
        TableDescription t = client.describeTable(b -> b.tableName("events")).table();
        assertThat(t.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
            .containsExactly("device:HASH", "at:RANGE");
        assertThat(t.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeType())
            .containsExactlyInAnyOrder("device:S", "at:N");
        assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        client.putItem(b -> b.tableName("events").item(Map.of("device", AttributeValue.fromS("d1"),
            "at", AttributeValue.fromN("17"))));
    }

    @Test
    void provisionedThroughput(DynamoDbClient client) {
        TableDescription t = client.describeTable(b -> b.tableName("provisioned")).table();
        assertThat(t.provisionedThroughput().readCapacityUnits()).isEqualTo(7);
        assertThat(t.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
        assertThat(t.billingModeSummary()).isNull();
    }

    @Test
    void beanDerivedKeys(DynamoDbClient client) {
        TableDescription t = client.describeTable(b -> b.tableName("orders")).table();
        assertThat(t.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
            .containsExactly("customerId:HASH", "orderId:RANGE");
        assertThat(t.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeType())
            .contains("customerId:S", "orderId:N");
    }

    @Test
    void beanDerivedSecondaryIndexes(DynamoDbClient client) {
        TableDescription t = client.describeTable(b -> b.tableName("orders")).table();
        assertThat(t.globalSecondaryIndexes()).singleElement().satisfies(g -> {
            assertThat(g.indexName()).isEqualTo("byStatus");
            assertThat(g.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("status:HASH", "total:RANGE");
            assertThat(g.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(t.localSecondaryIndexes()).singleElement().satisfies(l -> assertThat(l.indexName()).isEqualTo("byTotal"));
    }

    @Test
    @CreateTable(name = "indexed", partitionKey = "pk", sortKey = "sk",
        globalIndexes = @GlobalIndex(name = "gsi", partitionKey = "g", projection = Projection.INCLUDE,
            nonKeyAttributes = "x"),
        localIndexes = @LocalIndex(name = "lsi", sortKey = "l", sortKeyType = ScalarType.N,
            projection = Projection.KEYS_ONLY))
    void declaredSecondaryIndexes(DynamoDbClient client) {
        TableDescription t = client.describeTable(b -> b.tableName("indexed")).table();
        assertThat(t.globalSecondaryIndexes()).singleElement().satisfies(g -> {
            assertThat(g.indexName()).isEqualTo("gsi");
            assertThat(g.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
            assertThat(g.projection().nonKeyAttributes()).containsExactly("x");
        });
        assertThat(t.localSecondaryIndexes()).singleElement().satisfies(l -> {
            assertThat(l.indexName()).isEqualTo("lsi");
            assertThat(l.keySchema().get(1).attributeName()).isEqualTo("l");
            assertThat(l.keySchema().get(1).keyType()).isEqualTo(KeyType.RANGE);
            assertThat(l.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        });
    }

    @Test
    @CreateTable(name = "streamed", partitionKey = "pk", stream = StreamView.NEW_AND_OLD_IMAGES)
    void streamViewType(DynamoDbClient client) {
        TableDescription t = client.describeTable(b -> b.tableName("streamed")).table();
        assertThat(t.streamSpecification().streamEnabled()).isTrue();
        assertThat(t.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(t.latestStreamArn()).isNotNull();
    }

    @Test
    @CreateTable(name = "expiring", partitionKey = "pk", ttlAttribute = "expiresAt")
    void timeToLive(DynamoDbClient client) {
        assertThat(client.describeTimeToLive(b -> b.tableName("expiring")).timeToLiveDescription())
            .satisfies(d -> {
                assertThat(d.attributeName()).isEqualTo("expiresAt");
                assertThat(d.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
            });
    }

    @Test
    @Order(1)
    @CreateTable(name = "scratch", partitionKey = "pk", partitionKeyType = ScalarType.N)
    void methodLevelTableExistsForItsTest(DynamoDbClient client) {
        assertThat(client.listTables().tableNames()).containsExactly("events", "orders", "provisioned", "scratch");
        assertThat(client.describeTable(b -> b.tableName("scratch")).table().attributeDefinitions().get(0).attributeType())
            .isEqualTo(ScalarAttributeType.N);
    }

    @Test
    @Order(2)
    void methodLevelTableIsGoneInTheNextTest(DynamoDbClient client) {
        assertThat(client.listTables().tableNames()).containsExactly("events", "orders", "provisioned");
    }

    @Test
    void duplicateTableIsReported() {
        assertThat(Kit.failureText(Kit.run(DuplicateCase.class)))
            .contains("@CreateTable(name = \"twice\") on TablesTest.DuplicateCase: table 'twice' already exists "
                + "(declared twice, or already created by an enclosing class)");
    }

    @Test
    void invalidDeclarationFailsTheTestsBeforeTheyRun() {
        var results = Kit.run(InvalidCase.class);
        assertThat(InvalidCase.ran).isFalse();
        assertThat(Kit.failureText(results))
            .contains("@CreateTable(name = \"bad\") on TablesTest.InvalidCase needs a partition key");
    }

    @Test
    void engineRejectionIsReported() {
        assertThat(Kit.failureText(Kit.run(RejectedCase.class)))
            .contains("@CreateTable(name = \"x\") on TablesTest.RejectedCase.test(): CreateTable was rejected: ")
            .contains("(ValidationException)");
    }

    @KitCase
    @DynamoTest
    @CreateTable(name = "twice", partitionKey = "pk")
    @CreateTable(name = "twice", partitionKey = "id")
    static class DuplicateCase {
        @Test
        void test() {
        }
    }

    @KitCase
    @DynamoTest
    @CreateTable(name = "bad")
    static class InvalidCase {
        static volatile boolean ran;

        @Test
        void test() {
            ran = true;
        }
    }

    @KitCase
    @DynamoTest
    static class RejectedCase {
        @Test
        @CreateTable(name = "x", partitionKey = "pk", billingMode = Billing.PROVISIONED, readCapacity = -1)
        void test() {
        }
    }
}
