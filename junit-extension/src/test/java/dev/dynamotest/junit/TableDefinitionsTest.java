package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
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
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The CreateTable requests the annotations turn into (no engine involved: the request is the contract). */
class TableDefinitionsTest {

    @CreateTable(name = "orders", partitionKey = "customerId", sortKey = "orderId", sortKeyType = ScalarType.N,
        globalIndexes = {
            @GlobalIndex(name = "byStatus", partitionKey = "status", sortKey = "total", sortKeyType = ScalarType.N),
            @GlobalIndex(name = "byEmail", partitionKey = "email", projection = Projection.INCLUDE,
                nonKeyAttributes = {"name", "total"}, readCapacity = 2, writeCapacity = 1)},
        localIndexes = @LocalIndex(name = "byDate", sortKey = "date", projection = Projection.KEYS_ONLY),
        stream = StreamView.NEW_AND_OLD_IMAGES, ttlAttribute = "expiresAt",
        billingMode = Billing.PROVISIONED, readCapacity = 7, writeCapacity = 3)
    static class Full {
    }

    @CreateTable(name = "simple", partitionKey = "id", partitionKeyType = ScalarType.B)
    static class Simple {
    }

    @CreateTable(bean = Order.class, globalIndexes = @GlobalIndex(name = "byStatus", projection = Projection.KEYS_ONLY),
        stream = StreamView.KEYS_ONLY)
    static class FromBean {
    }

    @CreateTable(bean = Customer.class, name = "people")
    @CreateTable(name = "second", partitionKey = "pk")
    static class Two {
    }

    @CreateTable(partitionKey = "pk")
    static class NoName {
    }

    @CreateTable(name = "t")
    static class NoPartitionKey {
    }

    @CreateTable(name = "t", partitionKey = "pk", globalIndexes = @GlobalIndex(name = "g", partitionKey = "pk",
        partitionKeyType = ScalarType.N))
    static class ConflictingTypes {
    }

    @CreateTable(name = "t", partitionKey = "pk", globalIndexes = @GlobalIndex(name = "g", partitionKey = "x",
        nonKeyAttributes = "a"))
    static class NonKeyWithoutInclude {
    }

    @CreateTable(bean = Order.class, partitionKey = "customerId")
    static class BeanWithKeys {
    }

    @CreateTable(bean = String.class)
    static class NotABean {
    }

