package dev.dynamotest.examples.readme;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The application code of the READMEs' examples: a customer's orders, read with a Query. */
class OrderRepository {
    private final DynamoDbClient client;

    OrderRepository(DynamoDbClient client) {
        this.client = client;
    }

    List<Map<String, AttributeValue>> ordersOf(String customerId) {
        return client.queryPaginator(b -> b.tableName("orders").keyConditionExpression("customerId = :c")
            .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customerId)))).items().stream().toList();
    }
}
