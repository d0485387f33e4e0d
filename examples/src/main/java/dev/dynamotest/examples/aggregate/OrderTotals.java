package dev.dynamotest.examples.aggregate;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stream consumer (as a Lambda on the orders table's stream would be): keeps each customer's order count and
 * total in an aggregate table, from INSERT, MODIFY and REMOVE records with old and new images.
 */
public final class OrderTotals {
    private final DynamoDbClient db;

    public OrderTotals(DynamoDbClient db) {
        this.db = db;
    }

    /** One change: the event name and the old/new images (null where absent). */
    public record Change(String eventName, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    }

    public void handle(List<Change> batch) {
        for (Change c : batch) {
            if (c.oldImage() != null) {
                add(c.oldImage(), -1);
            }
            if (c.newImage() != null) {
                add(c.newImage(), +1);
            }
        }
    }

    private void add(Map<String, AttributeValue> order, int sign) {
        String customer = order.get("customer").s();
        long amount = Long.parseLong(order.get("amount").n()) * sign;
        db.updateItem(b -> b.tableName("totals").key(Map.of("customer", AttributeValue.fromS(customer)))
            .updateExpression("ADD orders :n, #total :a") // TOTAL is a reserved word
            .expressionAttributeNames(Map.of("#total", "total"))
            .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(sign)),
                ":a", AttributeValue.fromN(Long.toString(amount)))));
    }
}