    private static CreateTableRequest only(Class<?> c) {
        List<TableDef> defs = TableDefinitions.declaredOn(c, c.getSimpleName());
        assertThat(defs).hasSize(1);
        return defs.get(0).request();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    private static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    @Test
    void everyAttributeOfTheAnnotation() {
        TableDef def = TableDefinitions.declaredOn(Full.class, "Full").get(0);
        CreateTableRequest r = def.request();
        assertThat(def.name()).isEqualTo("orders");
        assertThat(def.ttlAttribute()).isEqualTo("expiresAt");
        assertThat(r.tableName()).isEqualTo("orders");
        assertThat(r.keySchema()).containsExactly(hash("customerId"), range("orderId"));
        assertThat(r.attributeDefinitions()).containsExactly(attr("customerId", ScalarAttributeType.S),
            attr("orderId", ScalarAttributeType.N), attr("status", ScalarAttributeType.S),
            attr("total", ScalarAttributeType.N), attr("email", ScalarAttributeType.S), attr("date", ScalarAttributeType.S));
        assertThat(r.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(r.provisionedThroughput()).isEqualTo(throughput(7, 3));

        GlobalSecondaryIndex byStatus = r.globalSecondaryIndexes().get(0);
        assertThat(byStatus.indexName()).isEqualTo("byStatus");
        assertThat(byStatus.keySchema()).containsExactly(hash("status"), range("total"));
        assertThat(byStatus.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(byStatus.provisionedThroughput()).isEqualTo(throughput(7, 3));
        GlobalSecondaryIndex byEmail = r.globalSecondaryIndexes().get(1);
        assertThat(byEmail.keySchema()).containsExactly(hash("email"));
        assertThat(byEmail.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(byEmail.projection().nonKeyAttributes()).containsExactly("name", "total");
        assertThat(byEmail.provisionedThroughput()).isEqualTo(throughput(2, 1));

        LocalSecondaryIndex byDate = r.localSecondaryIndexes().get(0);
        assertThat(byDate.indexName()).isEqualTo("byDate");
        assertThat(byDate.keySchema()).containsExactly(hash("customerId"), range("date"));
        assertThat(byDate.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);

        assertThat(r.streamSpecification().streamEnabled()).isTrue();
        assertThat(r.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    }

    @Test
    void defaultsAreOnDemandWithoutIndexesStreamOrTtl() {
        TableDef def = TableDefinitions.declaredOn(Simple.class, "Simple").get(0);
        CreateTableRequest r = def.request();
        assertThat(r.keySchema()).containsExactly(hash("id"));
        assertThat(r.attributeDefinitions()).containsExactly(attr("id", ScalarAttributeType.B));
        assertThat(r.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(r.provisionedThroughput()).isNull();
        assertThat(r.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(r.hasLocalSecondaryIndexes()).isFalse();
        assertThat(r.streamSpecification()).isNull();
        assertThat(def.ttlAttribute()).isNull();
    }

    @Test
    void schemaAndIndexesFromAnEnhancedClientBean() {
        TableDef def = TableDefinitions.declaredOn(FromBean.class, "FromBean").get(0);
        CreateTableRequest r = def.request();
        assertThat(def.name()).isEqualTo("Order");
        assertThat(def.bean()).isEqualTo(Order.class);
        assertThat(r.keySchema()).containsExactly(hash("customerId"), range("orderId"));
        assertThat(r.attributeDefinitions()).containsExactlyInAnyOrder(attr("customerId", ScalarAttributeType.S),
            attr("orderId", ScalarAttributeType.N), attr("status", ScalarAttributeType.S),
            attr("total", ScalarAttributeType.N));
        assertThat(r.globalSecondaryIndexes()).singleElement().satisfies(g -> {
            assertThat(g.indexName()).isEqualTo("byStatus");
            assertThat(g.keySchema()).containsExactly(hash("status"), range("total"));
            // the annotation overrides the bean index's projection
            assertThat(g.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertThat(g.provisionedThroughput()).isNull();
        });
        assertThat(r.localSecondaryIndexes()).singleElement().satisfies(l -> {
            assertThat(l.indexName()).isEqualTo("byTotal");
            assertThat(l.keySchema()).containsExactly(hash("customerId"), range("total"));
            assertThat(l.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(r.streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
    }

    @Test
    void repeatedAnnotationsInOrderAndBeanWithExplicitName() {
        List<TableDef> defs = TableDefinitions.declaredOn(Two.class, "Two");
        assertThat(defs).extracting(TableDef::name).containsExactly("people", "second");
        assertThat(defs.get(0).request().keySchema()).containsExactly(hash("id"));
    }

    @Test
    void mistakesAreReportedWithWhereTheyAre() {
        assertThatThrownBy(() -> only(NoName.class)).isInstanceOf(ExtensionConfigurationException.class)
            .hasMessage("@CreateTable on NoName needs a table name (name = \"...\") or an Enhanced Client bean "
                + "(bean = SomeBean.class)");
        assertThatThrownBy(() -> only(NoPartitionKey.class))
            .hasMessage("@CreateTable(name = \"t\") on NoPartitionKey needs a partition key (partitionKey = \"...\")");
        assertThatThrownBy(() -> only(ConflictingTypes.class))
            .hasMessage("@CreateTable(name = \"t\") on ConflictingTypes: key attribute 'pk' is declared both as S and as N");
        assertThatThrownBy(() -> only(NonKeyWithoutInclude.class))
            .hasMessage("@CreateTable(name = \"t\") on NonKeyWithoutInclude: index 'g' lists nonKeyAttributes, which need "
                + "projection = Projection.INCLUDE");
        assertThatThrownBy(() -> only(BeanWithKeys.class))
            .hasMessage("@CreateTable(bean = Order.class) on BeanWithKeys: the keys come from the bean's annotations; "
                + "leave partitionKey and sortKey empty");
        assertThatThrownBy(() -> only(NotABean.class))
            .hasMessageStartingWith("@CreateTable(bean = String.class) on NotABean: java.lang.String is not a usable "
                + "Enhanced Client bean: ");
    }

    private static ProvisionedThroughput throughput(long r, long w) {
        return ProvisionedThroughput.builder().readCapacityUnits(r).writeCapacityUnits(w).build();
    }
}
