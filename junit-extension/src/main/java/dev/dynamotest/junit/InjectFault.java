package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a fault for the annotated test (or every test of the annotated class), on the embedded engine:
 * {@code @InjectFault(operation = "PutItem", table = "Orders", error = "PROVISIONED_THROUGHPUT_EXCEEDED", times = 2)}.
 * Rules apply to the test's own calls only and are cleared after it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(InjectFault.List.class)
public @interface InjectFault {
    /** Operation names as on the wire ("PutItem", "Query", ...); empty means every operation. */
    String[] operation() default {};

    /** Only calls on this table ("" = any). */
    String table() default "";

    /** The error: a DynamoDB error type or alias (THROTTLING, PROVISIONED_THROUGHPUT_EXCEEDED, INTERNAL_SERVER_ERROR, ...). */
    String error();

    /** How many times it fires (0 = every matching call). */
    int times() default 0;

    /** Start at the Nth matching call. */
    int nth() default 1;

    /** Apply the operation before answering with the error (a lost response). */
    boolean afterApplying() default false;

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        InjectFault[] value();
    }
}
