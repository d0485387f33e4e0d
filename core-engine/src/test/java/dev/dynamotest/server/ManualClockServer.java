package dev.dynamotest.server;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.EngineClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A server per test on its own engine with a manual clock starting at {@link #T0} (nothing moves unless the test
 * advances it), and a client without retries so the first answer is what the test sees.
 */
abstract class ManualClockServer {
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    Engine engine;
    DynamoTestServer server;
    DynamoDbClient db;

    /** Engine settings before the server starts (none by default). */
    void configure(Engine engine) {
    }

    @BeforeEach
    void start() {
        engine = new Engine(EngineClock.manual(T0));
        configure(engine);
        server = DynamoTestServer.builder().engine(engine).port(0).start();
        db = ServerFixture.client(server.endpoint(), "us-east-1");
    }

    @AfterEach
    void stop() {
        db.close();
        server.close();
    }
}
