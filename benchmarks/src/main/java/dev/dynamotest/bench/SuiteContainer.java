package dev.dynamotest.bench;

import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in a container through Testcontainers, one container per JVM (the singleton-container pattern),
 * for the generated suite's per-test fixture. The image ({@code dynamotest.suite.image}, default
 * {@code local/dynamodb-local:bench}) is built by {@link SuiteBench} from the jars the kit fetched, as
 * {@code container-startup.sh} does: no registry is reachable here.
 */
final class SuiteContainer {
    private SuiteContainer() {
    }

    @SuppressWarnings("resource") // stopped when the JVM exits
    static DynamoDbClient client() {
        String image = System.getProperty("dynamotest.suite.image", "local/dynamodb-local:bench");
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image)).withExposedPorts(8000)
            .waitingFor(Wait.forListeningPort());
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(8000));
        return Target.client(endpoint, Target.apache(16));
    }
}
