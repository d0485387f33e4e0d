package dev.dynamotest.persist;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The JSON forms of engine state on disk, shared by the durable store and the portable snapshot file: table
 * metadata as a JSON object of its record components (every setting, so a table comes back as it was), items and
 * keys in DynamoDB JSON (the wire format), namespaces as {@code {"region":..., "accessKey":...}}.
 */
final class StateJson {
    private StateJson() {
    }

    /** Records are written field by field and read back through their canonical constructors. */
    static final ObjectMapper MAPPER = new ObjectMapper(Json.FACTORY)
        .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .registerModule(new SimpleModule("dynamotest-instant")
            .addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator g, SerializerProvider p) throws IOException {
                    g.writeString(value.toString());
                }
            })
            .addDeserializer(Instant.class, new JsonDeserializer<>() {
                @Override
                public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                    return Instant.parse(p.getValueAsString());
                }
            }));

    static void writeMetadata(JsonGenerator g, String field, TableMetadata metadata) throws IOException {
        g.writeFieldName(field);
        MAPPER.writeValue(g, metadata);
    }

    static TableMetadata readMetadata(JsonNode node) throws IOException {
        return MAPPER.treeToValue(node, TableMetadata.class);
    }

    static void writeNamespace(JsonGenerator g, NamespaceId id) throws IOException {
        g.writeObjectFieldStart("namespace");
        g.writeStringField("region", id.region());
        g.writeStringField("accessKey", id.accessKey());
        g.writeEndObject();
    }

    static NamespaceId readNamespace(JsonNode node) {
        JsonNode ns = node.get("namespace");
        return new NamespaceId(ns.get("region").textValue(), ns.get("accessKey").textValue());
    }

    static void writeItem(JsonGenerator g, String field, Item item) throws IOException {
        AttributeValueJson.writeItemField(g, field, item);
    }

    static Item readItem(JsonNode node) {
        return AttributeValueJson.readItem(node);
    }

    static void writeKey(JsonGenerator g, String field, KeySchema schema, PrimaryKey key) throws IOException {
        g.writeFieldName(field);
        AttributeValueJson.writeMap(g, schema.keyMap(key));
    }

    static PrimaryKey readKey(KeySchema schema, JsonNode node) {
        Map<String, AttributeValue> key = AttributeValueJson.readMap(node);
        return schema.keyOf(key);
    }
}
