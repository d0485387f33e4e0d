package dev.dynamotest.junit;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tables DynamoTest created on an external endpoint, as layers (the outermost class first, then each
 * {@code @Nested} class). There is no snapshot to restore out there, so a test that follows another deletes and
 * recreates every layer, fixtures included. Tests of one class against an external endpoint share its tables, so
 * they must not run concurrently.
 */
final class ExternalTables {
    record Layer(List<TableDef> tables, List<Seed> seeds, Class<?> testClass, String where) {
        List<String> names() {
            List<String> names = new ArrayList<>();
            for (TableDef t : tables) {
                names.add(t.name());
            }
            return names;
        }
    }

    private final List<Layer> layers = new ArrayList<>();
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
        Provisioner.deleteTables(client, layer.names(), true);
    }

    /** After a test ran: deletes every layer's tables and recreates them with their fixtures. */
    synchronized void resetIfDirty(DynamoDbClient client) {
        if (!dirty) {
            return;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            Provisioner.deleteTables(client, layers.get(i).names(), true);
        }
        for (Layer layer : layers) {
            apply(layer, client);
        }
        dirty = false;
    }

    synchronized void markDirty() {
        dirty = true;
    }

    private static void apply(Layer layer, DynamoDbClient client) {
        Provisioner.createTables(client, layer.tables(), true);
        Provisioner.seed(client, layer.seeds(), layer.testClass(), layer.where());
    }
}
