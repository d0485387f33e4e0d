package dev.dynamotest.examples.spring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Container tests need a Docker engine. Where there is none they are skipped, saying why, unless
 * {@code DYNAMOTEST_REQUIRE_DOCKER=true} (set by .ci/run, which starts an engine): then its absence fails them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
@interface RequiresDocker {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                if (java.nio.file.Files.exists(java.nio.file.Path.of("/.dockerenv"))
                    && System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null
                    && !Boolean.parseBoolean(System.getenv("DYNAMOTEST_DOCKER_HOST_IS_GATEWAY"))) {
                    // Testcontainers takes a container's Docker engine to be the host's and asks the default gateway
                    // for mapped ports, running a helper image to find it; an engine started inside this container
                    // (as ../shared/ci/docker-engine.sh does) maps them on localhost instead
                    throw new IllegalStateException("these tests run inside a container with a Docker engine of its own: "
                        + "export TESTCONTAINERS_HOST_OVERRIDE=localhost (as .ci/run does), or, where the engine is the "
                        + "host's, DYNAMOTEST_DOCKER_HOST_IS_GATEWAY=true");
                }
                return ConditionEvaluationResult.enabled("a Docker engine is available");
            }
            String why = "no Docker engine is reachable (docker info fails), so the container tests cannot run here; "
                + "`source ../shared/ci/docker-engine.sh` starts one, and .ci/run does that first";
            if (Boolean.parseBoolean(System.getenv("DYNAMOTEST_REQUIRE_DOCKER"))) {
                throw new IllegalStateException("DYNAMOTEST_REQUIRE_DOCKER=true but " + why);
            }
            return ConditionEvaluationResult.disabled("Skipped: " + why);
        }
    }
}
