package dev.dynamotest.protocol.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.streams.Shard;
import dev.dynamotest.engine.streams.Stream;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, and AT_TIMESTAMP (the first
 * retained record created at or after Timestamp, as Kinesis defines it).
 */
public final class GetShardIterator implements Action {
    static final List<String> TYPES = List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "AT_TIMESTAMP");

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String arn = Requests.string(req, "StreamArn");
        String shardId = Requests.string(req, "ShardId");
        String type = Requests.string(req, "ShardIteratorType");
        String seq = Requests.string(req, "SequenceNumber");
        Instant timestamp = Requests.timestamp(req, "Timestamp");
        ValidationErrors v = new ValidationErrors();
        v.notNull("streamArn", arn);
        StreamsJson.streamArnLength(v, "streamArn", arn);
        v.notNull("shardId", shardId);
        StreamsJson.shardIdLength(v, "shardId", shardId);
        v.notNull("shardIteratorType", type);
        v.oneOf("shardIteratorType", type, TYPES);
        v.minLength("sequenceNumber", seq, 21);
        v.maxLength("sequenceNumber", seq, 40);
        v.throwIfAny();
        StreamsJson.checkStreamArn(arn);
        Stream s = ctx.engine().streams().stream(ctx.namespaceId(), arn);
        if (s == null) {
            throw StreamsJson.streamNotFound(arn);
        }
        Shard shard = s.shard(shardId);
        if (shard == null) {
            throw StreamsJson.shardNotFound(arn, shardId);
        }
        int index;
        switch (type) {
            case "TRIM_HORIZON":
                index = shard.firstRetained();
                break;
            case "LATEST":
                index = shard.size();
                break;
            case "AT_TIMESTAMP":
                if (timestamp == null) {
                    throw DynamoException.validation("Must provide Timestamp when ShardIteratorType is AT_TIMESTAMP");
                }
                index = shard.firstAtOrAfter(timestamp);
                break;
            default: {
                if (seq == null) {
                    throw DynamoException.validation("Must provide SequenceNumber when ShardIteratorType is " + type);
                }
                int at = shard.indexOf(seq);
                if (at < 0 && seq.equals(shard.startingSequenceNumber())) {
                    // the shard's start, before any record carries it: both types read from the shard's first record
                    index = shard.firstRetained();
                    break;
                }
                if (at < 0) {
                    if (shard.startingSequenceNumber() != null && isNumber(seq)
                        && new BigInteger(seq).compareTo(new BigInteger(shard.startingSequenceNumber())) < 0) {
                        throw ShardIterators.trimmed();
                    }
                    throw DynamoException.validation("Invalid SequenceNumber provided for the given shard: " + seq);
                }
                if (at < shard.firstRetained()) {
                    throw ShardIterators.trimmed();
                }
                index = type.equals("AT_SEQUENCE_NUMBER") ? at : at + 1;
            }
        }
        out.writeStartObject();
        out.writeStringField("ShardIterator", ShardIterators.encode(arn, shardId, index, ctx.engine().clock().instant()));
        out.writeEndObject();
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 40 && s.chars().allMatch(c -> c >= '0' && c <= '9'); // the model caps a SequenceNumber at 40
    }
}
