package dev.dynamotest.protocol.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.streams.Stream;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.List;

/** ListStreams: the namespace's streams (optionally of one table), paginated by ExclusiveStartStreamArn. */
public final class ListStreams implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String table = Requests.string(req, "TableName");
        String start = Requests.string(req, "ExclusiveStartStreamArn");
        Long limit = Requests.integer(req, "Limit");
        ValidationErrors v = new ValidationErrors();
        StreamsJson.streamArnLength(v, "exclusiveStartStreamArn", start);
        v.min("limit", limit, 1);
        v.max("limit", limit, 100);
        if (table != null) {
            v.tableName("tableName", table, false);
        }
        v.throwIfAny();
        StreamsJson.checkStreamArn(start);
        List<Stream> streams = ctx.engine().streams().streams(ctx.namespaceId(), table);
        int from = 0;
        if (start != null) {
            for (int i = 0; i < streams.size(); i++) {
                if (streams.get(i).arn().equals(start)) {
                    from = i + 1;
                }
            }
        }
        int max = limit == null ? 100 : limit.intValue();
        int to = Math.min(streams.size(), from + max);
        out.writeStartObject();
        out.writeArrayFieldStart("Streams");
        for (int i = from; i < to; i++) {
            Stream s = streams.get(i);
            out.writeStartObject();
            out.writeStringField("StreamArn", s.arn());
            out.writeStringField("TableName", s.tableName());
            out.writeStringField("StreamLabel", s.label());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (to < streams.size()) {
            out.writeStringField("LastEvaluatedStreamArn", streams.get(to - 1).arn());
        }
        out.writeEndObject();
    }
}
