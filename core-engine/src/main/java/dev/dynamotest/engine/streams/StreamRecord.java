package dev.dynamotest.engine.streams;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import java.time.Instant;
import java.util.Map;

/**
 * One stream record: an item-level change as DynamoDB Streams reports it. Images are present as the stream's
 * view type says; {@code byService} marks TTL deletions (userIdentity Service / dynamodb.amazonaws.com).
 */
public record StreamRecord(String eventId, String eventName, String sequenceNumber, Instant approximateCreationDateTime,
                           Map<String, AttributeValue> keys, Item newImage, Item oldImage, int sizeBytes,
                           String streamViewType, String awsRegion, boolean byService) {
}
