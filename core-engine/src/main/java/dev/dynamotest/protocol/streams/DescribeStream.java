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
import java.util.ArrayList;
import java.util.List;

/**
 * DescribeStream: status, view type, key schema and the shards with their lineage and sequence ranges. Every shard
 * has its StartingSequenceNumber, also before its first record. {@code ShardFilter} {@code CHILD_SHARDS} lists only
 * the children of the shard it names; an ExclusiveStartShardId that is not a shard of the stream lists no shards.
 */
public final class DescribeStream implements Action {
    static final List<String> FILTER_TYPES = List.of("CHILD_SHARDS");

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String arn = Requests.string(req, "StreamArn");
        String startShard = Requests.string(req, "ExclusiveStartShardId");
        Long limit = Requests.integer(req, "Limit");
        JsonNode filter = Requests.object(req, "ShardFilter");
        String filterType = filter == null ? null : Requests.string(filter, "Type");
        String filterShard = filter == null ? null : Requests.string(filter, "ShardId");
        ValidationErrors v = new ValidationErrors();
        v.notNull("streamArn", arn);
        StreamsJson.streamArnLength(v, "streamArn", arn);
        v.min("limit", limit, 1);
        v.max("limit", limit, 100);
        StreamsJson.shardIdLength(v, "exclusiveStartShardId", startShard);
        v.oneOf("shardFilter.type", filterType, FILTER_TYPES);
        StreamsJson.shardIdLength(v, "shardFilter.shardId", filterShard);
        v.throwIfAny();
        StreamsJson.checkStreamArn(arn);
        Stream s = ctx.engine().streams().stream(ctx.namespaceId(), arn);
        if (s == null) {
            throw StreamsJson.streamNotFound(arn);
        }
        List<Shard> shards = s.shards();
        if (filter != null) {
            List<Shard> children = new ArrayList<>();
            for (Shard sh : shards) {
                if (filterShard != null && filterShard.equals(sh.parentShardId())) {
                    children.add(sh);
                }
            }
            shards = children;
        }
        int from = 0;
        if (startShard != null) {
            from = shards.size(); // not a shard of this stream: nothing after it
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
            out.writeStringField("StartingSequenceNumber", sh.startingSequenceNumber());
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
