package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A local secondary index of a {@link CreateTable}: the table's partition key and another sort key. */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LocalIndex {
    String name();

    /** Required, except when it overrides the projection of an index defined by the table's bean. */
    String sortKey() default "";

    ScalarType sortKeyType() default ScalarType.S;

    Projection projection() default Projection.ALL;

    /** The projected non-key attributes; only with {@link Projection#INCLUDE}. */
    String[] nonKeyAttributes() default {};
}
