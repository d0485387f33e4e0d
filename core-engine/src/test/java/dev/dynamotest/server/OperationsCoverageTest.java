package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.protocol.Operations;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * docs/compatibility.md cannot rot: every operation of the service model in the AWS SDK jar on the test classpath
 * (one request marshaller per operation, for DynamoDB and for DynamoDB Streams) is either served by
 * {@link Operations} or named in the document's operations table. An operation that is not served answers the
 * service's UnknownOperationException through the SDK.
 */
class OperationsCoverageTest {

    record ModelOperation(boolean streams, String name) {
    }

    static List<ModelOperation> modelOperations() throws IOException, URISyntaxException {
        Path jar = Path.of(DynamoDbClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<ModelOperation> ops = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(jf.entries())) {
                String n = e.getName();
                if (n.endsWith("RequestMarshaller.class") && !n.contains("$")) {
                    String op = n.substring(n.lastIndexOf('/') + 1, n.length() - "RequestMarshaller.class".length());
                    ops.add(new ModelOperation(n.contains("/dynamodb/streams/"), op));
                }
            }
        }
        return ops;
    }

    static String compatibilityDoc() throws IOException {
        for (Path p : List.of(Path.of("..", "docs", "compatibility.md"), Path.of("docs", "compatibility.md"))) {
            if (Files.exists(p)) {
                return Files.readString(p);
            }
        }
        throw new AssertionError("docs/compatibility.md not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyOperationOfTheSdkModelIsServedOrNamedInCompatibilityMd() throws Exception {
        List<ModelOperation> ops = modelOperations();
        assertThat(ops).as("operations read from the SDK jar").hasSizeGreaterThan(50)
            .contains(new ModelOperation(false, "PutItem"), new ModelOperation(true, "GetRecords"));
        Operations served = Operations.standard();
        String doc = compatibilityDoc();
        List<String> unaccounted = new ArrayList<>();
        for (ModelOperation op : ops) {
            boolean isServed = op.streams() ? served.streams(op.name()) != null : served.dynamodb(op.name()) != null;
            if (!isServed && !doc.contains("| `" + op.name() + "` |")) {
                unaccounted.add(op.name());
            }
        }
        assertThat(unaccounted).as("operations neither served by protocol/Operations nor in docs/compatibility.md's table")
            .isEmpty();
    }

    @Test
    void anOperationThatIsNotServedAnswersUnknownOperationException() throws Exception {
        Operations served = Operations.standard();
        assertThat(served.dynamodb("DescribeKinesisStreamingDestination")).as("pick an operation that is not served").isNull();
        try {
            ServerFixture.client().describeKinesisStreamingDestination(b -> b.tableName("any-table"));
            throw new AssertionError("no error");
        } catch (DynamoDbException e) {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
        }
        assertThat(compatibilityDoc()).contains("| `DescribeKinesisStreamingDestination` | DynamoDB | not implemented | `UnknownOperationException`");
    }
}
