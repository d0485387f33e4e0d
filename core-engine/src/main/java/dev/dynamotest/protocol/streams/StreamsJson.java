package dev.dynamotest.protocol.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.streams.StreamRecord;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.ValidationErrors;
import dev.dynamotest.protocol.actions.TableDescriptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/** JSON shapes and errors of the DynamoDB Streams API. */
final class StreamsJson {
    private StreamsJson() {
    }

    /** A stream ARN as the service makes them: {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>}. */
    static final Pattern STREAM_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/[^/]+");
    static final String INVALID_STREAM_ARN = "Invalid StreamArn";

    /** The model's StreamArn constraints (37 to 1,024 characters), reported with the request's other violations. */
    static void streamArnLength(ValidationErrors v, String member, String arn) {
        v.minLength(member, arn, 37);
        v.maxLength(member, arn, 1024);
    }

    /** The model's ShardId constraints (28 to 65 characters). */
    static void shardIdLength(ValidationErrors v, String member, String shardId) {
        v.minLength(member, shardId, 28);
        v.maxLength(member, shardId, 65);
    }

    /** A StreamArn of an acceptable length that is not a stream ARN at all: the service's "Invalid StreamArn". */
    static void checkStreamArn(String arn) {
        if (arn != null && !STREAM_ARN.matcher(arn).matches()) {
            throw DynamoException.validation(INVALID_STREAM_ARN);
        }
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
        TableDescriptions.writeKeySchema(g, k);
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
