package dev.dynamotest.junit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tables DynamoTest created on an external endpoint, as layers (the outermost class first, then each
 * {@code @Nested} class). There is no snapshot to restore out there, so a test that follows another deletes and
 * recreates every layer, fixtures included. Tests of one class against an external endpoint share its tables, so
 * they must not run concurrently.
 */
final class ExternalTables {
    record Layer(List<TableDef> tables, List<Seed> seeds, Class<?> testClass, String where) {
    }

    private final List<Layer> layers = new ArrayList<>();
    /** The tables DynamoTest created (and so may delete), by layer; never a table that was there before. */
    private final Map<Layer, List<String>> created = new HashMap<>();
    private boolean dirty;

    /** Creates a layer's tables and writes its fixtures. */
    synchronized void push(Layer layer, DynamoDbClient client) {
        layers.add(layer);
        apply(layer, client);
    }

    /** Deletes a layer's tables. */
    synchronized void pop(Layer layer, DynamoDbClient client) {
        layers.remove(layer);
        dirty = true;
        List<String> names = created.remove(layer);
        if (names != null) {
            Provisioner.deleteTables(client, names, true);
        }
    }

    /** After a test ran: deletes every layer's tables and recreates them with their fixtures. */
    synchronized void resetIfDirty(DynamoDbClient client) {
        if (!dirty) {
            return;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            List<String> names = created.remove(layers.get(i));
            if (names != null) {
                Provisioner.deleteTables(client, names, true);
            }
        }
        for (Layer layer : layers) {
            apply(layer, client);
        }
        dirty = false;
    }

    synchronized void markDirty() {
        dirty = true;
    }

    private void apply(Layer layer, DynamoDbClient client) {
        List<String> names = created.computeIfAbsent(layer, k -> new ArrayList<>());
        Provisioner.createTables(client, layer.tables(), true, names::add);
        Provisioner.seed(client, layer.seeds(), layer.testClass(), layer.where());
    }
}
