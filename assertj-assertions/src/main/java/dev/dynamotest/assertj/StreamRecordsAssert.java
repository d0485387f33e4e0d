package dev.dynamotest.assertj;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Assertions on a list of DynamoDB Streams records: filter by event ({@link #ofInserts()}, ...), check the count,
 * and pick a record to check its keys and images.
 */
public class StreamRecordsAssert extends AbstractAssert<StreamRecordsAssert, List<Record>> {

    public StreamRecordsAssert(List<Record> records) {
        super(records, StreamRecordsAssert.class);
    }

    private StreamRecordsAssert filtered(OperationType type, String what) {
        isNotNull();
        List<Record> subset = new ArrayList<>();
        for (Record r : actual) {
            if (r.eventName() == type) {
                subset.add(r);
            }
        }
        return new StreamRecordsAssert(subset).as(descriptionText().isEmpty() ? what : descriptionText() + " " + what);
    }

    public StreamRecordsAssert ofInserts() {
        return filtered(OperationType.INSERT, "INSERT records");
    }

    public StreamRecordsAssert ofModifications() {
        return filtered(OperationType.MODIFY, "MODIFY records");
    }

    public StreamRecordsAssert ofRemoves() {
        return filtered(OperationType.REMOVE, "REMOVE records");
    }

    public StreamRecordsAssert hasSize(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            failWithMessage("%nExpecting %d stream record(s) but there were %d:%n%s", expected, actual.size(), describe(actual));
        }
        return this;
    }

    public StreamRecordsAssert isEmpty() {
        return hasSize(0);
    }

    /** The record at {@code index} (in stream order). */
    public StreamRecordAssert record(int index) {
        isNotNull();
        if (index < 0 || index >= actual.size()) {
            failWithMessage("%nExpecting a stream record at index %d but there were %d:%n%s", index, actual.size(), describe(actual));
        }
        return new StreamRecordAssert(actual.get(index));
    }

    static String describe(List<Record> records) {
        StringBuilder sb = new StringBuilder();
        for (Record r : records) {
            sb.append("  ").append(StreamRecordAssert.describe(r)).append('\n');
        }
        return sb.toString();
    }
}
