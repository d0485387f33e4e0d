package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test once per seed of the eventual-consistency model, in the spirit of property-based testing:
 * seeds {@code first .. first + count - 1}, or the given {@link #seeds()}. Each run is named after its seed
 * ({@code seed 7}) and a failure says which seed failed; rerun just that one with
 * {@code -Ddynamotest.consistency.seed=7} (or {@code @ConsistencySeeds(seeds = 7)}). The lag and TTL window come
 * from {@link EventuallyConsistent} on the method or class if present, else its defaults.
 *
 * <pre>{@code
 * @ConsistencySeeds(count = 20)
 * void findsTheUserItJustRegistered(DynamoDbClient db) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(ConsistencySeedsProvider.class)
public @interface ConsistencySeeds {
    /** How many seeds to run, starting at {@link #first()}. */
    int count() default 10;

    long first() default 0;

    /** Explicit seeds (instead of count/first). */
    long[] seeds() default {};
}
