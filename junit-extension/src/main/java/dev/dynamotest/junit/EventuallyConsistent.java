package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test (or every test of the annotated class) under DynamoTest's eventual-consistency model, in
 * the test's own namespace: reads without {@code ConsistentRead}, global secondary indexes, stream readers and TTL
 * deletions lag by seeded amounts within {@link #lag()}, as DynamoDB's do, so a race between a write and a read
 * that passes on every other emulator fails here, the same way every run. Strongly consistent reads, transactions
 * and conditions always see the latest state. Fixtures ({@code @Seed}, {@code @BeforeAll}) are settled: visible.
 *
 * <p>A failing test's message names the seed; rerun it with {@code @EventuallyConsistent(seed = N)} or
 * {@code -Ddynamotest.consistency.seed=N} (which overrides every seed). Needs the embedded engine.
 *
 * @see ConsistencySeeds to run a test under many seeds
 * @see TestConsistency settle, seed and lag from the test ({@code runtime.consistency()})
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ConsistencySupport.class)
public @interface EventuallyConsistent {
    /** The seed of the lags. */
    long seed() default 0;

    /** The lag bound: later operations ({@code "3ops"}, the default) or engine-clock time ({@code "500ms"}). */
    String lag() default "3ops";

    /** The window after expiry within which expired items are deleted ({@code "48h"}). */
    String ttl() default "48h";
}
