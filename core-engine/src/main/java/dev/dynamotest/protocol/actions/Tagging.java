package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
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
import java.util.regex.Pattern;

/** TagResource, UntagResource and ListTagsOfResource: tags kept in the table's metadata, addressed by ARN. */
public final class Tagging {
    private Tagging() {
    }

    static final int MAX_TAGS = 50;
    static final String TOO_MANY_TAGS = "One or more parameter values were invalid: The number of tags exceeds the limit of 50";
    /** The characters AWS tagging allows in keys and values: letters, numbers, spaces and {@code _ . : / = + - @}. */
    static final String TAG_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    private static final Pattern TAG = Pattern.compile(TAG_PATTERN);
    static final String ACCESS_DENIED = "AccessDeniedException";
    static final String NOT_AUTHORIZED = "User: arn:aws:iam::%s:root is not authorized to perform: dynamodb:%s on resource: %s "
        + "because no resource-based policy allows the dynamodb:%s action";
    static final String INVALID_ARN = "Invalid TableArn: Invalid ResourceArn provided as input %s";

    /**
     * The table a ResourceArn names: an ARN of another account than the caller's is denied; an ARN that does not
     * name a table (an index's, a stream's, anything else) is invalid.
     */
    static Table byArn(RequestContext ctx, String arn) {
        String[] parts = arn.split(":", 6);
        if (!arn.startsWith("arn:aws:dynamodb:") || parts.length < 6 || !parts[5].startsWith("table/")
            || parts[5].length() == "table/".length() || parts[5].indexOf('/', "table/".length()) >= 0) {
            throw DynamoException.validation(String.format(INVALID_ARN, arn));
        }
        String caller = ctx.namespaceId().accountId();
        if (!parts[4].equals(caller)) {
            throw new DynamoException(ACCESS_DENIED, String.format(NOT_AUTHORIZED, caller, ctx.operation(), arn, ctx.operation()), 400);
        }
        Table t = Tables.find(ctx.namespace(), arn);
        if (t == null) {
            // the service's own spelling ("ResourcArn")
            throw DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
        }
        return t;
    }

    /** Validates a Tags list (keys 1..128, values 0..256 characters of the tagging pattern) into a map. */
    static Map<String, String> tags(JsonNode list, String member) {
        Map<String, String> out = new LinkedHashMap<>();
        ValidationErrors v = new ValidationErrors();
        int i = 1;
        for (JsonNode t : list) {
            String k = Requests.string(t, "Key");
            String value = Requests.string(t, "Value");
            String prefix = member + "." + i + ".member.";
            v.notNull(prefix + "key", k);
            v.notNull(prefix + "value", value);
            v.minLength(prefix + "key", k, 1);
            v.maxLength(prefix + "key", k, 128);
            v.maxLength(prefix + "value", value, 256);
            for (String[] s : new String[][] {{"key", k}, {"value", value}}) {
                if (s[1] != null && !TAG.matcher(s[1]).matches()) {
                    v.add("Value '" + s[1] + "' at '" + prefix + s[0] + "' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: " + TAG_PATTERN);
                }
            }
            if (k != null && value != null) {
                out.put(k, value);
            }
            i++;
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
                    throw new DynamoException(ErrorTypes.LIMIT_EXCEEDED, "The number of tags on this resource exceeds the maximum of 50", 400);
                }
                var b = m.toBuilder();
                b.tags = all;
                return b.build();
            });
            // no output shape in the service model: the answer has an empty body
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
            // no output shape in the service model: the answer has an empty body
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
