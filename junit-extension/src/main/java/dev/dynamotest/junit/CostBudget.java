package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails a test whose DynamoDB requests consumed more than these units (from the request journal, whether or not
 * the code asked for ReturnConsumedCapacity). On a test method, or on a class for each of its tests; a negative
 * value (the default) sets no limit. The embedded engine only.
 *
 * <pre>{@code
 * @Test
 * @CostBudget(readUnits = 10, writeUnits = 500)
 * void importStaysCheap(DynamoDbClient client) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface CostBudget {
    /** Read units (RCU / on-demand read request units) the test may consume; negative: no limit. */
    double readUnits() default -1;

    /** Write units (WCU / on-demand write request units) the test may consume; negative: no limit. */
    double writeUnits() default -1;
}
