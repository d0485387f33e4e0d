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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * CreateTable: validates key schema, attribute definitions, billing, indexes, streams and tags with the
 * service's messages, and creates an empty table (status CREATING in the response, ACTIVE from then on).
 */
public final class CreateTable implements Action {
    static final String INVALID = "One or more parameter values were invalid: ";
    static final List<String> ATTRIBUTE_TYPES = List.of("B", "N", "S");
    static final List<String> KEY_TYPES = List.of("HASH", "RANGE");
    static final List<String> PROJECTION_TYPES = List.of("ALL", "KEYS_ONLY", "INCLUDE");
    static final int MAX_KEY_NAME_BYTES = 255;
    static final String TABLE_NAME_REQUIRED = "The parameter 'TableName' is required but was not present in the request";
    static final String DUPLICATE_ATTRIBUTE = INVALID + "Duplicate AttributeName in AttributeDefinitions: %s";
    static final String SAME_KEY_NAMES = INVALID + "Both the Hash Key and the Range Key element in the KeySchema have the same name";

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String name = Requests.string(req, "TableName");
        JsonNode keySchemaNode = Requests.array(req, "KeySchema");
        JsonNode attrDefsNode = Requests.array(req, "AttributeDefinitions");
        String billing = Requests.string(req, "BillingMode");
        JsonNode pt = Requests.object(req, "ProvisionedThroughput");
        if (name == null) {
            throw DynamoException.validation(TABLE_NAME_REQUIRED);
        }
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", name, false);
        if (v.notNull("keySchema", keySchemaNode)) {
            keySchemaConstraints(v, "keySchema", keySchemaNode, 2);
        }
        if (v.notNull("attributeDefinitions", attrDefsNode)) {
            attributeDefinitionConstraints(v, "attributeDefinitions", attrDefsNode);
        }
        v.oneOf("billingMode", billing, List.of("PROVISIONED", "PAY_PER_REQUEST"));
        v.oneOf("tableClass", Requests.string(req, "TableClass"), List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS"));
        if (pt != null) {
            throughputConstraints(v, "provisionedThroughput", pt);
        }
        v.throwIfAny();

        Map<String, AttrType> defs = attributeDefinitions(attrDefsNode, new LinkedHashMap<>());
        KeySchema keySchema = keySchema(keySchemaNode, defs, "");
        TableMetadata.BillingMode mode = billing == null ? TableMetadata.BillingMode.PROVISIONED : TableMetadata.BillingMode.valueOf(billing);
        TableMetadata.Throughput throughput = TableMetadata.Throughput.ZERO;
        if (mode == TableMetadata.BillingMode.PROVISIONED) {
            if (pt == null) {
                throw DynamoException.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
            throughput = new TableMetadata.Throughput(Requests.integer(pt, "ReadCapacityUnits"), Requests.integer(pt, "WriteCapacityUnits"), null, null, 0);
        } else if (pt != null) {
            throw DynamoException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        String arn = ctx.namespace().tableArn(name);
        List<TableMetadata.IndexDefinition> lsis = indexes(Requests.array(req, "LocalSecondaryIndexes"), defs, arn, keySchema, mode);
        List<TableMetadata.IndexDefinition> gsis = indexes(Requests.array(req, "GlobalSecondaryIndexes"), defs, arn, null, mode);
        for (TableMetadata.IndexDefinition g : gsis) {
            for (TableMetadata.IndexDefinition l : lsis) {
                if (l.name().equals(g.name())) {
                    throw DynamoException.validation(INVALID + "Duplicate index name: " + g.name());
                }
            }
        }
        checkIndexLimits(lsis, gsis);
        // every definition must be used by some key: the table's or an index's
        Set<String> used = new LinkedHashSet<>();
        used.add(keySchema.partition().name());
        if (keySchema.sort() != null) {
            used.add(keySchema.sort().name());
        }
        for (TableMetadata.IndexDefinition i : concat(lsis, gsis)) {
            for (KeyAttribute a : i.keySchema().attributes()) {
                used.add(a.name());
            }
        }
        if (!used.equals(defs.keySet())) {
            throw DynamoException.validation(INVALID + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
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
        b.onDemandThroughput = onDemandThroughput(Requests.object(req, "OnDemandThroughput"), null);
        b.warmThroughput = warmThroughput(Requests.object(req, "WarmThroughput"), null, "warmThroughput");
        b.globalSecondaryIndexes = gsis;
        b.localSecondaryIndexes = lsis;
        b.deletionProtection = Boolean.TRUE.equals(Requests.bool(req, "DeletionProtectionEnabled"));
        String tableClass = Requests.string(req, "TableClass");
        if (tableClass != null) {
            b.tableClass = tableClass;
        }
        JsonNode stream = Requests.object(req, "StreamSpecification");
        if (stream != null && Boolean.TRUE.equals(Requests.bool(stream, "StreamEnabled"))) {
            b.stream = UpdateTable.stream(stream, b.build(), now);
        } else if (stream != null && Requests.string(stream, "StreamViewType") != null) {
            throw DynamoException.validation(INVALID + "StreamViewType cannot be specified when StreamEnabled is false");
        }
        JsonNode sse = Requests.object(req, "SSESpecification");
        if (sse != null && Boolean.TRUE.equals(Requests.bool(sse, "Enabled"))) {
            String kms = Requests.string(sse, "KMSMasterKeyId");
            b.sse = new TableMetadata.SseSettings(true, "KMS",
                kms != null && kms.startsWith("arn:") ? kms : "arn:aws:kms:" + ctx.region() + ":000000000000:key/" + (kms == null ? "dynamotest" : kms));
        }
        JsonNode tags = Requests.array(req, "Tags");
        if (tags != null) {
            Map<String, String> t = Tagging.tags(tags, "tags");
            if (t.size() > Tagging.MAX_TAGS) {
                throw DynamoException.validation(Tagging.TOO_MANY_TAGS);
            }
            b.tags = t;
        }
        String policy = Requests.string(req, "ResourcePolicy");
        if (policy != null) {
            ResourcePolicies.checkDocument(policy);
            b.resourcePolicies = Map.of(b.arn, new TableMetadata.ResourcePolicy(policy, ResourcePolicies.nextRevision(ctx)));
        }
        Table table = ctx.namespace().create(b.build());
        ctx.engine().streams().syncWith(ctx.namespaceId(), table.metadata(), now);
        out.writeStartObject();
        out.writeFieldName("TableDescription");
        TableDescriptions.write(out, table, "CREATING");
        out.writeEndObject();
    }

    /**
     * The KeySchema member's constraints: 1 to {@code max} elements (2 for a table or an LSI; 8 for a GSI, whose key
     * may have up to four partition and four sort key attributes), each with a name of 1..255 bytes and a key type.
     */
    static void keySchemaConstraints(ValidationErrors v, String member, JsonNode keySchemaNode, int max) {
        if (keySchemaNode.size() == 0) {
            v.add("Value '[]' at '" + member + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        } else if (keySchemaNode.size() > max) {
            v.add("Value '" + ValidationErrors.javaText(keySchemaNode, "KeySchemaElement") + "' at '" + member
                + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        int i = 1;
        for (JsonNode k : keySchemaNode) {
            String attribute = Requests.string(k, "AttributeName");
            v.notNull(member + "." + i + ".member.attributeName", attribute);
            v.maxBytes(member + "." + i + ".member.attributeName", attribute, MAX_KEY_NAME_BYTES);
            String keyType = Requests.string(k, "KeyType");
            v.notNull(member + "." + i + ".member.keyType", keyType);
            v.oneOf(member + "." + i + ".member.keyType", keyType, KEY_TYPES);
            i++;
        }
    }

    /** AttributeDefinitions' model constraints (CreateTable and UpdateTable): a name of 1..255 bytes and a type. */
    static void attributeDefinitionConstraints(ValidationErrors v, String member, JsonNode attrDefsNode) {
        int i = 1;
        for (JsonNode d : attrDefsNode) {
            String attribute = Requests.string(d, "AttributeName");
            String type = Requests.string(d, "AttributeType");
            v.notNull(member + "." + i + ".member.attributeName", attribute);
            v.maxBytes(member + "." + i + ".member.attributeName", attribute, MAX_KEY_NAME_BYTES);
            v.notNull(member + "." + i + ".member.attributeType", type);
            v.oneOf(member + "." + i + ".member.attributeType", type, ATTRIBUTE_TYPES);
            i++;
        }
    }

    /** A ProvisionedThroughput member: both units present and at least 1. */
    static void throughputConstraints(ValidationErrors v, String member, JsonNode pt) {
        Long read = Requests.integer(pt, "ReadCapacityUnits");
        Long write = Requests.integer(pt, "WriteCapacityUnits");
        v.notNull(member + ".readCapacityUnits", read);
        v.notNull(member + ".writeCapacityUnits", write);
        v.min(member + ".readCapacityUnits", read, 1);
        v.min(member + ".writeCapacityUnits", write, 1);
    }

    /**
     * Adds validated AttributeDefinitions to {@code defs}: a name defined twice in the request, or (UpdateTable) with
     * another type than the table's, is a duplicate.
     */
    static Map<String, AttrType> attributeDefinitions(JsonNode attrDefsNode, Map<String, AttrType> defs) {
        Set<String> given = new HashSet<>();
        for (JsonNode d : attrDefsNode) {
            String attribute = Requests.string(d, "AttributeName");
            AttrType type = AttrType.valueOf(Requests.string(d, "AttributeType"));
            AttrType before = defs.put(attribute, type);
            if (!given.add(attribute) || (before != null && before != type)) {
                throw DynamoException.validation(String.format(DUPLICATE_ATTRIBUTE, attribute));
            }
        }
        return defs;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static final String MULTI_TOO_MANY = "Invalid KeySchema: A global secondary index key schema can have at most "
        + KeySchema.MAX_MULTI_ATTRIBUTE_ELEMENTS + " %s key attributes";
    static final String MULTI_ORDER = "Invalid KeySchema: HASH key attributes must come before RANGE key attributes";
    static final String MULTI_DUPLICATE = "Invalid KeySchema: Some index key attributes are duplicated: %s";

    /** A table's or index's KeySchema: HASH first, RANGE second, both defined. */
    static KeySchema keySchema(JsonNode node, Map<String, AttrType> defs, String indexContext) {
        return keySchema(node, defs, indexContext, false);
    }

    /**
     * A KeySchema; with {@code multiAttribute} (global secondary indexes) up to four HASH attributes followed by up
     * to four RANGE attributes.
     */
    static KeySchema keySchema(JsonNode node, Map<String, AttrType> defs, String indexContext, boolean multiAttribute) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode k : node) {
            names.add(Requests.string(k, "AttributeName"));
            types.add(Requests.string(k, "KeyType"));
        }
        if (multiAttribute && (names.size() > 2 || types.size() == 2 && "HASH".equals(types.get(1)))) {
            return multiAttributeKeySchema(names, types, defs);
        }
        if (!"HASH".equals(types.get(0))) {
            throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (names.size() == 2) {
            if (!"RANGE".equals(types.get(1))) {
                throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            if (names.get(0).equals(names.get(1))) {
                throw DynamoException.validation(SAME_KEY_NAMES);
            }
        }
        for (String n : names) {
            if (!defs.containsKey(n)) {
                throw DynamoException.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + names + ", AttributeDefinitions: " + new ArrayList<>(defs.keySet()));
            }
        }
        return new KeySchema(new KeyAttribute(names.get(0), defs.get(names.get(0))),
            names.size() == 2 ? new KeyAttribute(names.get(1), defs.get(names.get(1))) : null);
    }

    private static KeySchema multiAttributeKeySchema(List<String> names, List<String> types, Map<String, AttrType> defs) {
        if (!"HASH".equals(types.get(0))) {
            throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        int hash = 0;
        while (hash < types.size() && "HASH".equals(types.get(hash))) {
            hash++;
        }
        for (int i = hash; i < types.size(); i++) {
            if (!"RANGE".equals(types.get(i))) {
                throw DynamoException.validation(MULTI_ORDER);
            }
        }
        if (hash > KeySchema.MAX_MULTI_ATTRIBUTE_ELEMENTS) {
            throw DynamoException.validation(String.format(MULTI_TOO_MANY, "HASH"));
        }
        if (types.size() - hash > KeySchema.MAX_MULTI_ATTRIBUTE_ELEMENTS) {
            throw DynamoException.validation(String.format(MULTI_TOO_MANY, "RANGE"));
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw DynamoException.validation(String.format(MULTI_DUPLICATE, n));
            }
        }
        for (String n : names) {
            if (!defs.containsKey(n)) {
                throw DynamoException.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + names + ", AttributeDefinitions: " + new ArrayList<>(defs.keySet()));
            }
        }
        List<KeyAttribute> hashAttrs = new ArrayList<>();
        List<KeyAttribute> rangeAttrs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            (i < hash ? hashAttrs : rangeAttrs).add(new KeyAttribute(names.get(i), defs.get(names.get(i))));
        }
        return KeySchema.of(hashAttrs, rangeAttrs);
    }

    /**
     * Parses LSIs ({@code tableKey} given) or GSIs ({@code tableKey} null) with their projection and throughput
     * rules; also used by UpdateTable's index creation.
     */
    static List<TableMetadata.IndexDefinition> indexes(JsonNode list, Map<String, AttrType> defs, String tableArn,
                                                      KeySchema tableKey, TableMetadata.BillingMode mode) {
        return indexes(list, defs, tableArn, tableKey, mode, null);
    }

    /** As above; {@code memberPath}, if given, is the constraint messages' path of the (single) index. */
    static List<TableMetadata.IndexDefinition> indexes(JsonNode list, Map<String, AttrType> defs, String tableArn,
                                                      KeySchema tableKey, TableMetadata.BillingMode mode, String memberPath) {
        List<TableMetadata.IndexDefinition> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        boolean local = tableKey != null;
        String member = local ? "localSecondaryIndexes" : "globalSecondaryIndexes";
        if (list.size() == 0) {
            throw DynamoException.validation(INVALID + "List of " + (local ? "LocalSecondaryIndexes" : "GlobalSecondaryIndexes") + " is empty");
        }
        if (local && tableKey.sort() == null) {
            throw DynamoException.validation(INVALID + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }
        Set<String> names = new HashSet<>();
        int n = 1;
        for (JsonNode i : list) {
            String indexName = Requests.string(i, "IndexName");
            JsonNode ks = Requests.array(i, "KeySchema");
            JsonNode p = Requests.object(i, "Projection");
            ValidationErrors v = new ValidationErrors();
            String prefix = memberPath != null ? memberPath + "." : member + "." + n + ".member.";
            v.notNull(prefix + "indexName", indexName);
            if (indexName != null) {
                if (!ValidationErrors.TABLE_NAME_PATTERN.matcher(indexName).matches()) {
                    v.add("Value '" + indexName + "' at '" + prefix + "indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
                }
                v.minLength(prefix + "indexName", indexName, 3);
                v.maxLength(prefix + "indexName", indexName, 255);
            }
            if (v.notNull(prefix + "keySchema", ks)) {
                keySchemaConstraints(v, prefix + "keySchema", ks, local ? 2 : 8);
            }
            v.notNull(prefix + "projection", p);
            if (p != null) {
                v.oneOf(prefix + "projection.projectionType", Requests.string(p, "ProjectionType"), PROJECTION_TYPES);
                List<String> nonKey = Requests.stringList(p, "NonKeyAttributes");
                if (nonKey != null && nonKey.isEmpty()) {
                    v.add("Value '[]' at '" + prefix + "projection.nonKeyAttributes' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
                } else if (nonKey != null && nonKey.stream().anyMatch(a -> a.isEmpty()
                    || a.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_NAME_BYTES)) {
                    v.add("Value '" + nonKey + "' at '" + prefix + "projection.nonKeyAttributes' failed to satisfy constraint: "
                        + "Member must satisfy constraint: [Member must have length less than or equal to 255, "
                        + "Member must have length greater than or equal to 1]");
                }
            }
            JsonNode indexThroughput = Requests.object(i, "ProvisionedThroughput");
            if (indexThroughput != null && !local) {
                throughputConstraints(v, prefix + "provisionedThroughput", indexThroughput);
            }
            v.throwIfAny();
            if (!names.add(indexName)) {
                throw DynamoException.validation(INVALID + "Duplicate index name: " + indexName);
            }
            KeySchema key = keySchema(ks, defs, indexName, !local);
            if (local) {
                if (key.sort() == null) {
                    throw DynamoException.validation(INVALID + "Index KeySchema does not have a range key for index: " + indexName);
                }
                if (!key.partition().name().equals(tableKey.partition().name())) {
                    throw DynamoException.validation(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                        + indexName + ". index hash key: " + key.partition().name() + ", table hash key: " + tableKey.partition().name());
                }
            }
            String type = Requests.string(p, "ProjectionType");
            List<String> nonKey = Requests.stringList(p, "NonKeyAttributes");
            if (type == null) {
                throw DynamoException.validation(INVALID + "Unknown ProjectionType: null");
            }
            if (!"INCLUDE".equals(type) && nonKey != null) {
                throw DynamoException.validation(INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
            }
            if ("INCLUDE".equals(type) && nonKey == null) {
                throw DynamoException.validation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
            }
            if (nonKey != null && new HashSet<>(nonKey).size() != nonKey.size()) {
                Set<String> seen = new HashSet<>();
                String twice = nonKey.stream().filter(a -> !seen.add(a)).findFirst().orElseThrow();
                throw DynamoException.validation(INVALID + "Duplicate NonKeyAttribute: " + twice + " for index: " + indexName);
            }
            JsonNode ipt = Requests.object(i, "ProvisionedThroughput");
            TableMetadata.Throughput t = TableMetadata.Throughput.ZERO;
            if (!local) {
                if (mode == TableMetadata.BillingMode.PROVISIONED && ipt == null) {
                    throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified for index: " + indexName);
                }
                if (mode == TableMetadata.BillingMode.PAY_PER_REQUEST && ipt != null) {
                    throw DynamoException.validation(INVALID + "ProvisionedThroughput should not be specified for index: "
                        + indexName + " when BillingMode is PAY_PER_REQUEST");
                }
                if (ipt != null) {
                    t = new TableMetadata.Throughput(Requests.integer(ipt, "ReadCapacityUnits"), Requests.integer(ipt, "WriteCapacityUnits"), null, null, 0);
                }
            }
            TableMetadata.OnDemandThroughput maximum = local ? null : onDemandThroughput(Requests.object(i, "OnDemandThroughput"), null);
            TableMetadata.WarmThroughput warm = local ? null
                : warmThroughput(Requests.object(i, "WarmThroughput"), null, "globalSecondaryIndexes.member.warmThroughput");
            out.add(new TableMetadata.IndexDefinition(indexName, tableArn + "/index/" + indexName, key,
                new TableMetadata.IndexProjection(TableMetadata.ProjectionType.valueOf(type), nonKey), t, maximum, "ACTIVE", warm));
            n++;
        }
        return out;
    }

    /**
     * An OnDemandThroughput member (MaxReadRequestUnits / MaxWriteRequestUnits, -1 for no maximum): null if absent; a
     * unit not given keeps {@code current}'s (or -1).
     */
    static TableMetadata.OnDemandThroughput onDemandThroughput(JsonNode n, TableMetadata.OnDemandThroughput current) {
        if (n == null) {
            return current;
        }
        Long read = Requests.integer(n, "MaxReadRequestUnits");
        Long write = Requests.integer(n, "MaxWriteRequestUnits");
        return new TableMetadata.OnDemandThroughput(read != null ? read : current != null ? current.maxReadRequestUnits() : -1,
            write != null ? write : current != null ? current.maxWriteRequestUnits() : -1);
    }

    /**
     * A WarmThroughput member (ReadUnitsPerSecond / WriteUnitsPerSecond, each at least 1 when given): {@code current}
     * if absent; a unit not given keeps {@code current}'s.
     */
    static TableMetadata.WarmThroughput warmThroughput(JsonNode n, TableMetadata.WarmThroughput current, String member) {
        if (n == null) {
            return current;
        }
        Long read = Requests.integer(n, "ReadUnitsPerSecond");
        Long write = Requests.integer(n, "WriteUnitsPerSecond");
        ValidationErrors v = new ValidationErrors();
        v.min(member + ".readUnitsPerSecond", read, 1);
        v.min(member + ".writeUnitsPerSecond", write, 1);
        v.throwIfAny();
        return new TableMetadata.WarmThroughput(read != null ? read : current != null ? current.readUnitsPerSecond() : -1,
            write != null ? write : current != null ? current.writeUnitsPerSecond() : -1);
    }

    static void checkIndexLimits(List<TableMetadata.IndexDefinition> lsis, List<TableMetadata.IndexDefinition> gsis) {
        if (lsis.size() > 5) {
            throw DynamoException.validation(INVALID + "LocalSecondaryIndex count exceeds the per-table limit of 5");
        }
        if (gsis.size() > 20) {
            throw DynamoException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
        }
        Set<String> projected = new HashSet<>();
        int total = 0;
        for (TableMetadata.IndexDefinition i : concat(lsis, gsis)) {
            total += i.projection().nonKeyAttributes().size();
            projected.addAll(i.projection().nonKeyAttributes());
        }
        if (total > 100) {
            throw DynamoException.validation(INVALID + "The sum of the number of projected non-key attributes across all secondary "
                + "indexes is more than 100");
        }
    }
}
