package dev.dynamotest.protocol.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.streams.Shard;
import dev.dynamotest.engine.streams.Stream;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.List;

/** DescribeStream: status, view type, key schema and the shards with their lineage and sequence ranges. */
public final class DescribeStream implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String arn = Requests.string(req, "StreamArn");
        String startShard = Requests.string(req, "ExclusiveStartShardId");
        Long limit = Requests.integer(req, "Limit");
        ValidationErrors v = new ValidationErrors();
        v.notNull("streamArn", arn);
        v.min("limit", limit, 1);
        v.max("limit", limit, 100);
        v.throwIfAny();
        Stream s = ctx.engine().streams().stream(ctx.namespaceId(), arn);
        if (s == null) {
            throw StreamsJson.streamNotFound(arn);
        }
        List<Shard> shards = s.shards();
        int from = 0;
        if (startShard != null) {
            for (int i = 0; i < shards.size(); i++) {
                if (shards.get(i).shardId().equals(startShard)) {
                    from = i + 1;
                }
            }
        }
        int max = limit == null ? 100 : limit.intValue();
        int to = Math.min(shards.size(), from + max);
        out.writeStartObject();
        out.writeObjectFieldStart("StreamDescription");
        out.writeStringField("StreamArn", s.arn());
        out.writeStringField("StreamLabel", s.label());
        out.writeStringField("StreamStatus", s.enabled() ? "ENABLED" : "DISABLED");
        out.writeStringField("StreamViewType", s.viewType());
        out.writeNumberField("CreationRequestDateTime", StreamsJson.seconds(s.created()));
        out.writeStringField("TableName", s.tableName());
        StreamsJson.keySchema(out, s.keySchema());
        out.writeArrayFieldStart("Shards");
        for (int i = from; i < to; i++) {
            Shard sh = shards.get(i);
            out.writeStartObject();
            out.writeStringField("ShardId", sh.shardId());
            if (sh.parentShardId() != null) {
                out.writeStringField("ParentShardId", sh.parentShardId());
            }
            out.writeObjectFieldStart("SequenceNumberRange");
            if (sh.startingSequenceNumber() != null) {
                out.writeStringField("StartingSequenceNumber", sh.startingSequenceNumber());
            }
            if (sh.isClosed() && sh.endingSequenceNumber() != null) {
                out.writeStringField("EndingSequenceNumber", sh.endingSequenceNumber());
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        if (to < shards.size()) {
            out.writeStringField("LastEvaluatedShardId", shards.get(to - 1).shardId());
        }
        out.writeEndObject();
        out.writeEndObject();
    }
}
