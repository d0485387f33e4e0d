package dev.dynamotest.spring;

import dev.dynamotest.testcontainers.DynamoTestContainer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import java.net.URI;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * With Spring Cloud AWS on the class path, a {@code @ServiceConnection} {@link DynamoTestContainer} is also its
 * {@link AwsConnectionDetails} (endpoint, Region, credentials), so its own auto-configured clients reach the
 * container.
 */
final class DynamoTestContainerAwsConnectionDetailsFactory
    extends ContainerConnectionDetailsFactory<DynamoTestContainer, AwsConnectionDetails> {

    DynamoTestContainerAwsConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME, "dev.dynamotest.testcontainers.DynamoTestContainer",
            "io.awspring.cloud.autoconfigure.core.AwsConnectionDetails");
    }

    @Override
    protected AwsConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<DynamoTestContainer> source) {
        return new ContainerAwsConnectionDetails(source);
    }

    static final class ContainerAwsConnectionDetails extends ContainerConnectionDetails<DynamoTestContainer> implements AwsConnectionDetails {
        ContainerAwsConnectionDetails(ContainerConnectionSource<DynamoTestContainer> source) {
            super(source);
        }

        @Override
        public URI getEndpoint() {
            return getContainer().getEndpoint();
        }

        @Override
        public String getRegion() {
            return getContainer().getRegion().id();
        }

        @Override
        public String getAccessKey() {
            return getContainer().getCredentialsProvider().resolveCredentials().accessKeyId();
        }

        @Override
        public String getSecretKey() {
            return getContainer().getCredentialsProvider().resolveCredentials().secretAccessKey();
        }
    }
}
