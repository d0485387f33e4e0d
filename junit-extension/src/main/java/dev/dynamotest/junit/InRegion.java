package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies an injected {@code DynamoDbClient} parameter or field with another Region: a client on the same endpoint and
 * credentials signed for that Region, so it sees that Region's tables (the replicas of a global table, say).
 * The test's tables in that Region are dropped when the test ends.
 *
 * <pre>{@code
 * @Test
 * void replicates(DynamoDbClient east, @InRegion("eu-west-1") DynamoDbClient west) { ... }
 *
 * @InRegion("eu-west-1") DynamoDbClient west; // a field: injected like @Dynamo fields (static ones for the class)
 * }</pre>
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InRegion {
    /** The Region, e.g. {@code eu-west-1}. */
    String value();
}
