package dev.dynamotest.protocol.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.ResponseBuffer;
import dev.dynamotest.protocol.Response;
import java.io.IOException;

/** The last stage: runs the operation's action and answers with its response object. */
public final class ActionStage implements Stage {
    @Override
    public Response apply(Exchange exchange, Chain next) throws IOException {
        ResponseBuffer buffer = ResponseBuffer.acquire();
        // global tables: replicated writes that came due are applied around each operation
        exchange.engine().replication().beforeRequest();
        try {
            try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
                exchange.action().execute(exchange.context(), exchange.request(), g);
            } finally {
                exchange.engine().replication().afterRequest();
            }
            return RequestHandler.ok(buffer.toByteArray(), exchange.requestId());
        } finally {
            ResponseBuffer.release(buffer);
        }
    }
}
