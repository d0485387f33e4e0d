package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Auto scaling of a {@link CreateTable} (PROVISIONED tables only): target tracking of the table's read and/or write
 * capacity between a minimum and a maximum, as the console sets it up. Applied with UpdateTableReplicaAutoScaling
 * right after the table is created (and again for each test's copy of a class-level table), so it works against an
 * external endpoint too. The scaling happens on the engine clock: move the clock to let it happen.
 *
 * <pre>{@code
 * @CreateTable(name = "orders", partitionKey = "id", billingMode = Billing.PROVISIONED, writeCapacity = 5,
 *     autoScaling = @AutoScaling(minWrite = 5, maxWrite = 500, targetUtilization = 70))
 * }</pre>
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AutoScaling {
    /** Minimum read capacity units; 0 (with {@link #maxRead()} 0) leaves read capacity unscaled. */
    long minRead() default 0;

    long maxRead() default 0;

    /** Minimum write capacity units; 0 (with {@link #maxWrite()} 0) leaves write capacity unscaled. */
    long minWrite() default 0;

    long maxWrite() default 0;

    /** The target utilisation in percent (20 to 90). */
    double targetUtilization() default 70;

    /** Seconds after a scale-in before the next; -1 for the service's default (0). */
    int scaleInCooldown() default -1;

    /** Seconds after a scale-out before the next; -1 for the service's default (0). */
    int scaleOutCooldown() default -1;

    /** True keeps the policy from ever lowering the capacity. */
    boolean disableScaleIn() default false;
}
