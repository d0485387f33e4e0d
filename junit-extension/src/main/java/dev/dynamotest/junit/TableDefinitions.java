package dev.dynamotest.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.enhanced.dynamodb.IndexMetadata;
import software.amazon.awssdk.enhanced.dynamodb.KeyAttributeMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Turns {@link CreateTable} annotations into CreateTable requests. Pure: no I/O. */
final class TableDefinitions {
    private TableDefinitions() {
    }

    /** The tables declared directly on (or inherited by) a class or method, in declaration order. */
    static List<TableDef> declaredOn(AnnotatedElement element, String where) {
        List<TableDef> defs = new ArrayList<>();
        for (CreateTable a : AnnotationSupport.findRepeatableAnnotations(element, CreateTable.class)) {
            defs.add(define(a, where));
        }
        return defs;
    }

    static TableDef define(CreateTable a, String where) {
        return a.bean() != void.class ? fromBean(a, where) : fromAnnotation(a, where);
    }

    static String describe(CreateTable a) {
        if (a.bean() != void.class) {
            return a.name().isEmpty() ? "@CreateTable(bean = " + a.bean().getSimpleName() + ".class)"
                : "@CreateTable(name = \"" + a.name() + "\", bean = " + a.bean().getSimpleName() + ".class)";
        }
        return "@CreateTable(name = \"" + a.name() + "\")";
    }

    private static TableDef fromAnnotation(CreateTable a, String where) {
        String what = describe(a) + " on " + where;
        if (a.name().isEmpty()) {
            throw new ExtensionConfigurationException("@CreateTable on " + where
                + " needs a table name (name = \"...\") or an Enhanced Client bean (bean = SomeBean.class)");
        }
        if (a.partitionKey().isEmpty()) {
            throw new ExtensionConfigurationException(what + " needs a partition key (partitionKey = \"...\")");
        }
        Attributes attrs = new Attributes(what);
        attrs.add(a.partitionKey(), scalar(a.partitionKeyType()));
        if (!a.sortKey().isEmpty()) {
            attrs.add(a.sortKey(), scalar(a.sortKeyType()));
        }
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (GlobalIndex g : a.globalIndexes()) {
            gsis.add(globalIndex(g, a, attrs, what));
        }
        List<LocalSecondaryIndex> lsis = new ArrayList<>();
        for (LocalIndex l : a.localIndexes()) {
            lsis.add(localIndex(l, a.partitionKey(), attrs, what));
        }
        return new TableDef(a.name(), null,
            request(a, a.name(), a.partitionKey(), a.sortKey().isEmpty() ? null : a.sortKey(), attrs, gsis, lsis),
            ttl(a), where, autoScaling(a, where));
    }

