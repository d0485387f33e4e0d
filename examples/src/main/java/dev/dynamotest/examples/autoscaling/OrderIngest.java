package dev.dynamotest.examples.autoscaling;

import dev.dynamotest.examples.retry.RetryingWriter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Ingests a backlog of orders one PutItem at a time through a {@link RetryingWriter}: a throttled write is sent again
 * after the writer's backoff, so a load spike on a table that is still scaling out slows the ingest down instead of
 * losing orders. Counts the throttles it rode out.
 */
public final class OrderIngest {
    private final RetryingWriter writer;
    private final String table;
    private long throttled;
    private long written;

    public OrderIngest(RetryingWriter writer, String table) {
        this.writer = writer;
        this.table = table;
    }

    /** Writes one order (id, and a body of {@code bodyBytes} characters: the item's size sets its write units). */
    public void write(String orderId, String body) {
        writer.put(PutItemRequest.builder().tableName(table)
            .item(Map.of("orderId", AttributeValue.fromS(orderId), "body", AttributeValue.fromS(body))).build());
        throttled += writer.attempts() - 1;
        written++;
    }

    /** Writes that were throttled and retried, over every order so far. */
    public long throttled() {
        return throttled;
    }

    public long written() {
        return written;
    }
}
