package dev.dynamotest.spring;

import dev.dynamotest.testcontainers.DynamoTestContainer;
import java.net.URI;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@code @ServiceConnection} for a {@link DynamoTestContainer} field (matched by its type, whatever the image's
 * name): its endpoint, Region and credentials as {@link DynamoTestConnectionDetails}.
 */
final class DynamoTestContainerConnectionDetailsFactory
    extends ContainerConnectionDetailsFactory<DynamoTestContainer, DynamoTestConnectionDetails> {

    DynamoTestContainerConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME, "dev.dynamotest.testcontainers.DynamoTestContainer");
    }

    @Override
    protected DynamoTestConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<DynamoTestContainer> source) {
        return new ContainerDynamoTestConnectionDetails(source);
    }

    /** Named apart from the AWS one: Spring names the bean after this class. */
    static final class ContainerDynamoTestConnectionDetails extends ContainerConnectionDetails<DynamoTestContainer> implements DynamoTestConnectionDetails {
        ContainerDynamoTestConnectionDetails(ContainerConnectionSource<DynamoTestContainer> source) {
            super(source);
        }

        @Override
        public URI endpoint() {
            return getContainer().getEndpoint();
        }

        @Override
        public String region() {
            return getContainer().getRegion().id();
        }

        @Override
        public String accessKey() {
            return getContainer().getCredentialsProvider().resolveCredentials().accessKeyId();
        }

        @Override
        public String secretKey() {
            return getContainer().getCredentialsProvider().resolveCredentials().secretAccessKey();
        }
    }
}
