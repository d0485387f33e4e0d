package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The control plane through the SDK v2 client over HTTP. */
class ControlPlaneEndToEndTest {
    final DynamoDbClient db = ServerFixture.client();

    static KeySchemaElement ks(String n, KeyType t) {
        return KeySchemaElement.builder().attributeName(n).keyType(t).build();
    }

    static AttributeDefinition ad(String n, String t) {
        return AttributeDefinition.builder().attributeName(n).attributeType(t).build();
    }

    CreateTableRequest.Builder simple(String name) {
        return CreateTableRequest.builder().tableName(name).keySchema(ks("pk", KeyType.HASH))
            .attributeDefinitions(ad("pk", "S")).billingMode(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void attributeDefinitionsAreDescribedInTheOrderGiven() {
        String name = ServerFixture.uniqueName("ctl");
        db.createTable(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(ks("zz", KeyType.HASH), ks("aa", KeyType.RANGE))
            .attributeDefinitions(ad("zz", "S"), ad("aa", "N"), ad("mm", "B"))
            .globalSecondaryIndexes(g -> g.indexName("byMm").keySchema(ks("mm", KeyType.HASH))
                .projection(p -> p.projectionType("KEYS_ONLY")))
            .build());
        assertThat(db.describeTable(b -> b.tableName(name)).table().attributeDefinitions())
            .extracting(AttributeDefinition::attributeName).containsExactly("zz", "aa", "mm");
    }

    @Test
    void createDescribeListAndDelete() {
        String name = ServerFixture.uniqueName("ctl");
        TableDescription created = db.createTable(simple(name).build()).tableDescription();
        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + name);
        TableDescription d = db.describeTable(b -> b.tableName(name)).table();
        assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(d.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(d.tableId()).isNotBlank();
        assertThat(db.describeTable(b -> b.tableName(created.tableArn())).table().tableName()).isEqualTo(name);
        assertThatThrownBy(() -> db.createTable(simple(name).build()))
            .isInstanceOf(ResourceInUseException.class).hasMessageStartingWith("Table already exists: " + name);
        assertThat(db.deleteTable(b -> b.tableName(name)).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThatThrownBy(() -> db.describeTable(b -> b.tableName(name)))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found: Table: " + name + " not found");
    }

    @Test
    void createValidatesLikeTheService() {
        String name = ServerFixture.uniqueName("ctlv");
        assertThatThrownBy(() -> db.createTable(simple(name).attributeDefinitions(ad("pk", "S"), ad("x", "S")).build()))
            .hasMessageStartingWith("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        assertThatThrownBy(() -> db.createTable(simple(name).attributeDefinitions(ad("other", "S")).build()))
            .hasMessageStartingWith("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]");
        assertThatThrownBy(() -> db.createTable(simple(name).keySchema(ks("pk", KeyType.RANGE)).build()))
            .hasMessageStartingWith("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertThatThrownBy(() -> db.createTable(simple(name).attributeDefinitions(ad("pk", "BOOL")).build()))
            .hasMessageStartingWith("1 validation error detected: Value 'BOOL' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
        assertThatThrownBy(() -> db.createTable(simple(name).billingMode((String) null).build()))
            .hasMessageStartingWith("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        assertThatThrownBy(() -> db.createTable(simple(name).provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build()))
            .hasMessageStartingWith("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        assertThatThrownBy(() -> db.createTable(simple("ab").build()))
            .hasMessageStartingWith("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
        assertThatThrownBy(() -> db.createTable(simple(name).attributeDefinitions(ad("pk", "S"), ad("l", "S"))
            .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi").keySchema(ks("pk", KeyType.HASH), ks("l", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build()).build()))
            .hasMessageStartingWith("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        assertThatThrownBy(() -> db.createTable(simple(name).globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi")
                .keySchema(ks("pk", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL).nonKeyAttributes("a")).build()).build()))
            .hasMessageStartingWith("One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified");
        assertThat(db.listTables().tableNames()).doesNotContain(name);
    }

    @Test
    void updateTableThroughputBillingProtectionAndStreams() {
        String name = ServerFixture.uniqueName("ctlu");
        db.createTable(simple(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)).build());
        assertThatThrownBy(() -> db.updateTable(b -> b.tableName(name)))
            .hasMessageStartingWith("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        assertThatThrownBy(() -> db.updateTable(b -> b.tableName(name).provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))))
            .hasMessageStartingWith("The provisioned throughput for the table will not change. The requested value equals the current value.");
        TableDescription up = db.updateTable(b -> b.tableName(name).provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(5L))).tableDescription();
        assertThat(up.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(up.provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
        assertThat(up.provisionedThroughput().lastIncreaseDateTime()).isNotNull();
        TableDescription down = db.updateTable(b -> b.tableName(name).provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(5L))).tableDescription();
        assertThat(down.provisionedThroughput().numberOfDecreasesToday()).isEqualTo(1);
        TableDescription streams = db.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))).tableDescription();
        assertThat(streams.latestStreamArn()).startsWith(up.tableArn() + "/stream/");
        assertThat(streams.latestStreamLabel()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(streams.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThatThrownBy(() -> db.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))))
            .hasMessageStartingWith("Table already has an enabled stream");
        db.updateTable(b -> b.tableName(name).deletionProtectionEnabled(true));
        assertThatThrownBy(() -> db.deleteTable(b -> b.tableName(name)))
            .hasMessageStartingWith("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        db.updateTable(b -> b.tableName(name).deletionProtectionEnabled(false).billingMode(BillingMode.PAY_PER_REQUEST));
        TableDescription d = db.describeTable(b -> b.tableName(name)).table();
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(d.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNotNull();
        db.deleteTable(b -> b.tableName(name));
    }

    @Test
    void globalIndexCreatedLaterIsBackfilledAndQueryable() {
        String name = ServerFixture.uniqueName("ctlg");
        db.createTable(simple(name).build());
        for (int i = 0; i < 5; i++) {
            int n = i;
            db.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("k" + n), "color", AttributeValue.fromS(n % 2 == 0 ? "red" : "blue"))));
        }
        db.updateTable(b -> b.tableName(name).attributeDefinitions(ad("pk", "S"), ad("color", "S"))
            .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byColor")
                .keySchema(ks("color", KeyType.HASH)).projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())).build()));
        TableDescription d = db.describeTable(b -> b.tableName(name)).table();
        assertThat(d.globalSecondaryIndexes()).singleElement().satisfies(g -> {
            assertThat(g.indexName()).isEqualTo("byColor");
            assertThat(g.itemCount()).isEqualTo(5L);
            assertThat(g.indexStatusAsString()).isEqualTo("ACTIVE");
        });
        assertThat(db.query(b -> b.tableName(name).indexName("byColor").keyConditionExpression("color = :c")
            .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("red")))).count()).isEqualTo(3);
        db.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().delete(x -> x.indexName("byColor")).build()));
        assertThat(db.describeTable(b -> b.tableName(name)).table().hasGlobalSecondaryIndexes()).isFalse();
    }

    @Test
    void tagsByArn() {
        String name = ServerFixture.uniqueName("ctlt");
        String arn = db.createTable(simple(name).tags(Tag.builder().key("team").value("core").build()).build()).tableDescription().tableArn();
        db.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("test").build()));
        assertThat(db.listTagsOfResource(b -> b.resourceArn(arn)).tags()).extracting(t -> t.key() + "=" + t.value())
            .containsExactly("team=core", "env=test");
        db.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        assertThat(db.listTagsOfResource(b -> b.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("env");
        String missing = arn.replace(name, "nope-" + name);
        assertThatThrownBy(() -> db.listTagsOfResource(b -> b.resourceArn(missing)))
            .isInstanceOf(ResourceNotFoundException.class)
            .hasMessageStartingWith("Requested resource not found: ResourcArn: " + missing + " not found");
    }

    @Test
    void timeToLiveSettings() {
        String name = ServerFixture.uniqueName("ctlttl");
        db.createTable(simple(name).build());
        assertThat(db.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        assertThatThrownBy(() -> db.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.enabled(false).attributeName("ttl"))))
            .hasMessageStartingWith("TimeToLive is already disabled");
        assertThat(db.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")))
            .timeToLiveSpecification().attributeName()).isEqualTo("expires");
        assertThat(db.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().attributeName()).isEqualTo("expires");
        assertThatThrownBy(() -> db.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))))
            .hasMessageStartingWith("TimeToLive is already enabled");
        assertThatThrownBy(() -> db.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.enabled(false).attributeName("other"))))
            .hasMessageStartingWith("TimeToLive is active on a different AttributeName");
    }

    @Test
    void limitsEndpointsAndListPagination() {
        var limits = db.describeLimits();
        assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(40000L);
        assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(80000L);
        assertThat(db.describeEndpoints().endpoints()).singleElement()
            .satisfies(e -> assertThat(e.address()).isEqualTo("dynamodb.us-east-1.amazonaws.com"));
        String prefix = ServerFixture.uniqueName("page");
        for (int i = 0; i < 3; i++) {
            db.createTable(simple(prefix + "-" + i).build());
        }
        var first = db.listTables(b -> b.exclusiveStartTableName(prefix).limit(2));
        assertThat(first.tableNames()).containsExactly(prefix + "-0", prefix + "-1");
        assertThat(first.lastEvaluatedTableName()).isEqualTo(prefix + "-1");
        assertThat(db.listTables(b -> b.exclusiveStartTableName(first.lastEvaluatedTableName()).limit(1)).tableNames())
            .containsExactly(prefix + "-2");
        assertThatThrownBy(() -> db.listTables(b -> b.limit(0)))
            .hasMessageStartingWith("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
}
