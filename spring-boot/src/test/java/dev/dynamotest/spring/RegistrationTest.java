package dev.dynamotest.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.test.context.ContextCustomizerFactory;

/** What META-INF/spring.factories registers loads (Spring skips factories it cannot instantiate, silently). */
class RegistrationTest {

    @Test
    void connectionDetailsFactoriesLoad() {
        List<ConnectionDetailsFactory> factories = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(ConnectionDetailsFactory.class, FailureHandler.throwing());
        assertThat(factories).extracting(f -> f.getClass().getSimpleName())
            .contains("DynamoTestContainerConnectionDetailsFactory", "DynamoTestContainerAwsConnectionDetailsFactory");
    }

    @Test
    void contextCustomizerFactoryLoads() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
            .load(ContextCustomizerFactory.class, FailureHandler.throwing()))
            .hasAtLeastOneElementOfType(DynamoTestContextCustomizerFactory.class);
    }
}
