package dev.dynamotest.examples.cart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * An active-active shopping cart on a global table: the same customer adds products through two Regions (two
 * devices, two data centres). Global tables resolve concurrent writes to one item by last writer wins, for the whole
 * item, so:
 *
 * <ul>
 *   <li>{@link #addWholeCart} keeps the cart as one item (a list of products) and rewrites it on every add: two adds
 *   in two Regions before replication catches up both succeed locally, then one silently disappears everywhere;</li>
 *   <li>{@link #addLine} keeps one item per cart line (partition key the cart, sort key the product): adds in two
 *   Regions write different items and never conflict; {@link #lines} reads the cart back with a Query.</li>
 * </ul>
 *
 * A conditional version check would not help: each Region checks its own copy, and both checks pass. On a table
 * with multi-Region strong consistency ({@link #createStrongGlobalTable}) the whole-cart add is safe again: the
 * second Region either reads the first add (writes replicate before they are acknowledged) or is refused with a
 * retryable ReplicatedWriteConflictException while the first is still replicating.
 */
public final class Carts {
    private final DynamoDbClient db;
    private final String table;

    public Carts(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Creates the table ({@code cartId} + {@code product}) in the client's Region and adds a replica in {@code replicaRegion}. */
    public static void createGlobalTable(DynamoDbClient db, String table, String replicaRegion) {
        db.createTable(b -> b.tableName(table)
            .attributeDefinitions(a -> a.attributeName("cartId").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("product").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("cartId").keyType(KeyType.HASH), k -> k.attributeName("product").keyType(KeyType.RANGE))
            .billingMode("PAY_PER_REQUEST"));
        db.updateTable(b -> b.tableName(table).replicaUpdates(u -> u.create(c -> c.regionName(replicaRegion))));
    }

    /**
     * Creates the empty table in the client's Region as an MRSC global table (MultiRegionConsistency STRONG) with
     * replicas in two other Regions of the same Region set.
     */
    public static void createStrongGlobalTable(DynamoDbClient db, String table, String replica1, String replica2) {
        db.createTable(b -> b.tableName(table)
            .attributeDefinitions(a -> a.attributeName("cartId").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("product").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("cartId").keyType(KeyType.HASH), k -> k.attributeName("product").keyType(KeyType.RANGE))
            .billingMode("PAY_PER_REQUEST"));
        db.updateTable(b -> b.tableName(table).multiRegionConsistency(MultiRegionConsistency.STRONG)
            .replicaUpdates(u -> u.create(c -> c.regionName(replica1)), u -> u.create(c -> c.regionName(replica2))));
    }

    /** Buggy: the whole cart in one item (sort key {@code #cart}), read, modified and written back. */
    public void addWholeCart(String cartId, String product) {
        Map<String, AttributeValue> key = Map.of("cartId", AttributeValue.fromS(cartId), "product", AttributeValue.fromS("#cart"));
        Map<String, AttributeValue> current = db.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        List<AttributeValue> products = new ArrayList<>();
        if (current != null && current.containsKey("products")) {
            products.addAll(current.get("products").l());
        }
        products.add(AttributeValue.fromS(product));
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("products", AttributeValue.fromL(products));
        db.putItem(b -> b.tableName(table).item(item));
    }

    /** The products of the whole-cart item. */
    public List<String> wholeCart(String cartId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
            .key(Map.of("cartId", AttributeValue.fromS(cartId), "product", AttributeValue.fromS("#cart")))).item();
        List<String> out = new ArrayList<>();
        if (item != null && item.containsKey("products")) {
            item.get("products").l().forEach(p -> out.add(p.s()));
        }
        return out;
    }

    /** Fixed: one item per line; adding a product never rewrites another Region's line. */
    public void addLine(String cartId, String product, int quantity) {
        db.updateItem(b -> b.tableName(table)
            .key(Map.of("cartId", AttributeValue.fromS(cartId), "product", AttributeValue.fromS(product)))
            .updateExpression("ADD quantity :q")
            .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Integer.toString(quantity)))));
    }

    /** The products of the cart's lines, in product order. */
    public List<String> lines(String cartId) {
        List<String> out = new ArrayList<>();
        db.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("cartId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(cartId))))
            .items().forEach(i -> {
                if (!i.get("product").s().startsWith("#")) {
                    out.add(i.get("product").s());
                }
            });
        return out;
    }
}
