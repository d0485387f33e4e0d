package dev.dynamotest.examples.retry;

import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * Single-item writes that ride out throttling with the application's own policy: a PutItem the service throttled
 * (ProvisionedThroughputExceededException, ThrottlingException, RequestLimitExceeded: what the SDK classifies as
 * {@code isThrottlingException()}) is sent again after a
 * {@link Backoff} pause, up to {@code maxAttempts} attempts in all. Any other error, and the throttle of the last
 * attempt, reach the caller unchanged, as the service sent them.
 *
 * <p>Give it a client whose own retries are off ({@code overrideConfiguration(o ->
 * o.retryStrategy(AwsRetryStrategy.doNotRetry()))}); otherwise every attempt here is several attempts on the wire
 * and the SDK's backoff runs underneath this one.
 */
public final class RetryingWriter {
    private final DynamoDbClient db;
    private final Backoff backoff;
    private final int maxAttempts;
    private final LongConsumer pause;
    private int attempts;

    /**
     * @param pauseMillis waits between attempts: {@code ms -> Thread.sleep(ms)} in production, a recorder in tests
     */
    public RetryingWriter(DynamoDbClient db, Backoff backoff, int maxAttempts, LongConsumer pauseMillis) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.db = db;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.pause = pauseMillis;
    }

    /** Attempts the last {@link #put} made (1 when the first one succeeded). */
    public int attempts() {
        return attempts;
    }

    public PutItemResponse put(PutItemRequest request) {
        attempts = 0;
        while (true) {
            attempts++;
            try {
                return db.putItem(request);
            } catch (DynamoDbException e) {
                if (!e.isThrottlingException() || attempts == maxAttempts) {
                    throw e;
                }
                pause.accept(backoff.delay(attempts - 1));
            }
        }
    }
}
