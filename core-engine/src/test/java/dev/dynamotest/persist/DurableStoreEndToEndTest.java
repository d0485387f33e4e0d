package dev.dynamotest.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.server.DynamoTestServer;
import dev.dynamotest.server.ServerFixture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The durable store through the SDK: what a client wrote and configured is there after the server restarts on the
 * same directory, whether the state comes back from the log, from a checkpoint, or from both; damage is cut at a
 * torn tail and refused anywhere else.
 */
class DurableStoreEndToEndTest {
    @TempDir
    Path dir;

    /** A server over a fresh engine that loads and records {@link #dir}. */
    private final class Running implements AutoCloseable {
        final Engine engine = new Engine();
        final DurableStore store;
        final DynamoTestServer server;
        final DynamoDbClient client;

        Running(long checkpointBytes) throws IOException {
            store = DurableStore.open(engine, dir, DurableStore.Durability.FSYNC, checkpointBytes);
            server = DynamoTestServer.builder().engine(engine).blocking(true).port(0).start();
            client = ServerFixture.client(server.endpoint(), "eu-west-1");
        }

        @Override
        public void close() {
            client.close();
            server.close();
            store.close();
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static void createOrders(DynamoDbClient c) {
        c.createTable(b -> b.tableName("orders")
            .attributeDefinitions(
                AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("email").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("at").attributeType(ScalarAttributeType.S).build())
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byEmail")
                .keySchema(KeySchemaElement.builder().attributeName("email").keyType(KeyType.HASH).build())
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
            .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAt")
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("at").keyType(KeyType.RANGE).build())
                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
            .tags(Tag.builder().key("team").value("orders").build()));
    }

    /** Writes a bit of everything the store keeps. */
    private static void writeEverything(DynamoDbClient c) {
        createOrders(c);
        for (int i = 0; i < 20; i++) {
            c.putItem(b -> b.tableName("orders").item(Map.of("pk", s("c1"), "sk", s(String.format("o%02d", 0)),
                "email", s("ada@example.com"), "at", s("2026-01-01"))));
        }
        for (int i = 0; i < 20; i++) {
            int n = i;
            c.putItem(b -> b.tableName("orders").item(Map.of("pk", s("c" + (n % 4)), "sk", s(String.format("o%02d", n)),
                "email", s("user" + n + "@example.com"), "at", s("2026-01-" + (10 + n)), "n", AttributeValue.fromN(
                    Integer.toString(n)))));
        }
        c.updateItem(b -> b.tableName("orders").key(Map.of("pk", s("c1"), "sk", s("o01")))
            .updateExpression("SET n = n + :one, tags = :tags").expressionAttributeValues(Map.of(":one",
                AttributeValue.fromN("1"), ":tags", AttributeValue.fromSs(List.of("a", "b")))));
        c.deleteItem(b -> b.tableName("orders").key(Map.of("pk", s("c2"), "sk", s("o02"))));
        c.transactWriteItems(b -> b.transactItems(
            t -> t.put(p -> p.tableName("orders").item(Map.of("pk", s("tx"), "sk", s("a"), "email", s("tx@x")))),
            t -> t.put(p -> p.tableName("orders").item(Map.of("pk", s("tx"), "sk", s("b"))))));
        c.updateTimeToLive(b -> b.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        c.createTable(b -> b.tableName("scratch")
            .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.N).build())
            .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
            .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        c.putItem(b -> b.tableName("scratch").item(Map.of("id", AttributeValue.fromN("7"))));
        c.updateTable(b -> b.tableName("scratch").provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(3L)));
        c.createBackup(b -> b.tableName("scratch").backupName("before-drop"));
        c.createTable(b -> b.tableName("gone")
            .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
            .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
            .billingMode(BillingMode.PAY_PER_REQUEST));
        c.putItem(b -> b.tableName("gone").item(Map.of("id", s("x"))));
        c.deleteTable(b -> b.tableName("gone"));
    }

