package dev.dynamotest.examples.unique;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Email uniqueness in a single table: a user item and an "EMAIL#address" marker item are written in one
 * transaction, each only if absent, so two users can never share an email.
 */
public final class Users {
    private final DynamoDbClient db;

    public Users(DynamoDbClient db) {
        this.db = db;
    }

    public boolean register(String userId, String email) {
        try {
            db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("users")
                    .item(Map.of("pk", AttributeValue.fromS("USER#" + userId), "email", AttributeValue.fromS(email)))
                    .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName("users")
                    .item(Map.of("pk", AttributeValue.fromS("EMAIL#" + email), "userId", AttributeValue.fromS(userId)))
                    .conditionExpression("attribute_not_exists(pk)")).build()));
            return true;
        } catch (TransactionCanceledException taken) {
            return false;
        }
    }
}
