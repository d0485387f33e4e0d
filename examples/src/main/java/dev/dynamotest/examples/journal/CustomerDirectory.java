package dev.dynamotest.examples.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Customers ({@code customers}: pk = customer id, {@code email}, {@code name}, a GSI {@code byEmail}) as a repository
 * typically grows them: each method has the version that slips into code review (an N+1 GetItem loop, a Scan with a
 * filter) next to the one that should have been written. The journal assertions in the test tell them apart.
 */
public final class CustomerDirectory {
    private final DynamoDbClient client;

    public CustomerDirectory(DynamoDbClient client) {
        this.client = client;
    }

    public void add(String id, String email, String name) {
        client.putItem(b -> b.tableName("customers").item(Map.of("pk", s(id), "email", s(email), "name", s(name))));
    }

    /** The customer name of each order's customer: one GetItem per order (N+1, the same customer read again and again). */
    public List<String> namesForOrdersOneByOne(List<String> customerIdsOfOrders) {
        List<String> names = new ArrayList<>();
        for (String id : customerIdsOfOrders) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName("customers").key(Map.of("pk", s(id)))).item();
            names.add(item.isEmpty() ? null : item.get("name").s());
        }
        return names;
    }

    /** The same in one BatchGetItem of the distinct customers (up to 100; a real one would chunk and retry UnprocessedKeys). */
    public List<String> namesForOrders(List<String> customerIdsOfOrders) {
        Set<String> distinct = new LinkedHashSet<>(customerIdsOfOrders);
        List<Map<String, AttributeValue>> keys = distinct.stream().map(id -> Map.of("pk", s(id))).toList();
        Map<String, String> byId = new LinkedHashMap<>();
        client.batchGetItem(b -> b.requestItems(Map.of("customers", KeysAndAttributes.builder().keys(keys).build())))
            .responses().get("customers").forEach(i -> byId.put(i.get("pk").s(), i.get("name").s()));
        return customerIdsOfOrders.stream().map(byId::get).toList();
    }

    /** Finds a customer by email with a Scan and a filter: reads the whole table, and works in tests. */
    public Optional<String> findByEmailScanning(String email) {
        return client.scan(b -> b.tableName("customers").filterExpression("email = :e")
                .expressionAttributeValues(Map.of(":e", s(email))))
            .items().stream().findFirst().map(i -> i.get("pk").s());
    }

    /** Finds a customer by email through the byEmail index. */
    public Optional<String> findByEmail(String email) {
        return client.query(b -> b.tableName("customers").indexName("byEmail").keyConditionExpression("email = :e")
                .expressionAttributeValues(Map.of(":e", s(email))))
            .items().stream().findFirst().map(i -> i.get("pk").s());
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
