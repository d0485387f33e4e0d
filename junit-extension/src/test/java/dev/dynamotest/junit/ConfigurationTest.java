package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.regions.Region;

/**
 * Settings come from {@code @DynamoTest} attributes first, then the {@code dynamotest.*} configuration parameters
 * (junit-platform.properties, system properties, the launcher), then the defaults.
 */
@DynamoTest
class ConfigurationTest {

    @Test
    void regionFromJunitPlatformProperties(DynamoRuntime runtime) {
        // src/test/resources/junit-platform.properties sets dynamotest.region=eu-central-1
        assertThat(runtime.region()).isEqualTo(Region.EU_CENTRAL_1);
        assertThat(runtime.client().serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
    }

    @Test
    void regionFromALauncherConfigurationParameter() {
        EngineExecutionResults results = Kit.run(PlainCase.class, Map.of("dynamotest.region", "ap-southeast-2"));
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(PlainCase.seen.get().region()).isEqualTo(Region.AP_SOUTHEAST_2);
    }

    @Test
    void defaultRegionWithoutConfiguration() {
        Kit.run(PlainCase.class, Map.of("dynamotest.region", " ")).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(PlainCase.seen.get().region()).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void annotationAttributesTakePrecedence() {
        EngineExecutionResults results = Kit.run(AnnotatedCase.class, Map.of("dynamotest.region", "ap-southeast-2",
            "dynamotest.endpoint", "http://localhost:1"));
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(AnnotatedCase.seen.get().region()).isEqualTo(Region.SA_EAST_1);
        assertThat(AnnotatedCase.seen.get().endpoint()).isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(AnnotatedCase.seen.get().isEmbedded()).isFalse();
    }

    @Test
    void isolatedEngineFromConfiguration(DynamoRuntime runtime) {
        Kit.run(PlainCase.class, Map.of("dynamotest.isolatedEngine", "true")).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(PlainCase.seen.get().endpoint()).isNotEqualTo(runtime.endpoint());
        assertThat(PlainCase.seen.get().isEmbedded()).isTrue();
    }

    @Test
    void invalidEndpointIsReported() {
        assertThat(Kit.failureText(Kit.run(PlainCase.class, Map.of("dynamotest.endpoint", "localhost"))))
            .contains("DynamoTest endpoint 'localhost' must be an absolute URI such as http://localhost:8000");
    }

    @KitCase
    @DynamoTest
    static class PlainCase {
        static final AtomicReference<DynamoRuntime> seen = new AtomicReference<>();

        @Test
        void test(DynamoRuntime runtime) {
            seen.set(runtime);
        }
    }

    /** No tables: nothing is sent to the (unreachable) endpoint. */
    @KitCase
    @DynamoTest(region = "sa-east-1", endpoint = "http://127.0.0.1:9")
    static class AnnotatedCase {
        static final AtomicReference<DynamoRuntime> seen = new AtomicReference<>();

        @Test
        void test(DynamoRuntime runtime) {
            seen.set(runtime);
        }
    }
}
