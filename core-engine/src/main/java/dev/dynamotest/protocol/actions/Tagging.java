package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsOfResource: tags kept in the table's metadata, addressed by ARN. */
public final class Tagging {
    private Tagging() {
    }

    static final int MAX_TAGS = 50;

    static Table byArn(RequestContext ctx, String arn) {
        if (!arn.startsWith("arn:aws:dynamodb:") || !arn.contains(":table/")) {
            throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        Table t = Tables.find(ctx.namespace(), arn);
        if (t == null) {
            // the service's own spelling ("ResourcArn")
            throw DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
        }
        return t;
    }

    /** Validates a Tags list (keys 1..128, values 0..256 characters) into a map. */
    static Map<String, String> tags(JsonNode list, String member) {
        Map<String, String> out = new LinkedHashMap<>();
        ValidationErrors v = new ValidationErrors();
        for (JsonNode t : list) {
            String k = Requests.string(t, "Key");
            String value = Requests.string(t, "Value");
            v.notNull(member + ".member.key", k);
            v.notNull(member + ".member.value", value);
            v.minLength(member + ".member.key", k, 1);
            v.maxLength(member + ".member.key", k, 128);
            v.maxLength(member + ".member.value", value, 256);
            if (k != null && value != null) {
                out.put(k, value);
            }
        }
        v.throwIfAny();
        return out;
    }

    public static final class TagResource implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "ResourceArn");
            JsonNode tagList = Requests.array(req, "Tags");
            ValidationErrors v = new ValidationErrors();
            v.notNull("resourceArn", arn);
            v.notNull("tags", tagList);
            v.minLength("resourceArn", arn, 1);
            v.maxLength("resourceArn", arn, 1283);
            v.throwIfAny();
            Map<String, String> added = tags(tagList, "tags");
            Table t = byArn(ctx, arn);
            t.updateMetadata(m -> {
                Map<String, String> all = new LinkedHashMap<>(m.tags());
                all.putAll(added);
                if (all.size() > MAX_TAGS) {
                    throw new DynamoException(dev.dynamotest.engine.error.ErrorTypes.LIMIT_EXCEEDED,
                        "The number of tags on this resource exceeds the maximum of 50", 400);
                }
                var b = m.toBuilder();
                b.tags = all;
                return b.build();
            });
            out.writeStartObject();
            out.writeEndObject();
        }
    }

    public static final class UntagResource implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "ResourceArn");
            List<String> keys = Requests.stringList(req, "TagKeys");
            ValidationErrors v = new ValidationErrors();
            v.notNull("resourceArn", arn);
            v.notNull("tagKeys", keys);
            v.throwIfAny();
            Table t = byArn(ctx, arn);
            t.updateMetadata(m -> {
                Map<String, String> all = new LinkedHashMap<>(m.tags());
                keys.forEach(all::remove);
                var b = m.toBuilder();
                b.tags = all;
                return b.build();
            });
            out.writeStartObject();
            out.writeEndObject();
        }
    }

    public static final class ListTagsOfResource implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "ResourceArn");
            String next = Requests.string(req, "NextToken");
            ValidationErrors v = new ValidationErrors();
            v.notNull("resourceArn", arn);
            v.throwIfAny();
            Table t = byArn(ctx, arn);
            List<Map.Entry<String, String>> all = new ArrayList<>(t.metadata().tags().entrySet());
            int start = 0;
            if (next != null) {
                try {
                    start = Integer.parseInt(next);
                } catch (NumberFormatException e) {
                    throw DynamoException.validation("Invalid NextToken");
                }
                if (start < 0) {
                    throw DynamoException.validation("Invalid NextToken"); // "-1": no token this server gave
                }
            }
            int end = Math.min(all.size(), start + 10);
            out.writeStartObject();
            out.writeArrayFieldStart("Tags");
            for (int i = start; i < end; i++) {
                out.writeStartObject();
                out.writeStringField("Key", all.get(i).getKey());
                out.writeStringField("Value", all.get(i).getValue());
                out.writeEndObject();
            }
            out.writeEndArray();
            if (end < all.size()) {
                out.writeStringField("NextToken", Integer.toString(end));
            }
            out.writeEndObject();
        }
    }
}