    private static void assertEverything(DynamoDbClient c) {
        assertThat(c.listTables().tableNames()).containsExactly("orders", "scratch");
        TableDescription orders = c.describeTable(b -> b.tableName("orders")).table();
        assertThat(orders.itemCount()).isEqualTo(22);
        assertThat(orders.globalSecondaryIndexes().get(0).indexName()).isEqualTo("byEmail");
        assertThat(orders.localSecondaryIndexes().get(0).indexName()).isEqualTo("byAt");
        assertThat(orders.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(orders.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(c.listTagsOfResource(b -> b.resourceArn(orders.tableArn())).tags())
            .containsExactly(Tag.builder().key("team").value("orders").build());
        assertThat(c.describeTimeToLive(b -> b.tableName("orders")).timeToLiveDescription().attributeName())
            .isEqualTo("expires");
        Map<String, AttributeValue> updated = c.getItem(b -> b.tableName("orders")
            .key(Map.of("pk", s("c1"), "sk", s("o01"))).consistentRead(true)).item();
        assertThat(updated.get("n").n()).isEqualTo("2");
        assertThat(updated.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
        assertThat(c.getItem(b -> b.tableName("orders").key(Map.of("pk", s("c2"), "sk", s("o02")))).item()).isEmpty();
        assertThat(c.query(b -> b.tableName("orders").indexName("byEmail").keyConditionExpression("email = :e")
            .expressionAttributeValues(Map.of(":e", s("user5@example.com")))).items())
            .extracting(i -> i.get("sk").s()).containsExactly("o05");
        assertThat(c.query(b -> b.tableName("orders").indexName("byAt").keyConditionExpression("pk = :p AND #at > :a")
            .expressionAttributeNames(Map.of("#at", "at"))
            .expressionAttributeValues(Map.of(":p", s("c1"), ":a", s("2026-01-12")))).count()).isEqualTo(4);
        assertThat(c.query(b -> b.tableName("orders").keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s("tx")))).count()).isEqualTo(2);
        TableDescription scratch = c.describeTable(b -> b.tableName("scratch")).table();
        assertThat(scratch.provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
        assertThat(scratch.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        assertThat(c.listBackups(b -> b.tableName("scratch")).backupSummaries())
            .extracting(bs -> bs.backupName()).containsExactly("before-drop");
        assertThatThrownBy(() -> c.describeTable(b -> b.tableName("gone"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void everythingComesBackFromTheLog() throws IOException {
        try (Running r = new Running(Long.MAX_VALUE)) {
            writeEverything(r.client);
        }
        assertThat(files("snapshot-")).isEmpty();
        try (Running r = new Running(Long.MAX_VALUE)) {
            assertEverything(r.client);
            // and what is written after a restart is kept as well
            r.client.putItem(b -> b.tableName("scratch").item(Map.of("id", AttributeValue.fromN("8"))));
        }
        try (Running r = new Running(Long.MAX_VALUE)) {
            assertThat(r.client.scan(b -> b.tableName("scratch")).count()).isEqualTo(2);
        }
    }

    @Test
    void everythingComesBackFromCheckpointsAndTheLogAfterThem() throws IOException {
        try (Running r = new Running(Long.MAX_VALUE)) {
            createOrders(r.client);
            r.store.checkpoint();
            r.client.deleteTable(b -> b.tableName("orders"));
            writeEverything(r.client);
            r.store.checkpoint();
            r.client.putItem(b -> b.tableName("scratch").item(Map.of("id", AttributeValue.fromN("8"))));
        }
        assertThat(files("snapshot-")).containsExactly("snapshot-2.jsonl");
        assertThat(files("wal-")).containsExactly("wal-2.log");
        try (Running r = new Running(Long.MAX_VALUE)) {
            assertEverything(r.client);
            assertThat(r.client.scan(b -> b.tableName("scratch")).count()).isEqualTo(2);
        }
    }

    @Test
    void checkpointsRunByThemselvesWhenTheLogGrows() throws IOException {
        try (Running r = new Running(4096)) {
            writeEverything(r.client);
        }
        assertThat(files("snapshot-")).isNotEmpty();
        try (Running r = new Running(4096)) {
            assertEverything(r.client);
        }
    }

    @Test
    void aTornRecordAtTheEndIsCutAndTheRestKept() throws IOException {
        try (Running r = new Running(Long.MAX_VALUE)) {
            writeEverything(r.client);
        }
        Path wal = dir.resolve("wal-0.log");
        long intact = Files.size(wal);
        try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 1, 2, 3, 4, '{', '"', 'o'})); // a record of 256 bytes, cut
        }
        try (Running r = new Running(Long.MAX_VALUE)) {
            assertEverything(r.client);
        }
        assertThat(Files.size(wal)).isEqualTo(intact);
    }

    @Test
    void damageBeforeTheEndStopsTheStartWithAMessage() throws IOException {
        try (Running r = new Running(Long.MAX_VALUE)) {
            writeEverything(r.client);
        }
        Path wal = dir.resolve("wal-0.log");
        byte[] bytes = Files.readAllBytes(wal);
        bytes[40] ^= 0x55; // inside the first record's payload
        Files.write(wal, bytes);
        assertThatThrownBy(() -> DurableStore.open(new Engine(), dir, DurableStore.Durability.FSYNC))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("the store is damaged: " + wal)
            .hasMessageContaining("refusing to start");
        assertThat(Files.readAllBytes(wal)).isEqualTo(bytes); // left as it was
    }

    @Test
    void aDamagedSnapshotStopsTheStart() throws IOException {
        try (Running r = new Running(Long.MAX_VALUE)) {
            writeEverything(r.client);
            r.store.checkpoint();
        }
        Path snapshot = dir.resolve("snapshot-1.jsonl");
        Files.writeString(snapshot, Files.readString(snapshot).replace("\"item\"", "\"itemz\""));
        assertThatThrownBy(() -> DurableStore.open(new Engine(), dir, DurableStore.Durability.FSYNC))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("cannot read " + snapshot);
    }

    private List<String> files(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }
}
