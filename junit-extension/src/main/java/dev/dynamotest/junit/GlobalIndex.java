package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A global secondary index of a {@link CreateTable}. */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface GlobalIndex {
    String name();

    /** Required, except when it overrides the projection of an index defined by the table's bean. */
    String partitionKey() default "";

    ScalarType partitionKeyType() default ScalarType.S;

    String sortKey() default "";

    ScalarType sortKeyType() default ScalarType.S;

    Projection projection() default Projection.ALL;

    /** The projected non-key attributes; only with {@link Projection#INCLUDE}. */
    String[] nonKeyAttributes() default {};

    /** Provisioned tables only; 0 means the table's capacity. */
    long readCapacity() default 0;

    /** Provisioned tables only; 0 means the table's capacity. */
    long writeCapacity() default 0;
}
