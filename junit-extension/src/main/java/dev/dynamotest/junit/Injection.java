package dev.dynamotest.junit;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.EngineClock;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** What the extension injects, and how. */
final class Injection {
    static final String INJECTABLE = "DynamoDbClient, DynamoDbAsyncClient, DynamoDbEnhancedClient, "
        + "DynamoDbEnhancedAsyncClient, DynamoDbStreamsClient, DynamoDbTable<T>, DynamoDbAsyncTable<T>, "
        + "DynamoRuntime and the endpoint URI";

    private Injection() {
    }

    static boolean supports(Class<?> type) {
        return type == DynamoDbClient.class || type == DynamoDbAsyncClient.class || type == DynamoDbEnhancedClient.class
            || type == DynamoDbEnhancedAsyncClient.class || type == DynamoDbStreamsClient.class
            || type == DynamoDbTable.class || type == DynamoDbAsyncTable.class || type == DynamoRuntime.class
            || type == URI.class;
    }

    /**
     * Whether the extension answers for a parameter of this type: a {@link Dynamo @Dynamo} parameter, the types it
     * injects, and (to say what it can inject instead of JUnit's generic "no resolver") the few it does not that a
     * test could expect it to: other DynamoDB clients, Enhanced Client indexes, and the engine and its clock (they
     * come from {@link DynamoRuntime}). Every other type is left to other resolvers, whatever its package: a test's
     * own enum in a {@code dev.dynamotest} package, or an SDK model enum, for {@code @EnumSource}, say.
     */
    static boolean claims(Class<?> type, boolean annotated) {
        return annotated || supports(type) || expectedButNotInjected(type);
    }

    private static boolean expectedButNotInjected(Class<?> type) {
        if (type == Engine.class || type == EngineClock.class || type == DynamoDbIndex.class
            || type == DynamoDbAsyncIndex.class) {
            return true;
        }
        String name = type.getName();
        return SdkClient.class.isAssignableFrom(type) && (name.startsWith("software.amazon.awssdk.services.dynamodb.")
            || name.startsWith("software.amazon.awssdk.enhanced.dynamodb."));
    }

    /** The value for a parameter or field, or null when the type is not injectable. */
    static Object resolve(Class<?> type, Type genericType, Dynamo annotation, Scope scope, String target) {
        boolean table = type == DynamoDbTable.class || type == DynamoDbAsyncTable.class;
        if (annotation != null && !annotation.table().isEmpty() && !table) {
            throw new ExtensionConfigurationException(target + ": @Dynamo(table = ...) names the table of a "
                + "DynamoDbTable<T> or DynamoDbAsyncTable<T>, not of a " + type.getSimpleName());
        }
        if (type == DynamoDbClient.class) {
            return scope.client();
        } else if (type == DynamoDbAsyncClient.class) {
            return scope.asyncClient();
        } else if (type == DynamoDbEnhancedClient.class) {
            return scope.enhancedClient();
        } else if (type == DynamoDbEnhancedAsyncClient.class) {
            return scope.enhancedAsyncClient();
        } else if (type == DynamoDbStreamsClient.class) {
            return scope.streamsClient();
        } else if (type == DynamoRuntime.class) {
            return scope;
        } else if (type == URI.class) {
            return scope.endpoint();
        } else if (table) {
            Class<?> bean = beanType(genericType, type, target);
            String name = tableName(bean, annotation, scope);
            try {
                return type == DynamoDbTable.class ? scope.table(name, bean) : scope.asyncTable(name, bean);
            } catch (RuntimeException e) {
                throw new ExtensionConfigurationException(target + ": " + bean.getName()
                    + " is not a usable Enhanced Client bean: " + e.getMessage(), e);
            }
        }
        return null;
    }

    static String unsupported(String target) {
        return "DynamoTest cannot inject " + target + "; it can inject " + INJECTABLE;
    }

    private static Class<?> beanType(Type genericType, Class<?> type, String target) {
        if (genericType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new ExtensionConfigurationException(target + ": declare the bean type, e.g. " + type.getSimpleName()
            + "<Order>, so DynamoTest can build its TableSchema");
    }

    /** @Dynamo(table), else the one @CreateTable(bean = T) in scope, else T's simple name. */
    static String tableName(Class<?> bean, Dynamo annotation, Scope scope) {
        if (annotation != null && !annotation.table().isEmpty()) {
            return annotation.table();
        }
        Set<String> names = new LinkedHashSet<>();
        for (TableDef t : scope.declaredTables()) {
            if (t.bean() == bean) {
                names.add(t.name());
            }
        }
        return names.size() == 1 ? names.iterator().next() : bean.getSimpleName();
    }

    /** Assigns the {@link Dynamo}-annotated fields of {@code type} (static ones if {@code instance} is null). */
    static void injectFields(Class<?> type, Object instance, Scope scope) {
        boolean statics = instance == null;
        for (Field f : AnnotationSupport.findAnnotatedFields(type, Dynamo.class,
            f -> Modifier.isStatic(f.getModifiers()) == statics)) {
            String target = "field [" + f.getGenericType().getTypeName() + " " + f.getName() + "] of "
                + f.getDeclaringClass().getSimpleName();
            if (Modifier.isFinal(f.getModifiers())) {
                throw new ExtensionConfigurationException("@Dynamo " + target + " must not be final");
            }
            if (f.isAnnotationPresent(InRegion.class)) {
                continue; // injected below as a client of its Region
            }
            Object value = resolve(f.getType(), f.getGenericType(), f.getAnnotation(Dynamo.class), scope, target);
            if (value == null) {
                throw new ExtensionConfigurationException(unsupported("@Dynamo " + target));
            }
            assign(f, instance, value, "@Dynamo " + target);
        }
        for (Field f : AnnotationSupport.findAnnotatedFields(type, InRegion.class,
            f -> Modifier.isStatic(f.getModifiers()) == statics)) {
            String target = "@InRegion field [" + f.getGenericType().getTypeName() + " " + f.getName() + "] of "
                + f.getDeclaringClass().getSimpleName();
            if (Modifier.isFinal(f.getModifiers())) {
                throw new ExtensionConfigurationException(target + " must not be final");
            }
            if (f.getType() != DynamoDbClient.class) {
                throw new ExtensionConfigurationException(target + ": @InRegion qualifies a DynamoDbClient only");
            }
            assign(f, instance, scope.clientIn(f.getAnnotation(InRegion.class).value()), target);
        }
    }

    private static void assign(Field f, Object instance, Object value, String target) {
        try {
            f.setAccessible(true);
            f.set(instance, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("DynamoTest cannot assign " + target + ": " + e, e);
        }
    }
}
