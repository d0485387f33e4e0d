package dev.dynamotest.spring;

import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.Transport;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points a test's application context at the engine of {@code @DynamoTest}: the DynamoDB client beans are
 * replaced by clients that act on the running test's tables ({@link CurrentTestClients}), and Spring Cloud AWS's
 * properties name the engine ({@link #PROPERTIES}).
 */
final class DynamoTestContextCustomizer implements ContextCustomizer {
    static final String PROPERTY_SOURCE = "dynamotest";
    /** The Spring Cloud AWS properties set, so its own auto-configuration reaches the engine. */
    static final String[] PROPERTIES = {
        "spring.cloud.aws.dynamodb.endpoint", "spring.cloud.aws.dynamodb.region", "spring.cloud.aws.region.static",
        "spring.cloud.aws.credentials.access-key", "spring.cloud.aws.credentials.secret-key"};
    static final String DEFAULT_REGION = "us-east-1";

    private final Transport transport;
    private final String region;

    DynamoTestContextCustomizer(Transport transport, String region) {
        this.transport = transport;
        this.region = region;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        context.getEnvironment().getPropertySources().addFirst(new CurrentTestProperties(region));
        if (context instanceof BeanDefinitionRegistry registry) {
            Transport t = transport;
            RootBeanDefinition beans = new RootBeanDefinition(DynamoClientBeans.class,
                () -> new DynamoClientBeans(() -> new RootBeanDefinition(CurrentTestClients.class, () -> new CurrentTestClients(t))));
            beans.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition(DynamoClientBeans.BEAN_NAME, beans);
        } else {
            throw new IllegalStateException("DynamoTest cannot register its client beans in " + context.getClass().getName());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamoTestContextCustomizer other && other.transport == transport && Objects.equals(other.region, region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transport, region);
    }

    /**
     * Spring Cloud AWS's endpoint, Region and credentials properties, read from the running test when asked (its
     * access key selects the test's tables), else the class's declared Region and the engine's defaults.
     */
    static final class CurrentTestProperties extends EnumerablePropertySource<Object> {
        private final String region;

        CurrentTestProperties(String region) {
            super(PROPERTY_SOURCE, new Object());
            this.region = region;
        }

        @Override
        public String[] getPropertyNames() {
            return PROPERTIES.clone();
        }

        @Override
        public Object getProperty(String name) {
            if (!name.startsWith("spring.cloud.aws.")) {
                return null;                                   // every lookup in the environment passes here
            }
            Optional<DynamoRuntime> runtime = DynamoRuntime.current();
            return switch (name) {
                case "spring.cloud.aws.dynamodb.endpoint" -> runtime.map(r -> r.endpoint().toString()).orElse(null);
                case "spring.cloud.aws.dynamodb.region", "spring.cloud.aws.region.static" ->
                    runtime.map(r -> r.region().id()).orElse(region != null ? region : DEFAULT_REGION);
                case "spring.cloud.aws.credentials.access-key" ->
                    runtime.map(r -> r.credentialsProvider().resolveCredentials().accessKeyId()).orElse("dynamotest");
                case "spring.cloud.aws.credentials.secret-key" ->
                    runtime.map(r -> r.credentialsProvider().resolveCredentials().secretAccessKey()).orElse("dynamotest");
                default -> null;
            };
        }
    }
}