    private static TableDef fromBean(CreateTable a, String where) {
        String what = describe(a) + " on " + where;
        if (!a.partitionKey().isEmpty() || !a.sortKey().isEmpty()) {
            throw new ExtensionConfigurationException(what
                + ": the keys come from the bean's annotations; leave partitionKey and sortKey empty");
        }
        TableSchema<?> schema;
        try {
            schema = TableSchema.fromClass(a.bean());
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(what + ": " + a.bean().getName()
                + " is not a usable Enhanced Client bean: " + e.getMessage(), e);
        }
        TableMetadata md = schema.tableMetadata();
        String name = a.name().isEmpty() ? a.bean().getSimpleName() : a.name();
        String pk;
        try {
            pk = md.primaryPartitionKey();
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(what + ": " + a.bean().getName()
                + " has no partition key (annotate its getter with @DynamoDbPartitionKey)", e);
        }
        String sk = md.primarySortKey().orElse(null);
        Attributes attrs = new Attributes(what);
        attrs.add(pk, beanType(md, pk, what));
        if (sk != null) {
            attrs.add(sk, beanType(md, sk, what));
        }
        Map<String, GlobalIndex> declaredGlobal = new LinkedHashMap<>();
        for (GlobalIndex g : a.globalIndexes()) {
            declaredGlobal.put(g.name(), g);
        }
        Map<String, LocalIndex> declaredLocal = new LinkedHashMap<>();
        for (LocalIndex l : a.localIndexes()) {
            declaredLocal.put(l.name(), l);
        }
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        List<LocalSecondaryIndex> lsis = new ArrayList<>();
        for (IndexMetadata index : md.indices()) {
            if (index.name().equals(TableMetadata.primaryIndexName())) {
                continue;
            }
            Optional<KeyAttributeMetadata> ipk = index.partitionKey();
            Optional<KeyAttributeMetadata> isk = index.sortKey();
            if (ipk.isPresent()) {
                GlobalIndex declared = declaredGlobal.remove(index.name());
                String ipkName = ipk.get().name();
                attrs.add(ipkName, beanType(md, ipkName, what));
                isk.ifPresent(k -> attrs.add(k.name(), beanType(md, k.name(), what)));
                Projection p = declared != null ? declared.projection() : Projection.ALL;
                String[] nonKey = declared != null ? declared.nonKeyAttributes() : new String[0];
                gsis.add(gsi(index.name(), ipkName, isk.map(KeyAttributeMetadata::name).orElse(null), p, nonKey,
                    a.billingMode() == Billing.PROVISIONED ? throughput(
                        declared != null && declared.readCapacity() > 0 ? declared.readCapacity() : a.readCapacity(),
                        declared != null && declared.writeCapacity() > 0 ? declared.writeCapacity() : a.writeCapacity())
                        : null, what));
            } else if (isk.isPresent()) {
                LocalIndex declared = declaredLocal.remove(index.name());
                attrs.add(isk.get().name(), beanType(md, isk.get().name(), what));
                lsis.add(lsi(index.name(), pk, isk.get().name(),
                    declared != null ? declared.projection() : Projection.ALL,
                    declared != null ? declared.nonKeyAttributes() : new String[0], what));
            }
        }
        // Indexes declared in the annotation that the bean does not define are added as declared.
        for (GlobalIndex g : declaredGlobal.values()) {
            gsis.add(globalIndex(g, a, attrs, what));
        }
        for (LocalIndex l : declaredLocal.values()) {
            lsis.add(localIndex(l, pk, attrs, what));
        }
        return new TableDef(name, a.bean(), request(a, name, pk, sk, attrs, gsis, lsis), ttl(a), where, autoScaling(a, where));
    }

    /** The table's {@link AutoScaling}, or null; one at most, on a provisioned table, with a range to scale in. */
    private static AutoScaling autoScaling(CreateTable a, String where) {
        if (a.autoScaling().length == 0) {
            return null;
        }
        String what = describe(a) + " on " + where;
        AutoScaling s = a.autoScaling()[0];
        if (a.autoScaling().length > 1) {
            throw new ExtensionConfigurationException(what + ": give autoScaling one @AutoScaling, not " + a.autoScaling().length);
        }
        if (a.billingMode() != Billing.PROVISIONED) {
            throw new ExtensionConfigurationException(what + ": auto scaling needs billingMode = Billing.PROVISIONED");
        }
        if (s.maxRead() == 0 && s.maxWrite() == 0) {
            throw new ExtensionConfigurationException(what + ": @AutoScaling needs maxRead and/or maxWrite (with minRead/minWrite)");
        }
        return s;
    }

    private static ScalarAttributeType beanType(TableMetadata md, String attribute, String what) {
        return md.scalarAttributeType(attribute).orElseThrow(() -> new ExtensionConfigurationException(what
            + ": key attribute '" + attribute + "' of the bean is not a string, number or binary"));
    }

    private static GlobalSecondaryIndex globalIndex(GlobalIndex g, CreateTable a, Attributes attrs, String what) {
        if (g.name().isEmpty()) {
            throw new ExtensionConfigurationException(what + ": a @GlobalIndex needs a name");
        }
        if (g.partitionKey().isEmpty()) {
            throw new ExtensionConfigurationException(what + ": @GlobalIndex(name = \"" + g.name()
                + "\") needs a partition key (partitionKey = \"...\")");
        }
        attrs.add(g.partitionKey(), scalar(g.partitionKeyType()));
        if (!g.sortKey().isEmpty()) {
            attrs.add(g.sortKey(), scalar(g.sortKeyType()));
        }
        ProvisionedThroughput t = a.billingMode() == Billing.PROVISIONED
            ? throughput(g.readCapacity() > 0 ? g.readCapacity() : a.readCapacity(),
                g.writeCapacity() > 0 ? g.writeCapacity() : a.writeCapacity())
            : null;
        return gsi(g.name(), g.partitionKey(), g.sortKey().isEmpty() ? null : g.sortKey(), g.projection(),
            g.nonKeyAttributes(), t, what);
    }

