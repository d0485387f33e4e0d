package dev.dynamotest.engine.faults;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttributeValue;
import java.time.Duration;

/** What a fault does: answer with an error as the service sends it, add latency, or drop the connection. */
public sealed interface FaultEffect {

    /** An error response: DynamoDB's error type, message and HTTP status. */
    record Error(String type, String message, int status) implements FaultEffect {
        public DynamoException exception() {
            return new DynamoException(type, message, status);
        }
    }

    /** Added latency (the operation then runs, or ran, normally). */
    record Latency(Duration delay) implements FaultEffect {
    }

    /** The connection is closed without a response. */
    record DropConnection() implements FaultEffect {
    }

    /**
     * Partial batch results: BatchWriteItem returns the chosen requests in UnprocessedItems and BatchGetItem the
     * chosen keys in UnprocessedKeys, without applying or reading them. {@code which} sees each request's key
     * (the item for a put).
     */
    record Unprocessed(java.util.function.Predicate<java.util.Map<String, AttributeValue>> which)
        implements FaultEffect {
    }

    /** TransactWriteItems is cancelled with reason TransactionConflict for the action at {@code actionIndex}. */
    record TransactionConflictOn(int actionIndex) implements FaultEffect {
    }

    /** Every request of the batch is unprocessed. */
    static Unprocessed unprocessedAll() {
        return new Unprocessed(k -> true);
    }

    // The service's errors and texts (AWS SDK model documentation and the service's responses).

    static Error provisionedThroughputExceeded() {
        return new Error("ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was "
            + "exceeded. Consider increasing your provisioning level with the UpdateTable API.", 400);
    }

    static Error throttling() {
        return new Error("ThrottlingException", "Rate of requests exceeds the allowed throughput.", 400);
    }

    static Error requestLimitExceeded() {
        return new Error("RequestLimitExceeded", "Throughput exceeds the current throughput limit for your account. Please contact "
            + "AWS Support at https://aws.amazon.com/support request a limit increase", 400);
    }

    static Error internalServerError() {
        return new Error("InternalServerError", "Internal server error", 500);
    }

    static Error serviceUnavailable() {
        return new Error("ServiceUnavailable", "Service unavailable", 503);
    }

    static Error transactionConflict() {
        return new Error("TransactionConflictException", "Transaction is ongoing for the item", 400);
    }

    static Error limitExceeded() {
        return new Error("LimitExceededException", "Too many operations for a given subscriber.", 400);
    }

    /** By name: the error type (as in {@code __type}) or a short alias such as THROTTLING. */
    static Error named(String name) {
        switch (name.toUpperCase(java.util.Locale.ROOT).replace("EXCEPTION", "").replace("_", "")) {
            case "PROVISIONEDTHROUGHPUTEXCEEDED": return provisionedThroughputExceeded();
            case "THROTTLING": return throttling();
            case "REQUESTLIMITEXCEEDED": return requestLimitExceeded();
            case "INTERNALSERVERERROR": return internalServerError();
            case "SERVICEUNAVAILABLE": return serviceUnavailable();
            case "TRANSACTIONCONFLICT": return transactionConflict();
            case "LIMITEXCEEDED": return limitExceeded();
            default: throw new IllegalArgumentException("unknown fault error: " + name);
        }
    }
}
