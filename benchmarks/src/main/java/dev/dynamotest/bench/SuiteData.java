package dev.dynamotest.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The generated suite's data, one source of truth for every way of running it: each class's two tables (with a GSI
 * each) and the items seeded into them, derived from the class number and a fixed seed. The generator writes the
 * {@code @Seed} files and computes the expected results from these items; the per-test fixture (DynamoDB Local)
 * creates the same tables and writes the same items. Uses the AWS SDK's model types only, so it runs on DynamoDB
 * Local's class path too.
 */
public final class SuiteData {
    static final long SEED = 21;
    static final String[] STATUSES = {"NEW", "PAID", "SHIPPED"};

    private SuiteData() {
    }

    /** One test class: {@code orders_NN} (customer, orderId; GSI byOwner) and {@code accounts_NN} (accountId; GSI byTier). */
    public record ClassSpec(int index, int orderCount, int accountCount, int customers, int owners, int tiers, int tests) {
        public String orders() {
            return String.format(Locale.ROOT, "orders_%02d", index);
        }

        public String accounts() {
            return String.format(Locale.ROOT, "accounts_%02d", index);
        }

        public String className() {
            return String.format(Locale.ROOT, "Suite%02d", index);
        }

        int items() {
            return orderCount + accountCount;
        }
    }

    /** Class {@code index}: 50 to 500 items in all, 16 to 24 tests. */
    public static ClassSpec spec(int index) {
        Random r = new Random(SEED * 1_000_003L + index);
        int total = 50 + r.nextInt(451);
        int orders = total * (55 + r.nextInt(20)) / 100;
        return new ClassSpec(index, orders, total - orders, 3 + r.nextInt(8), 2 + r.nextInt(5), 3 + r.nextInt(3), 16 + r.nextInt(9));
    }

    public static List<Map<String, AttributeValue>> orders(ClassSpec c) {
        Random r = new Random(SEED * 7919L + c.index());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < c.orderCount(); i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("customer", s("c" + r.nextInt(c.customers())));
            item.put("orderId", n(i));
            item.put("owner", s("o" + r.nextInt(c.owners())));
            item.put("status", s(STATUSES[r.nextInt(STATUSES.length)]));
            item.put("total", AttributeValue.fromN((1 + r.nextInt(500)) + "." + (10 + r.nextInt(90))));
            item.put("counter", n(0));
            item.put("version", n(1));
            item.put("note", s("order " + i + " of class " + c.index() + ": " + "x".repeat(40 + r.nextInt(80))));
            items.add(item);
        }
        return items;
    }

    public static List<Map<String, AttributeValue>> accounts(ClassSpec c) {
        Random r = new Random(SEED * 104729L + c.index());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < c.accountCount(); i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("accountId", s(String.format(Locale.ROOT, "a%03d", i)));
            item.put("tier", s("t" + r.nextInt(c.tiers())));
            item.put("score", n(r.nextInt(1000)));
            item.put("balance", n(r.nextInt(10_000)));
            item.put("counter", n(0));
            items.add(item);
        }
        return items;
    }

    /** The same table as the generated {@code @CreateTable}: on-demand, GSI projecting everything. */
    public static CreateTableRequest ordersTable(ClassSpec c) {
        return CreateTableRequest.builder().tableName(c.orders()).billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(def("customer", ScalarAttributeType.S), def("orderId", ScalarAttributeType.N),
                def("owner", ScalarAttributeType.S))
            .keySchema(key("customer", KeyType.HASH), key("orderId", KeyType.RANGE))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byOwner")
                .keySchema(key("owner", KeyType.HASH), key("orderId", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build())
            .build();
    }

    public static CreateTableRequest accountsTable(ClassSpec c) {
        return CreateTableRequest.builder().tableName(c.accounts()).billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(def("accountId", ScalarAttributeType.S), def("tier", ScalarAttributeType.S),
                def("score", ScalarAttributeType.N))
            .keySchema(key("accountId", KeyType.HASH))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byTier")
                .keySchema(key("tier", KeyType.HASH), key("score", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build())
            .build();
    }

    private static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
