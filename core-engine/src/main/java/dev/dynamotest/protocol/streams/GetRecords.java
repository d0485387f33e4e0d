package dev.dynamotest.protocol.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.streams.Shard;
import dev.dynamotest.engine.streams.Stream;
import dev.dynamotest.engine.streams.StreamRecord;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * GetRecords: up to Limit (1..1000) records from the iterator's position; NextShardIterator continues, and is
 * absent once a closed shard has been read to its end.
 */
public final class GetRecords implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String iterator = Requests.string(req, "ShardIterator");
        Long limit = Requests.integer(req, "Limit");
        ValidationErrors v = new ValidationErrors();
        v.notNull("shardIterator", iterator);
        v.min("limit", limit, 1);
        v.max("limit", limit, 1000);
        v.throwIfAny();
        ShardIterators.Position p = ShardIterators.decode(iterator);
        Instant now = ctx.engine().clock().instant();
        ShardIterators.checkNotExpired(p, now);
        Stream s = ctx.engine().streams().stream(ctx.namespaceId(), p.streamArn());
        if (s == null) {
            throw StreamsJson.streamNotFound(p.streamArn());
        }
        Shard shard = s.shard(p.shardId());
        if (shard == null) {
            throw StreamsJson.shardNotFound(p.streamArn(), p.shardId());
        }
        if (p.index() < shard.firstRetained()) {
            throw ShardIterators.trimmed();
        }
        int max = limit == null ? 1000 : limit.intValue();
        // under the consistency model a record is readable only once its lag has passed
        List<StreamRecord> records = ctx.engine().consistency().visibleRecords(ctx.namespaceId(),
            shard.records(p.index(), p.index() + max));
        int next = p.index() + records.size();
        out.writeStartObject();
        out.writeArrayFieldStart("Records");
        for (StreamRecord r : records) {
            StreamsJson.record(out, r);
        }
        out.writeEndArray();
        if (!(shard.isClosed() && next >= shard.size())) {
            out.writeStringField("NextShardIterator", ShardIterators.encode(p.streamArn(), p.shardId(), next, now));
        }
        out.writeEndObject();
    }
}