    private static LocalSecondaryIndex localIndex(LocalIndex l, String tablePk, Attributes attrs, String what) {
        if (l.name().isEmpty()) {
            throw new ExtensionConfigurationException(what + ": a @LocalIndex needs a name");
        }
        if (l.sortKey().isEmpty()) {
            throw new ExtensionConfigurationException(what + ": @LocalIndex(name = \"" + l.name()
                + "\") needs a sort key (sortKey = \"...\")");
        }
        attrs.add(l.sortKey(), scalar(l.sortKeyType()));
        return lsi(l.name(), tablePk, l.sortKey(), l.projection(), l.nonKeyAttributes(), what);
    }

    private static GlobalSecondaryIndex gsi(String name, String pk, String sk, Projection p, String[] nonKey,
                                            ProvisionedThroughput t, String what) {
        return GlobalSecondaryIndex.builder()
            .indexName(name)
            .keySchema(keySchema(pk, sk))
            .projection(projection(name, p, nonKey, what))
            .provisionedThroughput(t)
            .build();
    }

    private static LocalSecondaryIndex lsi(String name, String pk, String sk, Projection p, String[] nonKey, String what) {
        return LocalSecondaryIndex.builder()
            .indexName(name)
            .keySchema(keySchema(pk, sk))
            .projection(projection(name, p, nonKey, what))
            .build();
    }

    private static software.amazon.awssdk.services.dynamodb.model.Projection projection(String index, Projection p,
                                                                                       String[] nonKey, String what) {
        if (nonKey.length > 0 && p != Projection.INCLUDE) {
            throw new ExtensionConfigurationException(what + ": index '" + index
                + "' lists nonKeyAttributes, which need projection = Projection.INCLUDE");
        }
        software.amazon.awssdk.services.dynamodb.model.Projection.Builder b =
            software.amazon.awssdk.services.dynamodb.model.Projection.builder().projectionType(ProjectionType.fromValue(p.name()));
        if (nonKey.length > 0) {
            b.nonKeyAttributes(Arrays.asList(nonKey));
        }
        return b.build();
    }

    private static CreateTableRequest request(CreateTable a, String name, String pk, String sk, Attributes attrs,
                                              List<GlobalSecondaryIndex> gsis, List<LocalSecondaryIndex> lsis) {
        CreateTableRequest.Builder b = CreateTableRequest.builder()
            .tableName(name)
            .keySchema(keySchema(pk, sk))
            .attributeDefinitions(attrs.definitions());
        if (a.billingMode() == Billing.PROVISIONED) {
            b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(a.readCapacity(), a.writeCapacity()));
        } else {
            b.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        if (!gsis.isEmpty()) {
            b.globalSecondaryIndexes(gsis);
        }
        if (!lsis.isEmpty()) {
            b.localSecondaryIndexes(lsis);
        }
        if (a.stream() != StreamView.NONE) {
            b.streamSpecification(StreamSpecification.builder()
                .streamEnabled(true)
                .streamViewType(StreamViewType.fromValue(a.stream().name()))
                .build());
        }
        return b.build();
    }

    private static String ttl(CreateTable a) {
        return a.ttlAttribute().isEmpty() ? null : a.ttlAttribute();
    }

    private static List<KeySchemaElement> keySchema(String pk, String sk) {
        List<KeySchemaElement> k = new ArrayList<>(2);
        k.add(KeySchemaElement.builder().attributeName(pk).keyType(KeyType.HASH).build());
        if (sk != null) {
            k.add(KeySchemaElement.builder().attributeName(sk).keyType(KeyType.RANGE).build());
        }
        return k;
    }

    private static ProvisionedThroughput throughput(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }

    private static ScalarAttributeType scalar(ScalarType t) {
        return ScalarAttributeType.fromValue(t.name());
    }

    /** Attribute definitions, each key attribute once, with one type. */
    private static final class Attributes {
        private final String what;
        private final Map<String, ScalarAttributeType> types = new LinkedHashMap<>();

        Attributes(String what) {
            this.what = what;
        }

        void add(String name, ScalarAttributeType type) {
            ScalarAttributeType previous = types.putIfAbsent(name, type);
            if (previous != null && previous != type) {
                throw new ExtensionConfigurationException(what + ": key attribute '" + name + "' is declared both as "
                    + previous + " and as " + type);
            }
        }

        List<AttributeDefinition> definitions() {
            List<AttributeDefinition> defs = new ArrayList<>();
            types.forEach((n, t) -> defs.add(AttributeDefinition.builder().attributeName(n).attributeType(t).build()));
            return defs;
        }
    }
}
