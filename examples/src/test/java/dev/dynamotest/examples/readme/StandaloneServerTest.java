package dev.dynamotest.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The standalone server in a process of its own, its port read from {@code --port-file}, and the JUnit extension
 * pointed at it with {@code endpointFrom}: an endpoint known only at run time.
 */
// tag::port-file[]
@CreateTable(name = "orders", partitionKey = "customerId")
class StandaloneServerTest {
    static Process server;
    static URI endpoint;

    /** Starts the server on a free port and reads the port from the file it writes once it accepts connections. */
    static synchronized URI startServer() {
        if (endpoint == null) {
            try {
                Path portFile = Files.createTempDirectory("dynamotest").resolve("port");
                server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), // or: -jar dynamotest-core-engine-VERSION-server.jar
                    "dev.dynamotest.server.Main", "--port", "0", "--port-file", portFile.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::destroy)); // SIGTERM, after the extension's cleanup
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (!Files.exists(portFile) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                String port = Files.readString(portFile, StandardCharsets.US_ASCII); // e.g. "41234": digits, no line break
                endpoint = URI.create("http://127.0.0.1:" + port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return endpoint;
    }

    @RegisterExtension
    static final DynamoExtension dynamo = DynamoExtension.builder().endpointFrom(StandaloneServerTest::startServer).build();

    @Test
    void talksToTheServerProcess(DynamoDbClient client, URI injectedEndpoint) {
        client.putItem(b -> b.tableName("orders").item(Map.of("customerId", AttributeValue.fromS("ada"))));
        assertThat(client.scan(b -> b.tableName("orders")).count()).isEqualTo(1);
        assertThat(injectedEndpoint).isEqualTo(endpoint);
    }
}
// end::port-file[]
