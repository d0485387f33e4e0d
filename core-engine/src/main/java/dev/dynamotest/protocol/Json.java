package dev.dynamotest.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import java.io.IOException;

/** The one Jackson setup of the protocol layer: created once, thread-safe, reused by every request. */
public final class Json {
    private Json() {
    }

    /**
     * Deeper JSON cannot be a valid request: items nest at most 32 levels (two JSON levels each). The reader stops
     * there instead of building the tree.
     */
    static final int MAX_NESTING_DEPTH = 1000;

    /**
     * Names (attribute names reach 65,535 bytes) and strings are bounded by the 16 MB request cap alone, not by
     * Jackson's defaults (50,000 characters for a name).
     */
    public static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(32 * 1024 * 1024)
            .maxNameLength(RequestHandler.MAX_REQUEST_BYTES)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(1000)
            .build())
        .build();

    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Parses a request body into a tree; malformed JSON is a SerializationException (to the caller), JSON nested
     * deeper than any item can be the service's ValidationException.
     */
    public static JsonNode parse(byte[] body, int offset, int length) throws IOException {
        try (JsonParser p = FACTORY.createParser(body, offset, length)) {
            JsonNode node = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content");
            }
            return node;
        } catch (StreamConstraintsException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("nesting depth")) {
                throw DynamoException.validation(Messages.NESTING_TOO_DEEP);
            }
            throw e;
        }
    }

    /**
     * Parses the request body of {@code operation}: the point operations' item or key straight into engine values
     * when the body is an ordinary one ({@link StreamingRequestReader}), anything else as {@link #parse} does, with
     * the same answers and errors either way.
     */
    public static JsonNode parseRequest(String operation, byte[] body, int offset, int length) throws IOException {
        String member = StreamingRequestReader.attributeMember(operation);
        if (member != null) {
            JsonNode fast = StreamingRequestReader.read(body, offset, length, member);
            if (fast != null) {
                return fast;
            }
        }
        return parse(body, offset, length);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static void writeTree(JsonGenerator g, JsonNode node) throws IOException {
        MAPPER.writeTree(g, node);
    }
}
