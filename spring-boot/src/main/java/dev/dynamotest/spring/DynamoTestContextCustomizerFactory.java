package dev.dynamotest.spring;

import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Transport;
import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: a Spring test class (or its enclosing class) annotated
 * {@link DynamoTest @DynamoTest} gets a {@link DynamoTestContextCustomizer}, which points the context's DynamoDB
 * clients at the engine of the running test. Its transport is in-process unless the annotation says
 * {@code transport = Transport.HTTP}; contexts differing in it are cached apart.
 */
public final class DynamoTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        DynamoTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, DynamoTest.class);
        if (annotation == null) {
            return null;
        }
        Transport[] transport = annotation.transport();
        String region = annotation.region().isEmpty() ? null : annotation.region();
        return new DynamoTestContextCustomizer(transport.length > 0 ? transport[0] : Transport.IN_PROCESS, region);
    }
}
