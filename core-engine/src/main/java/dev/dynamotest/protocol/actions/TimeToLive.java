package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;

/** UpdateTimeToLive and DescribeTimeToLive: the TTL setting of a table (expiry runs on the engine clock). */
public final class TimeToLive {
    private TimeToLive() {
    }

    public static final class Update implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableName = Requests.string(req, "TableName");
            JsonNode spec = Requests.object(req, "TimeToLiveSpecification");
            ValidationErrors v = new ValidationErrors();
            v.tableName("tableName", tableName, true);
            v.notNull("timeToLiveSpecification", spec);
            v.throwIfAny();
            Boolean enabled = Requests.bool(spec, "Enabled");
            String attribute = Requests.string(spec, "AttributeName");
            v.notNull("timeToLiveSpecification.enabled", enabled);
            v.notNull("timeToLiveSpecification.attributeName", attribute);
            v.minLength("timeToLiveSpecification.attributeName", attribute, 1);
            v.maxLength("timeToLiveSpecification.attributeName", attribute, 255);
            v.throwIfAny();
            Table table = Tables.described(ctx, tableName);
            if (enabled && ReplicaUpdates.strong(table)) {
                throw DynamoException.validation(String.format(ReplicaUpdates.MRSC_NO_TTL, table.name()));
            }
            table.updateMetadata(m -> {
                TableMetadata.TtlSettings ttl = m.ttl();
                if (enabled && ttl.enabled()) {
                    throw DynamoException.validation("TimeToLive is already enabled");
                }
                if (!enabled && !ttl.enabled()) {
                    throw DynamoException.validation("TimeToLive is already disabled");
                }
                if (!enabled && !attribute.equals(ttl.attributeName())) {
                    throw DynamoException.validation("TimeToLive is active on a different AttributeName");
                }
                var b = m.toBuilder();
                b.ttl = new TableMetadata.TtlSettings(attribute, enabled);
                return b.build();
            });
            out.writeStartObject();
            out.writeObjectFieldStart("TimeToLiveSpecification");
            out.writeBooleanField("Enabled", enabled);
            out.writeStringField("AttributeName", attribute);
            out.writeEndObject();
            out.writeEndObject();
        }
    }

    public static final class Describe implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            Tables.requireTableName(req);
            String tableName = Requests.string(req, "TableName");
            ValidationErrors v = new ValidationErrors();
            v.tableName("tableName", tableName, true);
            v.throwIfAny();
            TableMetadata.TtlSettings ttl = Tables.described(ctx, tableName).metadata().ttl();
            out.writeStartObject();
            out.writeObjectFieldStart("TimeToLiveDescription");
            out.writeStringField("TimeToLiveStatus", ttl.enabled() ? "ENABLED" : "DISABLED");
            if (ttl.enabled()) {
                out.writeStringField("AttributeName", ttl.attributeName());
            }
            out.writeEndObject();
            out.writeEndObject();
        }
    }
}
