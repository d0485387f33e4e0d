package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The ClientRequestToken window is ten minutes of engine clock: moved by advancing the clock, not by sleeping. */
class IdempotencyWindowTest {

    @Test
    void aTokenIsForgottenTenMinutesOfEngineClockLater() {
        Engine engine = new Engine(EngineClock.manual(Instant.parse("2030-01-01T00:00:00Z")));
        try (DynamoTestServer server = DynamoTestServer.builder().engine(engine).port(0).start();
             DynamoDbClient db = ServerFixture.client(server.endpoint(), "us-east-1")) {
            db.createTable(b -> b.tableName("tokens").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            db.putItem(b -> b.tableName("tokens").item(Map.of("pk", AttributeValue.fromS("c"), "n", AttributeValue.fromN("0"))));
            TransactWriteItem add1 = add(1);
            TransactWriteItem add5 = add(5);
            db.transactWriteItems(b -> b.clientRequestToken("tok").transactItems(add1));
            engine.clock().advance(Duration.ofMinutes(9));
            db.transactWriteItems(b -> b.clientRequestToken("tok").transactItems(add1)); // a retry: not applied again
            assertThat(value(db)).isEqualTo("1");
            assertThatThrownBy(() -> db.transactWriteItems(b -> b.clientRequestToken("tok").transactItems(add5)))
                .isInstanceOf(IdempotentParameterMismatchException.class);
            engine.clock().advance(Duration.ofMinutes(2)); // 11 minutes after first use: the token is free again
            db.transactWriteItems(b -> b.clientRequestToken("tok").transactItems(add5));
            assertThat(value(db)).isEqualTo("6");
        }
    }

    static TransactWriteItem add(int n) {
        return TransactWriteItem.builder().update(Update.builder().tableName("tokens").key(Map.of("pk", AttributeValue.fromS("c")))
            .updateExpression("SET n = n + :d").expressionAttributeValues(Map.of(":d", AttributeValue.fromN(Integer.toString(n)))).build()).build();
    }

    static String value(DynamoDbClient db) {
        return db.getItem(b -> b.tableName("tokens").key(Map.of("pk", AttributeValue.fromS("c")))).item().get("n").n();
    }
}
