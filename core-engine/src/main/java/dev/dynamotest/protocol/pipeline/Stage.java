package dev.dynamotest.protocol.pipeline;

import dev.dynamotest.protocol.Response;
import java.io.IOException;

/**
 * One step of the request pipeline. A stage sees the {@link Exchange} (what is known of the request so far), may
 * answer it itself (an error, an injected fault) or hand it on with {@code next.proceed(exchange)} and look at, or
 * replace, what comes back. Stages are shared by every request and thread: keep per-request state in the exchange.
 */
@FunctionalInterface
public interface Stage {
    Response apply(Exchange exchange, Chain next) throws IOException;

    /** The rest of the pipeline after a stage. */
    @FunctionalInterface
    interface Chain {
        Response proceed(Exchange exchange) throws IOException;
    }
}
