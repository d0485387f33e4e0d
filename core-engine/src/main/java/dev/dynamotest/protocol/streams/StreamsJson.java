package dev.dynamotest.protocol.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.streams.StreamRecord;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.protocol.AttributeValueJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** JSON shapes and errors of the DynamoDB Streams API. */
final class StreamsJson {
    private StreamsJson() {
    }

    static DynamoException streamNotFound(String arn) {
        return DynamoException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
    }

    static DynamoException shardNotFound(String arn, String shardId) {
        return DynamoException.resourceNotFound("Requested resource not found: Shard: " + shardId + " in Stream: " + arn + " not found");
    }

    static BigDecimal seconds(Instant t) {
        return BigDecimal.valueOf(t.getEpochSecond());
    }

    static void keySchema(JsonGenerator g, KeySchema k) throws IOException {
        dev.dynamotest.protocol.actions.TableDescriptions.writeKeySchema(g, k);
    }

    static void record(JsonGenerator g, StreamRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventID", r.eventId());
        g.writeStringField("eventName", r.eventName());
        g.writeStringField("eventVersion", "1.1");
        g.writeStringField("eventSource", "aws:dynamodb");
        g.writeStringField("awsRegion", r.awsRegion());
        g.writeObjectFieldStart("dynamodb");
        g.writeNumberField("ApproximateCreationDateTime", seconds(r.approximateCreationDateTime()));
        g.writeFieldName("Keys");
        AttributeValueJson.writeMap(g, r.keys());
        if (r.newImage() != null) {
            AttributeValueJson.writeItemField(g, "NewImage", r.newImage());
        }
        if (r.oldImage() != null) {
            AttributeValueJson.writeItemField(g, "OldImage", r.oldImage());
        }
        g.writeStringField("SequenceNumber", r.sequenceNumber());
        g.writeNumberField("SizeBytes", r.sizeBytes());
        g.writeStringField("StreamViewType", r.streamViewType());
        g.writeEndObject();
        if (r.byService()) {
            g.writeObjectFieldStart("userIdentity");
            g.writeStringField("PrincipalId", "dynamodb.amazonaws.com");
            g.writeStringField("Type", "Service");
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
