package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** Control-plane answers as the service gives them (issue 16 "Control plane"; issue 17's CreateTable/UpdateTable 500s). */
class ServiceFidelityControlPlaneTest {
    final DynamoDbClient db = ServerFixture.client();

    static KeySchemaElement ks(String n, KeyType t) {
        return KeySchemaElement.builder().attributeName(n).keyType(t).build();
    }

    static AttributeDefinition ad(String n, String t) {
        return AttributeDefinition.builder().attributeName(n).attributeType(t).build();
    }

    static CreateTableRequest.Builder simple(String name) {
        return CreateTableRequest.builder().tableName(name).keySchema(ks("pk", KeyType.HASH))
            .attributeDefinitions(ad("pk", "S")).billingMode(BillingMode.PAY_PER_REQUEST);
    }

    static GlobalSecondaryIndex gsi(String name, String hash, ProjectionType type, String... nonKey) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(ks(hash, KeyType.HASH))
            .projection(p -> p.projectionType(type).nonKeyAttributes(nonKey.length == 0 ? null : List.of(nonKey))).build();
    }

    private void rejected(CreateTableRequest r, String message) {
        assertThatThrownBy(() -> db.createTable(r)).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
            .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    @Test
    void attributeDefinitionsWithoutOrWithAnUnknownTypeAreValidationErrors() {
        String name = ServerFixture.uniqueName("fc");
        rejected(simple(name).attributeDefinitions(AttributeDefinition.builder().attributeName("pk").build()).build(),
            "1 validation error detected: Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: "
                + "Member must not be null");
        rejected(simple(name).attributeDefinitions(ad("pk", "X")).build(),
            "1 validation error detected: Value 'X' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [B, N, S]");
        db.createTable(simple(name).build());
        for (AttributeDefinition bad : new AttributeDefinition[] {AttributeDefinition.builder().attributeName("g").build(), ad("g", "BOOL")}) {
            assertThatThrownBy(() -> db.updateTable(b -> b.tableName(name).attributeDefinitions(bad)
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("g").keySchema(ks("g", KeyType.HASH))
                    .projection(p -> p.projectionType(ProjectionType.ALL))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("1 validation error detected: Value " + (bad.attributeType() == null ? "null" : "'BOOL'")
                    + " at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: ");
        }
    }

    @Test
    void aDuplicatedAttributeIsNamed() {
        String name = ServerFixture.uniqueName("fc");
        rejected(simple(name).attributeDefinitions(ad("pk", "S"), ad("pk", "S")).build(),
            "One or more parameter values were invalid: Duplicate AttributeName in AttributeDefinitions: pk");
        // a GSI whose key redefines an attribute with another type
        rejected(simple(name).attributeDefinitions(ad("pk", "S"), ad("g", "S"), ad("g", "N"))
                .globalSecondaryIndexes(gsi("byG", "g", ProjectionType.ALL)).build(),
            "One or more parameter values were invalid: Duplicate AttributeName in AttributeDefinitions: g");
        db.createTable(simple(name).build());
        assertThatThrownBy(() -> db.updateTable(b -> b.tableName(name).attributeDefinitions(ad("pk", "N"))
            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byPk").keySchema(ks("pk", KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL))))))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("One or more parameter values were invalid: Duplicate AttributeName in AttributeDefinitions: pk");
    }

    @Test
    void keySchemaAndIndexRules() {
        String name = ServerFixture.uniqueName("fc");
        CreateTableRequest.Builder withSort = simple(name).keySchema(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE))
            .attributeDefinitions(ad("pk", "S"), ad("sk", "S"));
        rejected(withSort.build().toBuilder().localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi")
                .keySchema(ks("pk", KeyType.HASH), ks("pk", KeyType.RANGE)).projection(p -> p.projectionType(ProjectionType.ALL)).build()).build(),
            "One or more parameter values were invalid: Both the Hash Key and the Range Key element in the KeySchema have the same name");
        rejected(withSort.build().toBuilder().localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi")
                .keySchema(List.of()).projection(p -> p.projectionType(ProjectionType.ALL)).build()).build(),
            "1 validation error detected: Value '[]' at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1");
        rejected(withSort.build().toBuilder().attributeDefinitions(ad("pk", "S"), ad("sk", "S"), ad("x", "S"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("idx")
                    .keySchema(ks("pk", KeyType.HASH), ks("x", KeyType.RANGE)).projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .globalSecondaryIndexes(gsi("idx", "x", ProjectionType.ALL)).build(),
            "One or more parameter values were invalid: Duplicate index name: idx");
        CreateTableRequest.Builder withG = simple(name).attributeDefinitions(ad("pk", "S"), ad("g", "S"));
        rejected(withG.globalSecondaryIndexes(gsi("byG", "g", ProjectionType.INCLUDE, "a", "b", "a")).build(),
            "One or more parameter values were invalid: Duplicate NonKeyAttribute: a for index: byG");
        rejected(withG.globalSecondaryIndexes(gsi("byG", "g", ProjectionType.INCLUDE)).build(),
            "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        rejected(simple(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(1L)).build(),
            "1 validation error detected: Value null at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
                + "Member must not be null");
        rejected(simple(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.writeCapacityUnits(1L)).build(),
            "1 validation error detected: Value null at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: "
                + "Member must not be null");
        rejected(simple(name).keySchema(ks("pk", KeyType.HASH), ks("a", KeyType.RANGE), ks("b", KeyType.RANGE)).build(),
            "1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH), KeySchemaElement(attributeName=a, "
                + "keyType=RANGE), KeySchemaElement(attributeName=b, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: "
                + "Member must have length less than or equal to 2");
    }

    @Test
    void keyAndProjectedNamesAreLimitedTo255Bytes() {
        String name = ServerFixture.uniqueName("fc");
        String longName = "k".repeat(256);
        rejected(simple(name).keySchema(ks(longName, KeyType.HASH)).attributeDefinitions(ad(longName, "S")).build(),
            "2 validation errors detected: Value '" + longName + "' at 'keySchema.1.member.attributeName' failed to satisfy constraint: "
                + "Member must have length less than or equal to 255; Value '" + longName + "' at 'attributeDefinitions.1.member.attributeName' "
                + "failed to satisfy constraint: Member must have length less than or equal to 255");
        rejected(simple(name).attributeDefinitions(ad("pk", "S"), ad("g", "S"))
                .globalSecondaryIndexes(gsi("byG", "g", ProjectionType.INCLUDE, longName)).build(),
            "1 validation error detected: Value '[" + longName + "]' at 'globalSecondaryIndexes.1.member.projection.nonKeyAttributes' "
                + "failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 255, "
                + "Member must have length greater than or equal to 1]");
        // 255 bytes is fine (two-byte characters: 127 of them plus one byte)
        String fits = "é".repeat(127) + "x";
        db.createTable(simple(name).keySchema(ks(fits, KeyType.HASH)).attributeDefinitions(ad(fits, "S")).build());
        db.putItem(b -> b.tableName(name).item(java.util.Map.of(fits, AttributeValue.fromS("v"))));
    }

    @Test
    void createTableWithoutTableNameUsesTheRequiredParameterText() throws Exception {
        ProtocolEndToEndTest.Raw r = ProtocolEndToEndTest.post("DynamoDB_20120810.CreateTable",
            "{\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
                + "\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("ValidationException")
            .contains("\"message\":\"The parameter 'TableName' is required but was not present in the request\"");
    }

    @Test
    void theOtherTableOperationsUseTheRequiredParameterTextToo() throws Exception {
        // dynalite's recordings of the service: DescribeTable, DeleteTable, UpdateTable and DescribeTimeToLive check
        // TableName as required; the data plane reports it as a constraint ("Value null at 'tableName'")
        for (String op : new String[] {"DescribeTable", "DeleteTable", "UpdateTable", "DescribeTimeToLive"}) {
            ProtocolEndToEndTest.Raw r = ProtocolEndToEndTest.post("DynamoDB_20120810." + op, "{}");
            assertThat(r.status()).as(op).isEqualTo(400);
            assertThat(r.body()).as(op).contains("ValidationException")
                .contains("\"message\":\"The parameter 'TableName' is required but was not present in the request\"");
        }
        ProtocolEndToEndTest.Raw get = ProtocolEndToEndTest.post("DynamoDB_20120810.GetItem", "{\"Key\":{\"pk\":{\"S\":\"a\"}}}");
        assertThat(get.body()).contains("Value null at 'tableName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void tags() throws Exception {
        String name = ServerFixture.uniqueName("fc");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        rejected(simple(name).tags(many).build(), "One or more parameter values were invalid: The number of tags exceeds the limit of 50");
        rejected(simple(name).tags(Tag.builder().key("a#b").value("v").build()).build(),
            "1 validation error detected: Value 'a#b' at 'tags.1.member.key' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
        String arn = db.createTable(simple(name).attributeDefinitions(ad("pk", "S"), ad("g", "S"))
            .globalSecondaryIndexes(gsi("byG", "g", ProjectionType.ALL)).tags(Tag.builder().key("team a").value("x:y/z=1+2-3@4_5.6").build())
            .build()).tableDescription().tableArn();
        assertThatThrownBy(() -> db.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("k").value("bad*").build())))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("1 validation error detected: Value 'bad*' at 'tags.1.member.value' failed to satisfy constraint");
        String indexArn = arn + "/index/byG";
        assertThatThrownBy(() -> db.listTagsOfResource(b -> b.resourceArn(indexArn)))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
            .hasMessageStartingWith("Invalid TableArn: Invalid ResourceArn provided as input " + indexArn);
        String[] parts = arn.split(":");
        String foreign = arn.replace(":" + parts[4] + ":", ":999999999999:");
        assertThatThrownBy(() -> db.tagResource(b -> b.resourceArn(foreign).tags(Tag.builder().key("k").value("v").build())))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"))
            .hasMessageStartingWith("User: arn:aws:iam::" + parts[4] + ":root is not authorized to perform: dynamodb:TagResource on resource: "
                + foreign + " because no resource-based policy allows the dynamodb:TagResource action");

        // TagResource and UntagResource have no output shape: an empty body
        ProtocolEndToEndTest.Raw tagged = ProtocolEndToEndTest.post("DynamoDB_20120810.TagResource",
            "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
        assertThat(tagged.status()).isEqualTo(200);
        assertThat(tagged.body()).isEmpty();
        ProtocolEndToEndTest.Raw untagged = ProtocolEndToEndTest.post("DynamoDB_20120810.UntagResource",
            "{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"k\"]}");
        assertThat(untagged.status()).isEqualTo(200);
        assertThat(untagged.body()).isEmpty();
        db.untagResource(b -> b.resourceArn(arn).tagKeys("team a"));
        assertThat(db.listTagsOfResource(b -> b.resourceArn(arn)).tags()).isEmpty();
    }

    @Test
    void deleteTableAnswersTheServicesShortDescription() throws Exception {
        String name = ServerFixture.uniqueName("fc");
        db.createTable(simple(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
            .build());
        db.updateTable(b -> b.tableName(name).provisionedThroughput(p -> p.readCapacityUnits(4L).writeCapacityUnits(5L)));
        db.putItem(b -> b.tableName(name).item(java.util.Map.of("pk", AttributeValue.fromS("a"))));
        ProtocolEndToEndTest.Raw r = ProtocolEndToEndTest.post("DynamoDB_20120810.DeleteTable", "{\"TableName\":\"" + name + "\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"TableDescription\":{\"TableStatus\":\"DELETING\",\"TableSizeBytes\":3,\"ItemCount\":1,"
            + "\"TableName\":\"" + name + "\",\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"WriteCapacityUnits\":5,"
            + "\"ReadCapacityUnits\":4}}}");
        String other = ServerFixture.uniqueName("fc");
        db.createTable(simple(other).build());
        TableDescription d = db.deleteTable(b -> b.tableName(other)).tableDescription();
        assertThat(d.creationDateTime()).isNull();
        assertThat(d.keySchema()).isEmpty();
        assertThat(d.attributeDefinitions()).isEmpty();
        assertThat(d.provisionedThroughput().readCapacityUnits()).isZero();
    }

    @Test
    void updateTableWithNothingToChangeIsRejected() {
        String name = ServerFixture.uniqueName("fc");
        db.createTable(simple(name).attributeDefinitions(ad("pk", "S"), ad("g", "S"))
            .globalSecondaryIndexes(gsi("byG", "g", ProjectionType.ALL)).build());
        String text = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or "
            + "SSESpecification or ReplicaUpdates is required";
        assertThatThrownBy(() -> db.updateTable(b -> b.tableName(name))).isInstanceOf(DynamoDbException.class).hasMessageStartingWith(text);
        assertThatThrownBy(() -> db.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(List.of())))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith(text);
        assertThatThrownBy(() -> db.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(u -> u.delete(x -> { }))))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value null at "
                + "'globalSecondaryIndexUpdates.1.member.delete.indexName' failed to satisfy constraint: Member must not be null");
        String provisioned = ServerFixture.uniqueName("fc");
        db.createTable(simple(provisioned).billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(1L)
            .writeCapacityUnits(1L)).build());
        assertThatThrownBy(() -> db.updateTable(b -> b.tableName(provisioned).attributeDefinitions(ad("g", "S"))
            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG").keySchema(ks("g", KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL)).provisionedThroughput(p -> p.readCapacityUnits(1L))))))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value null at "
                + "'globalSecondaryIndexUpdates.1.member.create.provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
                + "Member must not be null");
        GlobalSecondaryIndexDescription active = db.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes().get(0);
        assertThat(active.indexStatusAsString()).isEqualTo("ACTIVE");
        assertThat(active.backfilling()).isNull();
    }
}
