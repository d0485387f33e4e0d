package dev.dynamotest.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The one Jackson setup of the protocol layer: created once, thread-safe, reused by every request. */
public final class Json {
    private Json() {
    }

    public static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(32 * 1024 * 1024)
            .maxNestingDepth(1000)
            .maxNumberLength(1000)
            .build())
        .build();

    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Parses a request body into a tree; malformed JSON is a SerializationException. */
    public static JsonNode parse(byte[] body, int offset, int length) throws IOException {
        try (JsonParser p = FACTORY.createParser(body, offset, length)) {
            JsonNode node = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "trailing content");
            }
            return node;
        }
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static void writeTree(JsonGenerator g, JsonNode node) throws IOException {
        MAPPER.writeTree(g, node);
    }
}
