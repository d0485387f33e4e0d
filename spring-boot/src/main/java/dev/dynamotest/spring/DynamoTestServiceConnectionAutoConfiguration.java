package dev.dynamotest.spring;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * With a {@link DynamoTestConnectionDetails} bean (a {@code @ServiceConnection} {@code DynamoTestContainer}), the
 * context's {@code DynamoDbClient}, {@code DynamoDbAsyncClient} and {@code DynamoDbEnhancedClient} beans are
 * clients of that server: the application's own client beans are replaced, missing ones added (see
 * {@link DynamoClientBeans}).
 */
@AutoConfiguration
@ConditionalOnBean(DynamoTestConnectionDetails.class)
public class DynamoTestServiceConnectionAutoConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DynamoClientBeans dynamoTestClientBeans() {
        return new DynamoClientBeans(() -> {
            RootBeanDefinition source = new RootBeanDefinition(ConnectionDetailsClients.class);
            source.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
            return source;
        });
    }
}
