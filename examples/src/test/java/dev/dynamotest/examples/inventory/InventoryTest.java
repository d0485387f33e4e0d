package dev.dynamotest.examples.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest
@CreateTable(name = "inventory", partitionKey = "sku")
@Seed(table = "inventory", value = "{\"sku\": \"widget\", \"stock\": 100}")
class InventoryTest {

    @Test
    void concurrentOrdersNeverOversell(DynamoDbClient client) throws Exception {
        Inventory inventory = new Inventory(client, "inventory");
        assertThat(orderConcurrently(inventory, 150)).isEqualTo(100);
        assertThat(inventory.stock("widget")).isZero();
        assertThat(inventory.order("widget", 1)).isFalse();
    }

    /** Places {@code orders} one-unit orders for the widget from 8 threads; returns how many were accepted. */
    static int orderConcurrently(Inventory inventory, int orders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> placed = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                placed.add(pool.submit(() -> inventory.order("widget", 1)));
            }
            int accepted = 0;
            for (Future<Boolean> f : placed) {
                accepted += f.get() ? 1 : 0;
            }
            return accepted;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void restockMakesItemsAvailableAgain(DynamoDbClient client) {
        Inventory inventory = new Inventory(client, "inventory");
        assertThat(inventory.order("widget", 101)).isFalse();
        inventory.restock("widget", 5);
        assertThat(inventory.order("widget", 105)).isTrue();
        assertThat(inventory.stock("widget")).isZero();
    }
}
