package dev.dynamotest.spring;

import java.util.function.Supplier;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.internal.client.DefaultDynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Points the context's DynamoDB client beans at a {@link DynamoClientSource}, whoever declared them (the
 * application's own {@code @Bean} methods, Spring Cloud AWS's auto-configuration): every {@code DynamoDbClient} and
 * {@code DynamoDbAsyncClient} bean definition is replaced, under its own name and with its primary flag, by one
 * that returns the source's client, so the application's builder (and the credentials and Region it would look
 * for) never runs. When the context has none, one of each is added ({@code dynamoDbClient},
 * {@code dynamoDbAsyncClient}, lazily created). A {@code DynamoDbEnhancedClient} built on another client is rebuilt
 * on the source's client with the same extensions; when there is none, {@code dynamoDbEnhancedClient} is added.
 *
 * <p>Runs after the configuration classes were read (it is an ordinary, not a priority-ordered, registry post
 * processor), so auto-configured clients are there to be replaced.
 */
final class DynamoClientBeans implements BeanDefinitionRegistryPostProcessor, Ordered {
    static final String BEAN_NAME = "dev.dynamotest.spring.dynamoClientBeans";

    private final Supplier<RootBeanDefinition> source;

    /** @param source the definition of the {@link DynamoClientSource} bean to register */
    DynamoClientBeans(Supplier<RootBeanDefinition> source) {
        this.source = source;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        if (registry.containsBeanDefinition(DynamoClientSource.BEAN_NAME)) {
            return;
        }
        RootBeanDefinition sourceDefinition = source.get();
        sourceDefinition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        registry.registerBeanDefinition(DynamoClientSource.BEAN_NAME, sourceDefinition);
        ListableBeanFactory beans = (ListableBeanFactory) registry;
        replace(registry, beans, DynamoDbClient.class, "client", "dynamoDbClient");
        replace(registry, beans, DynamoDbAsyncClient.class, "asyncClient", "dynamoDbAsyncClient");
        if (beans.getBeanNamesForType(DynamoDbEnhancedClient.class, true, false).length == 0) {
            RootBeanDefinition enhanced = definition(DynamoDbEnhancedClient.class, "enhancedClient");
            enhanced.setLazyInit(true);
            registry.registerBeanDefinition("dynamoDbEnhancedClient", enhanced);
        }
        RootBeanDefinition rebuild = new RootBeanDefinition(EnhancedClientRebuilder.class);
        rebuild.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        registry.registerBeanDefinition(EnhancedClientRebuilder.class.getName(), rebuild);
    }

    private static void replace(BeanDefinitionRegistry registry, ListableBeanFactory beans, Class<?> type,
                                String factoryMethod, String defaultName) {
        String[] names = beans.getBeanNamesForType(type, true, false);
        if (names.length == 0) {
            RootBeanDefinition added = definition(type, factoryMethod);
            added.setLazyInit(true);
            registry.registerBeanDefinition(defaultName, added);
            return;
        }
        for (String name : names) {
            if (!registry.containsBeanDefinition(name)) {
                continue; // a singleton registered by hand: nothing to replace
            }
            BeanDefinition old = registry.getBeanDefinition(name);
            RootBeanDefinition replacement = definition(type, factoryMethod);
            replacement.setPrimary(old.isPrimary());
            replacement.setLazyInit(old.isLazyInit());
            replacement.setDescription("DynamoTest's client, in place of " + old.getResourceDescription());
            registry.removeBeanDefinition(name);
            registry.registerBeanDefinition(name, replacement);
        }
    }

    private static RootBeanDefinition definition(Class<?> type, String factoryMethod) {
        RootBeanDefinition d = new RootBeanDefinition(type);
        d.setFactoryBeanName(DynamoClientSource.BEAN_NAME);
        d.setFactoryMethodName(factoryMethod);
        return d;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
    }

    /** Rebuilds an enhanced client that is not on the source's client (its extensions kept). */
    static final class EnhancedClientRebuilder implements BeanPostProcessor, BeanFactoryAware {
        private BeanFactory beanFactory;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beanFactory = beanFactory;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            // DefaultDynamoDbEnhancedClient is the SDK's only implementation; it tells which client it is on
            if (bean instanceof DefaultDynamoDbEnhancedClient enhanced) {
                DynamoClientSource source = beanFactory.getBean(DynamoClientSource.BEAN_NAME, DynamoClientSource.class);
                if (!source.owns(enhanced.dynamoDbClient())) {
                    return DynamoDbEnhancedClient.builder().dynamoDbClient(source.client())
                        .extensions(enhanced.mapperExtension()).build();
                }
            }
            return bean;
        }
    }
}
