package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field for injection by {@link DynamoExtension}, or names the table of an injected
 * {@code DynamoDbTable<T>} parameter. Test-method and constructor parameters need no annotation.
 *
 * <pre>{@code
 * @DynamoTest
 * class OrderTest {
 *     @Dynamo DynamoDbClient client;                               // a client bound to the running test
 *     @Dynamo(table = "orders") DynamoDbTable<Order> orders;       // an Enhanced Client table
 *     @Dynamo static URI endpoint;                                 // static fields: set before @BeforeAll
 * }
 * }</pre>
 *
 * <p>Instance fields are (re)assigned before every test, so they always refer to the running test's isolated
 * data; static fields are assigned once per class and follow the running test when there is one. Fields must not
 * be final. Unannotated fields are never touched.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Dynamo {
    /**
     * For {@code DynamoDbTable<T>} and {@code DynamoDbAsyncTable<T>}: the table name. Default: the name of the one
     * {@code @CreateTable(bean = T.class)} in scope, else T's simple name.
     */
    String table() default "";
}
