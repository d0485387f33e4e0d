package dev.dynamotest.engine.error;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A throttled request: ProvisionedThroughputExceededException (provisioned mode) or ThrottlingException (on-demand),
 * with the service's ThrottlingReasons, each naming the throttled table or index and why, in the service's
 * {@code ResourceType + OperationType + LimitType} form (e.g. {@code TableWriteKeyRangeThroughputExceeded}).
 * {@link #changeIndex()} tells a transaction which of its writes ran out of capacity.
 */
public final class Throttled extends DynamoException {

    /** One ThrottlingReason: {@code reason} as the service spells it and the ARN of the table or index. */
    public record Reason(String reason, String resource) {
        public static Reason of(boolean index, boolean write, String limit, String resourceArn) {
            return new Reason((index ? "Index" : "Table") + (write ? "Write" : "Read") + limit, resourceArn);
        }
    }

    /** Limit types of a reason. */
    public static final String PROVISIONED = "ProvisionedThroughputExceeded";
    public static final String KEY_RANGE = "KeyRangeThroughputExceeded";
    public static final String ACCOUNT_LIMIT = "AccountLimitExceeded";
    public static final String MAX_ON_DEMAND = "MaxOnDemandThroughputExceeded";

    private final transient List<Reason> reasons;
    private final int changeIndex;

    public Throttled(String type, String message, List<Reason> reasons, int changeIndex) {
        super(type, message, 400);
        this.reasons = List.copyOf(reasons);
        this.changeIndex = changeIndex;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    /** The position, in the list of changes being committed, of the one that was throttled (-1 for a read). */
    public int changeIndex() {
        return changeIndex;
    }

    /** This exception for the change at {@code index} of a commit. */
    public Throttled atChange(int index) {
        return new Throttled(type(), getMessage(), reasons, index);
    }

    /**
     * The error of a batch none of whose requests could be processed for lack of capacity: the first throttle's type
     * and message, with the distinct reasons of all of them.
     */
    public static Throttled merged(List<Throttled> all) {
        LinkedHashSet<Reason> reasons = new LinkedHashSet<>();
        for (Throttled t : all) {
            reasons.addAll(t.reasons);
        }
        Throttled first = all.get(0);
        return new Throttled(first.type(), first.getMessage(), new ArrayList<>(reasons), -1);
    }

    /** The code of a transaction's CancellationReason (or a batch statement's error) for this throttle. */
    public String cancellationCode() {
        return ErrorTypes.THROTTLING.equals(type()) ? "ThrottlingError" : "ProvisionedThroughputExceeded";
    }

    /** The member the service puts the reasons in: {@code ThrottlingReasons}, or {@code throttlingReasons} on ThrottlingException. */
    public String reasonsMember() {
        return ErrorTypes.THROTTLING.equals(type()) ? "throttlingReasons" : "ThrottlingReasons";
    }
}
