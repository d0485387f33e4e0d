package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** CreateTable: validates the key schema against the attribute definitions and creates an empty table. */
public final class CreateTable implements Action {

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String name = Requests.string(req, "TableName");
        JsonNode keySchemaNode = Requests.array(req, "KeySchema");
        JsonNode attrDefsNode = Requests.array(req, "AttributeDefinitions");
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", name, false);
        v.notNull("keySchema", keySchemaNode);
        v.notNull("attributeDefinitions", attrDefsNode);
        v.throwIfAny();

        Map<String, AttrType> defs = new LinkedHashMap<>();
        for (JsonNode d : attrDefsNode) {
            String attr = Requests.string(d, "AttributeName");
            String type = Requests.string(d, "AttributeType");
            defs.put(attr, AttrType.valueOf(type));
        }
        String hash = null;
        String range = null;
        for (JsonNode k : keySchemaNode) {
            String attr = Requests.string(k, "AttributeName");
            String type = Requests.string(k, "KeyType");
            if ("HASH".equals(type)) {
                hash = attr;
            } else {
                range = attr;
            }
        }
        KeySchema keySchema = new KeySchema(new KeyAttribute(hash, defs.get(hash)),
            range == null ? null : new KeyAttribute(range, defs.get(range)));
        String billing = Requests.string(req, "BillingMode");
        TableMetadata.BillingMode mode = billing == null ? TableMetadata.BillingMode.PROVISIONED
            : TableMetadata.BillingMode.valueOf(billing);
        TableMetadata.Throughput throughput = TableMetadata.Throughput.ZERO;
        JsonNode pt = Requests.object(req, "ProvisionedThroughput");
        if (pt != null) {
            throughput = new TableMetadata.Throughput(Requests.integer(pt, "ReadCapacityUnits"),
                Requests.integer(pt, "WriteCapacityUnits"), null, null, 0);
        } else if (mode == TableMetadata.BillingMode.PROVISIONED) {
            throw DynamoException.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        String arn = ctx.namespace().tableArn(name);
        java.util.List<TableMetadata.IndexDefinition> gsis = indexes(Requests.array(req, "GlobalSecondaryIndexes"), defs, arn, null);
        java.util.List<TableMetadata.IndexDefinition> lsis = indexes(Requests.array(req, "LocalSecondaryIndexes"), defs, arn, keySchema);
        Instant now = ctx.engine().clock().instant();
        TableMetadata.Builder b = TableMetadata.builder();
        b.name = name;
        b.arn = arn;
        b.tableId = UUID.randomUUID().toString();
        b.creationDateTime = now;
        b.keySchema = keySchema;
        b.attributeDefinitions = defs;
        b.billingMode = mode;
        b.billingModeLastUpdate = mode == TableMetadata.BillingMode.PAY_PER_REQUEST ? now : null;
        b.throughput = throughput;
        b.globalSecondaryIndexes = gsis;
        b.localSecondaryIndexes = lsis;
        Table table = ctx.namespace().create(b.build());
        out.writeStartObject();
        out.writeFieldName("TableDescription");
        TableDescriptions.write(out, table, "CREATING");
        out.writeEndObject();
    }

    private static java.util.List<TableMetadata.IndexDefinition> indexes(JsonNode list, Map<String, AttrType> defs, String tableArn,
                                                                        KeySchema tableKey) {
        java.util.List<TableMetadata.IndexDefinition> out = new java.util.ArrayList<>();
        if (list == null) {
            return out;
        }
        for (JsonNode i : list) {
            String indexName = Requests.string(i, "IndexName");
            String hash = null;
            String range = null;
            for (JsonNode k : Requests.array(i, "KeySchema")) {
                if ("HASH".equals(Requests.string(k, "KeyType"))) {
                    hash = Requests.string(k, "AttributeName");
                } else {
                    range = Requests.string(k, "AttributeName");
                }
            }
            JsonNode p = Requests.object(i, "Projection");
            String type = p == null ? null : Requests.string(p, "ProjectionType");
            java.util.List<String> nonKey = p == null ? null : Requests.stringList(p, "NonKeyAttributes");
            JsonNode pt = Requests.object(i, "ProvisionedThroughput");
            TableMetadata.Throughput t = pt == null ? TableMetadata.Throughput.ZERO
                : new TableMetadata.Throughput(Requests.integer(pt, "ReadCapacityUnits"), Requests.integer(pt, "WriteCapacityUnits"), null, null, 0);
            out.add(new TableMetadata.IndexDefinition(indexName, tableArn + "/index/" + indexName,
                new KeySchema(new KeyAttribute(hash, defs.get(hash)), range == null ? null : new KeyAttribute(range, defs.get(range))),
                new TableMetadata.IndexProjection(type == null ? TableMetadata.ProjectionType.ALL : TableMetadata.ProjectionType.valueOf(type), nonKey),
                t, null, "ACTIVE"));
        }
        return out;
    }
}
