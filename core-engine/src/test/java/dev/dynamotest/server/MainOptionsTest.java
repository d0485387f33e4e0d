package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.protocol.RequestHandler.NamespacePolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The standalone server's command line as DynamoDB Local users write it: which namespaces each set of flags gives
 * (checked through SDK clients of different access keys and regions), and the ready line it prints. The same
 * rules run in the container (testcontainers-module DropInIT); this test needs no Docker.
 */
class MainOptionsTest {

    /** Tables created by "alice" in us-east-1, as listed by alice, by bob, and by alice in eu-west-1. */
    static Map<String, List<String>> seenBy(DynamoTestServer server) {
        try (DynamoDbClient alice = ServerFixture.client(server.endpoint(), "us-east-1", "alice");
             DynamoDbClient bob = ServerFixture.client(server.endpoint(), "us-east-1", "bob");
             DynamoDbClient aliceWest = ServerFixture.client(server.endpoint(), "eu-west-1", "alice")) {
            alice.createTable(b -> b.tableName("shared-or-not").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            alice.putItem(b -> b.tableName("shared-or-not").item(Map.of("pk", AttributeValue.fromS("from-alice"))));
            return Map.of("alice", alice.listTables().tableNames(), "bob", bob.listTables().tableNames(),
                "aliceWest", aliceWest.listTables().tableNames(),
                "aliceWestItems", aliceWest.listTables().tableNames().isEmpty() ? List.of()
                    : aliceWest.scan(b -> b.tableName("shared-or-not")).items().stream().map(i -> i.get("pk").s()).toList());
        }
    }

    static Map<String, List<String>> run(String... args) {
        Main.Options options = Main.Options.parse(args);
        try (DynamoTestServer server = Main.start(options)) {
            return seenBy(server);
        }
    }

    @Test
    void sharedDbGivesEveryAccessKeyAndEveryRegionOneDatabaseAsDynamoDbLocalDoes() {
        Main.Options options = Main.Options.parse(new String[] {"-sharedDb", "-inMemory", "-port", "0", "-delayTransientStatuses"});
        assertThat(options.namespaces()).isEqualTo(NamespacePolicy.SHARED);
        Map<String, List<String>> seen = run("-sharedDb", "-inMemory", "-port", "0");
        assertThat(seen.get("alice")).containsExactly("shared-or-not");
        assertThat(seen.get("bob")).containsExactly("shared-or-not");
        assertThat(seen.get("aliceWest")).containsExactly("shared-or-not");
        assertThat(seen.get("aliceWestItems")).containsExactly("from-alice");
        assertThat(Main.Options.parse(new String[] {"--namespaces", "shared"}).namespaces()).isEqualTo(NamespacePolicy.SHARED);
    }

    @Test
    void withoutSharedDbEveryAccessKeyAndRegionHasItsOwnTables() {
        assertThat(Main.Options.parse(new String[] {"-inMemory"}).namespaces()).isEqualTo(NamespacePolicy.ACCESS_KEY_AND_REGION);
        Map<String, List<String>> seen = run("-inMemory", "-port", "0");
        assertThat(seen.get("alice")).containsExactly("shared-or-not");
        assertThat(seen.get("bob")).isEmpty();
        assertThat(seen.get("aliceWest")).isEmpty();
    }

    @Test
    void dynamoTestsOwnDefaultScopesTablesToTheRegionAsOneAccountDoes() {
        assertThat(Main.Options.parse(new String[0]).namespaces()).isEqualTo(NamespacePolicy.REGION);
        Map<String, List<String>> seen = run("--port", "0");
        assertThat(seen.get("bob")).containsExactly("shared-or-not");
        assertThat(seen.get("aliceWest")).isEmpty();
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--namespaces", "everyone"}))
            .hasMessage("--namespaces takes 'region', 'access-key' or 'shared', not 'everyone'");
    }

    @Test
    void theReadyLineSaysTheAddressReallyBound() {
        try (DynamoTestServer all = Main.start(Main.Options.parse(new String[] {"--host", "0.0.0.0", "--port", "0", "-sharedDb"}))) {
            assertThat(Main.startLine(all, NamespacePolicy.SHARED)).isEqualTo("DynamoTest listening on http://0.0.0.0:" + all.port()
                + " (all interfaces, port " + all.port() + ", one namespace shared by every access key and region)");
            assertThat(all.endpoint().getHost()).isEqualTo("127.0.0.1"); // where a local client connects
        }
        try (DynamoTestServer loopback = Main.start(Main.Options.parse(new String[] {"--port", "0"}))) {
            assertThat(Main.startLine(loopback, NamespacePolicy.REGION)).isEqualTo("DynamoTest listening on http://127.0.0.1:"
                + loopback.port() + " (port " + loopback.port() + ", namespaces by region)");
        }
    }
}
