package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Creates a table before the tests of the annotated class (or before the annotated test method). The table is
 * created through the DynamoDB API (CreateTable, then UpdateTimeToLive when {@link #ttlAttribute()} is set), so
 * the same declaration works against an external endpoint.
 *
 * <pre>{@code
 * @CreateTable(name = "orders", partitionKey = "customerId", sortKey = "orderId", sortKeyType = ScalarType.N,
 *     globalIndexes = @GlobalIndex(name = "byStatus", partitionKey = "status"),
 *     stream = StreamView.NEW_AND_OLD_IMAGES, ttlAttribute = "expiresAt")
 * @CreateTable(bean = Customer.class)   // schema and secondary indexes from the Enhanced Client annotations
 * }</pre>
 *
 * <p>Class-level tables exist for every test of the class, and for its {@code @Nested} classes; method-level
 * tables only for that test.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(CreateTable.List.class)
public @interface CreateTable {
    /** The table name. Required unless {@link #bean()} is given (then default: the bean's simple name). */
    String name() default "";

    /**
     * An Enhanced Client bean ({@code @DynamoDbBean} or {@code @DynamoDbImmutable}) whose key attributes and
     * secondary indexes ({@code @DynamoDbSecondaryPartitionKey}/{@code @DynamoDbSecondarySortKey}) define the
     * table. Its indexes project ALL attributes unless {@link #globalIndexes()}/{@link #localIndexes()} declare an
     * index of the same name. {@link #partitionKey()} and {@link #sortKey()} must then be left empty.
     */
    Class<?> bean() default void.class;

    /** The partition (hash) key attribute. Required unless {@link #bean()} is given. */
    String partitionKey() default "";

    ScalarType partitionKeyType() default ScalarType.S;

    /** The sort (range) key attribute; none by default. */
    String sortKey() default "";

    ScalarType sortKeyType() default ScalarType.S;

    GlobalIndex[] globalIndexes() default {};

    LocalIndex[] localIndexes() default {};

    /** The table's stream (none by default). */
    StreamView stream() default StreamView.NONE;

    /** Enables Time to Live on this attribute (disabled by default). */
    String ttlAttribute() default "";

    /** On-demand by default; {@link Billing#PROVISIONED} uses {@link #readCapacity()}/{@link #writeCapacity()}. */
    Billing billingMode() default Billing.PAY_PER_REQUEST;

    long readCapacity() default 5;

    long writeCapacity() default 5;

    /**
     * Target tracking auto scaling of the table's capacity ({@link Billing#PROVISIONED} only); none by default. Written
     * as {@code autoScaling = @AutoScaling(minWrite = 5, maxWrite = 100, targetUtilization = 70)}; at most one.
     */
    AutoScaling[] autoScaling() default {};

    /** Container of repeated {@link CreateTable} annotations. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        CreateTable[] value();
    }
}
