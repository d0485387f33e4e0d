package dev.dynamotest.assertj;

import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Assertions on one stream record: its event, keys, and old/new images as {@link ItemAssert}s. */
public class StreamRecordAssert extends AbstractAssert<StreamRecordAssert, Record> {

    public StreamRecordAssert(Record record) {
        super(record, StreamRecordAssert.class);
    }

    public StreamRecordAssert isInsert() {
        return hasEvent(OperationType.INSERT);
    }

    public StreamRecordAssert isModification() {
        return hasEvent(OperationType.MODIFY);
    }

    public StreamRecordAssert isRemove() {
        return hasEvent(OperationType.REMOVE);
    }

    private StreamRecordAssert hasEvent(OperationType type) {
        isNotNull();
        if (actual.eventName() != type) {
            failWithMessage("%nExpecting a %s record but it was%n  %s", type, describe(actual));
        }
        return this;
    }

    /** The record's Keys equal {@code expected}. */
    public StreamRecordAssert hasKeys(Map<String, AttributeValue> expected) {
        isNotNull();
        Map<String, AttributeValue> keys = actual.dynamodb().keys();
        if (!AttributeValues.itemsEquivalent(keys, expected)) {
            failWithMessage("%nExpecting record keys%n%s%nbut they were%n%s", ItemJson.block(expected, "  "), ItemJson.block(keys, "  "));
        }
        return this;
    }

    /** The record was written by DynamoDB itself (a TTL deletion). */
    public StreamRecordAssert isByService() {
        isNotNull();
        if (actual.userIdentity() == null || !"Service".equals(actual.userIdentity().type())) {
            failWithMessage("%nExpecting a record written by the service (TTL) but it was%n  %s", describe(actual));
        }
        return this;
    }

    public ItemAssert keys() {
        isNotNull();
        return new ItemAssert(actual.dynamodb().keys()).as("keys of %s", describe(actual));
    }

    public ItemAssert newImage() {
        isNotNull();
        if (!actual.dynamodb().hasNewImage()) {
            failWithMessage("%nExpecting the record to have a NewImage but it has none:%n  %s", describe(actual));
        }
        return new ItemAssert(actual.dynamodb().newImage()).as("NewImage of %s", describe(actual));
    }

    public ItemAssert oldImage() {
        isNotNull();
        if (!actual.dynamodb().hasOldImage()) {
            failWithMessage("%nExpecting the record to have an OldImage but it has none:%n  %s", describe(actual));
        }
        return new ItemAssert(actual.dynamodb().oldImage()).as("OldImage of %s", describe(actual));
    }

    static String describe(Record r) {
        return r.eventNameAsString() + " " + ItemJson.of(r.dynamodb().keys());
    }
}
