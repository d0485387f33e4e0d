package dev.dynamotest.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.BindMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The image as a drop-in for amazon/dynamodb-local: its command lines, its per-access-key databases without
 * -sharedDb and its one database for every key and region with it, its rejection of persistence flags; and a clean
 * stop. The same namespace rules are checked without Docker by core-engine's MainOptionsTest.
 */
@RequiresDocker
class DropInIT {

    static void createTable(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    /** Tables created by access key "alice", as listed by "alice", by "bob", and by "alice" in another region. */
    static Map<String, java.util.List<String>> seenBy(DynamoTestContainer container) {
        try (DynamoDbClient alice = container.withCredentials("alice", "secret").newClient();
             DynamoDbClient bob = container.withCredentials("bob", "secret").newClient();
             DynamoDbClient aliceWest = container.withCredentials("alice", "secret").withRegion("eu-west-1").newClient()) {
            container.withRegion("us-east-1");
            createTable(alice, "shared-or-not");
            alice.putItem(b -> b.tableName("shared-or-not").item(Map.of("pk", AttributeValue.fromS("from-alice"))));
            return Map.of("alice", alice.listTables().tableNames(), "bob", bob.listTables().tableNames(),
                "aliceWest", aliceWest.listTables().tableNames());
        }
    }

    @Test
    void aCommandLineWrittenForDynamoDbLocalRunsUnchangedAndSharesTablesWithSharedDb() {
        // the classic docker-compose line for amazon/dynamodb-local, JVM option included
        try (DynamoTestContainer c = new DynamoTestContainer().withDynamoDbLocalFlags(
            "-Djava.library.path=./DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-sharedDb", "-inMemory",
            "-port", "8000", "-delayTransientStatuses", "-disableTelemetry")) {
            c.start();
            assertThat(c.getLogs()).contains("DynamoTest listening on http://0.0.0.0:8000 (all interfaces, port 8000, "
                + "one namespace shared by every access key and region)");
            Map<String, java.util.List<String>> seen = seenBy(c);
            assertThat(seen.get("alice")).containsExactly("shared-or-not");
            assertThat(seen.get("bob")).containsExactly("shared-or-not");
            assertThat(seen.get("aliceWest")).containsExactly("shared-or-not"); // one database for every region too
        }
    }

    @Test
    void withoutSharedDbEveryAccessKeyHasItsOwnTablesAsInDynamoDbLocal() {
        try (DynamoTestContainer c = new DynamoTestContainer().withDynamoDbLocalFlags("-jar", "DynamoDBLocal.jar", "-inMemory")) {
            c.start();
            assertThat(c.getLogs()).contains("namespaces by access key and region");
            Map<String, java.util.List<String>> seen = seenBy(c);
            assertThat(seen.get("alice")).containsExactly("shared-or-not");
            assertThat(seen.get("bob")).isEmpty();
            assertThat(seen.get("aliceWest")).isEmpty();
            try (DynamoDbClient bob = c.withCredentials("bob", "secret").newClient()) {
                createTable(bob, "shared-or-not"); // the same name is free in bob's namespace
                assertThat(bob.scan(b -> b.tableName("shared-or-not")).count()).isZero();
            }
        }
    }

    @Test
    void dynamoTestsOwnDefaultScopesTablesToTheRegionAsOneAccountDoes() {
        try (DynamoTestContainer c = new DynamoTestContainer()) {
            c.start();
            Map<String, java.util.List<String>> seen = seenBy(c);
            assertThat(seen.get("bob")).containsExactly("shared-or-not");
            assertThat(seen.get("aliceWest")).isEmpty();
        }
    }

    @Test
    void dbPathKeepsTablesAcrossContainersAsDynamoDbLocalComposeFilesExpect(@TempDir Path data) throws Exception {
        // the container runs as uid 10001; a host directory given as a volume must be writable for it
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        String[] compose = {"-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath", "./data"};
        try (DynamoTestContainer c = new DynamoTestContainer().withDynamoDbLocalFlags(compose)
            .withFileSystemBind(data.toString(), "/home/dynamodblocal/data", BindMode.READ_WRITE)) {
            c.start();
            DynamoDbClient client = c.newClient();
            client.createTable(b -> b.tableName("kept")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
            client.putItem(b -> b.tableName("kept").item(Map.of("id", AttributeValue.fromS("survivor"))));
        }
        try (DynamoTestContainer c = new DynamoTestContainer().withDynamoDbLocalFlags(compose)
            .withFileSystemBind(data.toString(), "/home/dynamodblocal/data", BindMode.READ_WRITE)) {
            c.start();
            assertThat(c.newClient().getItem(b -> b.tableName("kept").key(Map.of("id", AttributeValue.fromS("survivor"))))
                .item()).containsEntry("id", AttributeValue.fromS("survivor"));
        }
    }

    @Test
    void stoppingTheContainerIsACleanStop() {
        try (DynamoTestContainer c = new DynamoTestContainer()) {
            c.start();
            try (DynamoDbClient client = c.newClient()) {
                createTable(client, "tbl");
            }
            var docker = c.getDockerClient();
            docker.stopContainerCmd(c.getContainerId()).withTimeout(10).exec();
            var state = docker.inspectContainerCmd(c.getContainerId()).exec().getState();
            assertThat(state.getRunning()).isFalse();
            assertThat(state.getExitCodeLong()).isZero();
            assertThat(c.getLogs()).contains("DynamoTest stopped (SIGTERM)");
        }
    }

    @Test
    void theImageIsHealthyNonRootAndListensOn8000() {
        try (DynamoTestContainer c = new DynamoTestContainer()) {
            c.start();
            var inspect = c.getDockerClient().inspectContainerCmd(c.getContainerId()).exec();
            assertThat(inspect.getConfig().getUser()).isEqualTo("10001:10001");
            assertThat(inspect.getConfig().getExposedPorts()).extracting(p -> p.getPort()).contains(8000);
            assertThat(inspect.getConfig().getHealthcheck().getTest()).contains("--healthcheck");
        }
    }

    @Test
    void anotherPortThanTheMappedOneIsRefusedUpFront() {
        assertThatThrownBy(() -> new DynamoTestContainer().withDynamoDbLocalFlags("-port", "9000"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("listens on 8000");
    }
}
