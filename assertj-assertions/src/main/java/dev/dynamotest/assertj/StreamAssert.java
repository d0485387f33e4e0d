package dev.dynamotest.assertj;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's stream, read through the Streams API: assert on its records now ({@link #records()}) or wait for an
 * expectation to hold ({@link #eventually}), polling the stream instead of sleeping a fixed time.
 */
public class StreamAssert {
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streams;
    private final String tableName;

    public StreamAssert(DynamoDbClient client, DynamoDbStreamsClient streams, String tableName) {
        this.client = client;
        this.streams = streams;
        this.tableName = tableName;
    }

    /** The records retained now. */
    public StreamRecordsAssert records() {
        return new StreamRecordsAssert(read()).as("stream of table \"%s\"", tableName);
    }

    private List<Record> read() {
        return StreamRecords.of(client, streams, tableName);
    }

    /**
     * Re-reads the stream until {@code expectation} passes or {@code timeout} passes; then the last failure is
     * thrown. For consumers that run asynchronously (an in-process subscription, a Lambda-like poller).
     */
    public StreamAssert eventually(Duration timeout, Consumer<StreamRecordsAssert> expectation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 5;
        while (true) {
            try {
                expectation.accept(records());
                return this;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause); // a poll interval, backing off to 100 ms
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the stream of " + tableName, ie);
            }
            pause = Math.min(100, pause * 2);
        }
    }
}
