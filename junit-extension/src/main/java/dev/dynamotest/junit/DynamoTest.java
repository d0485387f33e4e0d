package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a DynamoDB engine: the in-memory DynamoTest engine on an ephemeral
 * loopback port (one engine shared by every test class in the JVM unless {@link #isolatedEngine()}), or an
 * external DynamoDB-compatible endpoint ({@link #endpoint()}).
 *
 * <pre>{@code
 * @DynamoTest
 * @CreateTable(name = "orders", partitionKey = "customerId", sortKey = "orderId")
 * @Seed(table = "orders", value = "orders.json")
 * class OrderRepositoryTest {
 *     @Test
 *     void findsOrders(DynamoDbClient client) { ... }
 * }
 * }</pre>
 *
 * <p>Every attribute left at its default falls back to the JUnit configuration parameter of the same name
 * ({@code dynamotest.region}, {@code dynamotest.endpoint}, {@code dynamotest.isolatedEngine}; from
 * {@code junit-platform.properties}, a system property or the launcher), then to the built-in default.
 * Annotation attributes take precedence over configuration parameters.
 *
 * <p>A {@code @Nested} class without its own {@code @DynamoTest} starts from the state of its enclosing class
 * (tables, fixtures and what its {@code @BeforeAll} methods wrote); one with its own {@code @DynamoTest} starts
 * from scratch with its own settings.
 *
 * @see DynamoExtension the programmatic form ({@code @RegisterExtension})
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DynamoExtension.class)
public @interface DynamoTest {
    /** Give this class an engine of its own, started before and stopped after it, instead of the shared one. */
    boolean isolatedEngine() default false;

    /** The region clients are configured for (default {@code us-east-1}). Tables are scoped to it. */
    String region() default "";

    /**
     * Run against this external endpoint (e.g. {@code http://localhost:8000}) instead of the embedded engine:
     * tables and fixtures are created there before, and deleted after; per-test reset deletes and recreates them.
     */
    String endpoint() default "";

    /**
     * How injected clients reach the embedded engine: {@code transport = Transport.IN_PROCESS} skips the socket.
     * Unset (the default) means {@code dynamotest.transport}, else HTTP. Ignored for an external endpoint.
     */
    Transport[] transport() default {};
}
