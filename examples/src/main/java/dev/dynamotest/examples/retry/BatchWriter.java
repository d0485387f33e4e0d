package dev.dynamotest.examples.retry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items in batches of 25 and resubmits whatever DynamoDB returns in UnprocessedItems, with exponential
 * backoff and full jitter between attempts ({@link Backoff}; the pause is pluggable so tests do not sleep).
 */
public final class BatchWriter {
    private final DynamoDbClient db;
    private final Backoff backoff;
    private final LongConsumer pause;
    private int attempts;

    /** Pauses of up to 50 ms doubling per retry, capped at 2 s. */
    public BatchWriter(DynamoDbClient db, LongConsumer pauseMillis) {
        this(db, new Backoff(50, 2_000, new Random()), pauseMillis);
    }

    public BatchWriter(DynamoDbClient db, Backoff backoff, LongConsumer pauseMillis) {
        this.db = db;
        this.backoff = backoff;
        this.pause = pauseMillis;
    }

    public int attempts() {
        return attempts;
    }

    public void writeAll(String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> pending = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            int retry = 0;
            while (!pending.isEmpty()) {
                attempts++;
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse r = db.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
                pending = r.unprocessedItems().getOrDefault(table, List.of());
                if (!pending.isEmpty()) {
                    pause.accept(backoff.delay(retry++));
                }
            }
        }
    }
}
