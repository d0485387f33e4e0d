package dev.dynamotest.examples.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Exports a whole table with a parallel Scan: one worker per segment, each following LastEvaluatedKey. */
public final class Exporter {
    private final DynamoDbClient db;

    public Exporter(DynamoDbClient db) {
        this.db = db;
    }

    public List<Map<String, AttributeValue>> export(String table, int workers, int pageSize) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<List<Map<String, AttributeValue>>>> parts = new ArrayList<>();
            for (int segment = 0; segment < workers; segment++) {
                int seg = segment;
                parts.add(pool.submit(() -> {
                    List<Map<String, AttributeValue>> items = new ArrayList<>();
                    Map<String, AttributeValue> start = null;
                    do {
                        Map<String, AttributeValue> esk = start;
                        ScanResponse r = db.scan(b -> b.tableName(table).segment(seg).totalSegments(workers).limit(pageSize)
                            .exclusiveStartKey(esk));
                        items.addAll(r.items());
                        start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
                    } while (start != null);
                    return items;
                }));
            }
            List<Map<String, AttributeValue>> all = new ArrayList<>();
            for (Future<List<Map<String, AttributeValue>>> f : parts) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }
}
