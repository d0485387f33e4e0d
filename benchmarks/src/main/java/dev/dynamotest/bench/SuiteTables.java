package dev.dynamotest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The generated suite's per-test fixture for DynamoDB Local, what teams do today: before each test, create the
 * class's two tables and seed them (BatchWriteItem, 25 items a call, unprocessed items written again); after it,
 * delete them. The client is one per JVM: DynamoDB Local embedded ({@code DynamoDBEmbedded.create()}, reached by
 * reflection through {@link Target}), or DynamoDB Local in a container ({@link SuiteContainer}), chosen by the
 * system property {@code dynamotest.suite.target} ({@code ddblocal-embedded} or {@code container}).
 */
public final class SuiteTables {
    private static DynamoDbClient client;

    private SuiteTables() {
    }

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            String target = System.getProperty("dynamotest.suite.target", "ddblocal-embedded");
            try {
                client = "container".equals(target) ? SuiteContainer.client() : Target.open(target, null).client();
            } catch (Exception e) {
                throw new IllegalStateException("cannot open " + target, e);
            }
        }
        return client;
    }

    /** Creates and seeds class {@code index}'s tables. */
    public static void create(DynamoDbClient c, int index) {
        SuiteData.ClassSpec spec = SuiteData.spec(index);
        c.createTable(SuiteData.ordersTable(spec));
        c.createTable(SuiteData.accountsTable(spec));
        seed(c, spec.orders(), SuiteData.orders(spec));
        seed(c, spec.accounts(), SuiteData.accounts(spec));
    }

    public static void delete(DynamoDbClient c, int index) {
        SuiteData.ClassSpec spec = SuiteData.spec(index);
        c.deleteTable(b -> b.tableName(spec.orders()));
        c.deleteTable(b -> b.tableName(spec.accounts()));
    }

    private static void seed(DynamoDbClient c, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(items.size(), i + 25))) {
                batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse r = c.batchWriteItem(b -> b.requestItems(request));
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            }
        }
    }
}
