package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code @RegisterExtension static DynamoExtension} with builder settings; and the registration mistakes. */
@CreateTable(name = "notes", partitionKey = "id")
@Seed(table = "notes", value = "{\"id\": \"n1\"}")
class ProgrammaticRegistrationTest {
    @RegisterExtension
    static DynamoExtension dynamo = DynamoExtension.builder().region("eu-west-2").isolatedEngine(true).build();

    @Test
    void builderSettingsApply(DynamoRuntime runtime, DynamoDbClient client) {
        assertThat(runtime.region()).isEqualTo(Region.EU_WEST_2);
        assertThat(client.getItem(b -> b.tableName("notes").key(Map.of("id", AttributeValue.fromS("n1")))).hasItem()).isTrue();
    }

    @Test
    void registeringTwiceIsReported() {
        assertThat(Kit.failureText(Kit.run(TwiceCase.class))).contains("DynamoExtension is registered twice for "
            + "ProgrammaticRegistrationTest.TwiceCase: use either @DynamoTest or one @RegisterExtension static "
            + "DynamoExtension field, not both");
    }

    @Test
    void instanceFieldRegistrationIsReported() {
        var results = Kit.run(InstanceFieldCase.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(Kit.failureText(results)).contains("DynamoExtension was registered on an instance field of "
            + "ProgrammaticRegistrationTest.InstanceFieldCase; register it on a static field "
            + "(@RegisterExtension static DynamoExtension dynamo = ...) or use @DynamoTest");
    }

    @KitCase
    @DynamoTest
    static class TwiceCase {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder().build();

        @Test
        void test() {
        }
    }

    @KitCase
    static class InstanceFieldCase {
        @RegisterExtension
        DynamoExtension dynamo = DynamoExtension.builder().build();

        @Test
        void test() {
        }
    }
}
