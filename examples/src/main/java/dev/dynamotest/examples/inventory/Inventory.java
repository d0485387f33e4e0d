package dev.dynamotest.examples.inventory;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Stock kept per SKU; an order takes stock with a conditional decrement, so it never goes below zero. */
public final class Inventory {
    private final DynamoDbClient db;
    private final String table;

    public Inventory(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    public void restock(String sku, int quantity) {
        db.updateItem(b -> b.tableName(table).key(Map.of("sku", AttributeValue.fromS(sku)))
            .updateExpression("ADD stock :q").expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Integer.toString(quantity)))));
    }

    /** Takes {@code quantity} units if that many are in stock; false (and nothing changes) otherwise. */
    public boolean order(String sku, int quantity) {
        try {
            db.updateItem(b -> b.tableName(table).key(Map.of("sku", AttributeValue.fromS(sku)))
                .updateExpression("SET stock = stock - :q")
                .conditionExpression("stock >= :q")
                .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Integer.toString(quantity)))));
            return true;
        } catch (ConditionalCheckFailedException soldOut) {
            return false;
        }
    }

    public int stock(String sku) {
        var item = db.getItem(b -> b.tableName(table).key(Map.of("sku", AttributeValue.fromS(sku))).consistentRead(true)).item();
        return item.containsKey("stock") ? Integer.parseInt(item.get("stock").n()) : 0;
    }
}
