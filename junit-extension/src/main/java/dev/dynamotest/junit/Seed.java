package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes fixture items (with PutItem) after the tables are created: before the tests of the annotated class, or
 * before the annotated test method.
 *
 * <pre>{@code
 * @Seed(table = "orders", value = "orders.json")                       // a classpath file
 * @Seed(table = "orders", value = "[{\"customerId\": \"c1\", \"orderId\": 1, \"total\": 12.5}]")  // inline
 * @Seed("batch-write.json")            // AWS CLI batch-write-item format: table names come from the file
 * }</pre>
 *
 * <p>{@link #value()} is inline JSON when it starts with {@code [} or <code>{</code>, else a classpath resource:
 * relative to the test class's package first, then from the classpath root (a leading {@code /} or
 * {@code classpath:} means the root only). See {@link SeedFormat} for the accepted formats. A fixture that cannot
 * be read or written fails the test before it runs, naming the fixture, the item and the problem.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Seed.List.class)
public @interface Seed {
    /** A classpath resource or inline JSON. */
    String value();

    /** The table the items go to; not needed for the batch-write-item format, which names its tables. */
    String table() default "";

    SeedFormat format() default SeedFormat.AUTO;

    /** Container of repeated {@link Seed} annotations. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        Seed[] value();
    }
}
