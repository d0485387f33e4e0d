package dev.dynamotest.examples.bank;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Transfers between accounts in one transaction; a frozen-account check guards every transfer. */
public final class Bank {
    private final DynamoDbClient db;

    public Bank(DynamoDbClient db) {
        this.db = db;
    }

    /** Moves {@code amount} from one account to another; false if the source lacks funds or the bank is frozen. */
    public boolean transfer(String from, String to, long amount) {
        if (from.equals(to)) {
            return false; // a transaction may not touch one item twice
        }
        AttributeValue a = AttributeValue.fromN(Long.toString(amount));
        try {
            db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("settings").key(Map.of("name", AttributeValue.fromS("bank")))
                    .conditionExpression("frozen = :no").expressionAttributeValues(Map.of(":no", AttributeValue.fromBool(false)))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("accounts").key(Map.of("id", AttributeValue.fromS(from)))
                    .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                    .expressionAttributeValues(Map.of(":a", a))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("accounts").key(Map.of("id", AttributeValue.fromS(to)))
                    .updateExpression("SET balance = balance + :a").conditionExpression("attribute_exists(id)")
                    .expressionAttributeValues(Map.of(":a", a))).build()));
            return true;
        } catch (TransactionCanceledException rejected) {
            return false;
        }
    }

    public long balance(String id) {
        return Long.parseLong(db.getItem(b -> b.tableName("accounts").key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true))
            .item().get("balance").n());
    }
}
