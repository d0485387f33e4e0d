package dev.dynamotest.server;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.EngineClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A server per test on its own engine with capacity enforcement on and a manual clock (no bucket refills unless the
 * test moves it), and a client without retries so every throttle is visible.
 */
abstract class EnforcedCapacityServer {
    Engine engine;
    DynamoTestServer server;
    DynamoDbClient db;

    @BeforeEach
    void start() {
        engine = new Engine(EngineClock.manual(Instant.parse("2030-01-01T00:00:00Z")));
        engine.capacity().enforce(true);
        server = DynamoTestServer.builder().engine(engine).port(0).start();
        db = ServerFixture.client(server.endpoint(), "us-east-1");
    }

    @AfterEach
    void stop() {
        db.close();
        server.close();
    }
}
