package dev.dynamotest.examples.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PageIterable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@DynamoTest
@CreateTable(name = "products", partitionKey = "id")
class ExporterTest {

    @BeforeEach
    void fill(DynamoDbClient client) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                .item(Map.of("id", AttributeValue.fromS("p" + i), "price", AttributeValue.fromN(Integer.toString(i)))).build()).build());
            if (batch.size() == 25) {
                List<WriteRequest> chunk = List.copyOf(batch);
                client.batchWriteItem(b -> b.requestItems(Map.of("products", chunk)));
                batch.clear();
            }
        }
    }

    @Test
    void fourWorkersExportEveryItemExactlyOnce(DynamoDbClient client) throws Exception {
        List<Map<String, AttributeValue>> items = new Exporter(client).export("products", 4, 37);
        Set<String> ids = new HashSet<>();
        items.forEach(i -> assertThat(ids.add(i.get("id").s())).isTrue());
        assertThat(ids).hasSize(500);
    }

    @Test
    void theEnhancedClientPagesThroughTheSameTable(DynamoDbEnhancedClient enhanced) {
        var table = enhanced.table("products", TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(software.amazon.awssdk.enhanced.dynamodb.TableMetadata.primaryIndexName(), "id",
                software.amazon.awssdk.enhanced.dynamodb.AttributeValueType.S)
            .attributeConverterProviders(software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider.defaultProvider())
            .build());
        PageIterable<software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument> pages = table.scan(r -> r.limit(50));
        int pageCount = 0;
        int itemCount = 0;
        for (var page : pages) {
            pageCount++;
            itemCount += page.items().size();
        }
        assertThat(itemCount).isEqualTo(500);
        assertThat(pageCount).isEqualTo(11); // ten full pages; the tenth ends on Limit, so an empty eleventh follows
    }
}
