package dev.dynamotest.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One DynamoDB API operation: validates its request (a JSON tree) as the service does, calls the engine, and
 * writes its response object. One class per operation; {@link Operations} maps operation names to them.
 */
public interface Action {
    void execute(RequestContext ctx, JsonNode request, JsonGenerator out) throws IOException;
}
