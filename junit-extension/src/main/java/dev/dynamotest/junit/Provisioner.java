package dev.dynamotest.junit;

import dev.dynamotest.persist.EngineSnapshots;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsUpdate;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAutoScalingUpdate;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Creates declared tables and writes fixtures through the DynamoDB API, so the same declarations work against the
 * embedded engine and an external endpoint. Every failure names the annotation, where it is and what went wrong.
 */
final class Provisioner {
    private Provisioner() {
    }

    /** Creates the tables; against an external endpoint, waits until they are ACTIVE. */
    static void createTables(DynamoDbClient client, List<TableDef> defs, boolean external) {
        createTables(client, defs, external, name -> { });
    }

    /** Creates the tables, telling {@code created} the name of each one as soon as it exists. */
    static void createTables(DynamoDbClient client, List<TableDef> defs, boolean external,
                             java.util.function.Consumer<String> created) {
        for (TableDef def : defs) {
            String what = "@CreateTable(name = \"" + def.name() + "\") on " + def.where();
            try {
                client.createTable(def.request());
            } catch (ResourceInUseException e) {
                throw new ExtensionConfigurationException(what + ": table '" + def.name() + "' already exists"
                    + (external ? " at the external endpoint; DynamoTest only deletes tables it created, so delete it"
                        + " there or choose another name"
                        : " (declared twice, or already created by an enclosing class)"), e);
            } catch (DynamoDbException e) {
                throw new ExtensionConfigurationException(what + ": CreateTable was rejected: " + error(e), e);
            }
            created.accept(def.name());
            if (external) {
                client.waiter().waitUntilTableExists(b -> b.tableName(def.name()));
            }
            autoScale(client, def);
            if (def.ttlAttribute() != null) {
                try {
                    client.updateTimeToLive(b -> b.tableName(def.name())
                        .timeToLiveSpecification(t -> t.enabled(true).attributeName(def.ttlAttribute())));
                } catch (DynamoDbException e) {
                    throw new ExtensionConfigurationException(what + ": enabling TTL on attribute '" + def.ttlAttribute()
                        + "' (UpdateTimeToLive) was rejected: " + error(e), e);
                }
            }
        }
    }

    /** Applies the {@link AutoScaling} of the tables that declare one (UpdateTableReplicaAutoScaling). */
    static void autoScale(DynamoDbClient client, List<TableDef> defs) {
        for (TableDef def : defs) {
            autoScale(client, def);
        }
    }

    static void autoScale(DynamoDbClient client, TableDef def) {
        AutoScaling a = def.autoScaling();
        if (a == null) {
            return;
        }
        UpdateTableReplicaAutoScalingRequest.Builder b = UpdateTableReplicaAutoScalingRequest.builder().tableName(def.name());
        if (a.maxWrite() > 0) {
            b.provisionedWriteCapacityAutoScalingUpdate(settings(a, a.minWrite(), a.maxWrite()));
        }
        if (a.maxRead() > 0) {
            b.replicaUpdates(ReplicaAutoScalingUpdate.builder().regionName(client.serviceClientConfiguration().region().id())
                .replicaProvisionedReadCapacityAutoScalingUpdate(settings(a, a.minRead(), a.maxRead())).build());
        }
        try {
            client.updateTableReplicaAutoScaling(b.build());
        } catch (DynamoDbException e) {
            throw new ExtensionConfigurationException("@CreateTable(name = \"" + def.name() + "\") on " + def.where()
                + ": its @AutoScaling was rejected (UpdateTableReplicaAutoScaling): " + error(e), e);
        }
    }

    private static AutoScalingSettingsUpdate settings(AutoScaling a, long min, long max) {
        return AutoScalingSettingsUpdate.builder().minimumUnits(min).maximumUnits(max)
            .scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(c -> c.targetValue(a.targetUtilization())
                .scaleInCooldown(a.scaleInCooldown() < 0 ? null : a.scaleInCooldown())
                .scaleOutCooldown(a.scaleOutCooldown() < 0 ? null : a.scaleOutCooldown())
                .disableScaleIn(a.disableScaleIn() ? Boolean.TRUE : null)))
            .build();
    }

    /** Deletes tables, ignoring those already gone; against an external endpoint, waits until they are. */
    static void deleteTables(DynamoDbClient client, Collection<String> names, boolean external) {
        RuntimeException failure = null;
        for (String name : names) {
            try {
                client.deleteTable(b -> b.tableName(name));
                if (external) {
                    client.waiter().waitUntilTableNotExists(b -> b.tableName(name));
                }
            } catch (ResourceNotFoundException e) {
                // already gone
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new IllegalStateException("DynamoTest could not delete table '" + name + "' at "
                        + client.serviceClientConfiguration().endpointOverride().orElse(null) + ": " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The {@link Seed}s declared on a class or method, in declaration order. */
    static List<Seed> seedsOn(AnnotatedElement element) {
        return AnnotationSupport.findRepeatableAnnotations(element, Seed.class);
    }

    /** Writes the fixtures of {@code seeds}, in order. */
    static void seed(DynamoDbClient client, List<Seed> seeds, Class<?> testClass, String where) {
        seed(client, seeds, testClass, where, null);
    }

    /**
     * Seeds the tables; {@code snapshots} loads a snapshot fixture into the test's namespace (null where there is no
     * embedded engine to load it into).
     */
    static void seed(DynamoDbClient client, List<Seed> seeds, Class<?> testClass, String where,
                     Consumer<String> snapshots) {
        for (Seed seed : seeds) {
            seed(client, seed, testClass, where, snapshots);
        }
    }

    static void seed(DynamoDbClient client, Seed seed, Class<?> testClass, String where, Consumer<String> snapshots) {
        String what = describe(seed) + " on " + where;
        List<Fixtures.Entry> entries;
        try {
            String value = seed.value().trim();
            boolean inline = value.startsWith("[") || value.startsWith("{");
            String content = inline ? value : load(value, testClass);
            if (seed.format() == SeedFormat.SNAPSHOT
                || (seed.format() == SeedFormat.AUTO && EngineSnapshots.isSnapshot(content))) {
                if (snapshots == null) {
                    throw new ExtensionConfigurationException("a snapshot fixture needs the embedded engine; against an "
                        + "external endpoint load it with the admin API (POST /_dynamotest/snapshot) instead");
                }
                snapshots.accept(content);
                return;
            }
            entries = Fixtures.parse(content, inline ? "inline JSON" : value, seed.table(), seed.format());
        } catch (ExtensionConfigurationException e) {
            throw new ExtensionConfigurationException(what + ": " + e.getMessage(), e);
        }
        Set<String> tables = new LinkedHashSet<>();
        for (Fixtures.Entry e : entries) {
            tables.add(e.table());
        }
        for (String table : tables) {
            try {
                client.describeTable(b -> b.tableName(table));
            } catch (ResourceNotFoundException e) {
                throw new ExtensionConfigurationException(what + ": table '" + table + "' does not exist (existing tables: "
                    + existingTables(client) + "); declare it with @CreateTable before seeding it", e);
            } catch (DynamoDbException e) {
                throw new ExtensionConfigurationException(what + ": cannot describe table '" + table + "': " + error(e), e);
            }
        }
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<Fixtures.Entry> chunk = entries.subList(from, Math.min(entries.size(), from + BATCH));
            if (chunk.size() == 1 || !writeBatch(client, chunk, what)) {
                writeEach(client, chunk, what);
            }
        }
    }

    /** Items a BatchWriteItem takes at most. */
    static final int BATCH = 25;

    /**
     * Writes up to 25 fixture entries in one BatchWriteItem (unprocessed ones again); false when the batch was refused
     * as a whole (a duplicate key in it, a bad item), which leaves nothing written: the caller then writes the entries
     * one by one, in order, so that a bad item is named and a key written twice ends as its last entry says.
     */
    private static boolean writeBatch(DynamoDbClient client, List<Fixtures.Entry> chunk, String what) {
        Map<String, List<WriteRequest>> pending = new LinkedHashMap<>();
        for (Fixtures.Entry e : chunk) {
            WriteRequest w = e.delete() ? WriteRequest.builder().deleteRequest(d -> d.key(e.item())).build()
                : WriteRequest.builder().putRequest(p -> p.item(e.item())).build();
            pending.computeIfAbsent(e.table(), t -> new ArrayList<>()).add(w);
        }
        try {
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse r = client.batchWriteItem(b -> b.requestItems(request));
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            }
            return true;
        } catch (DynamoDbException ex) {
            if (pending.values().stream().mapToInt(List::size).sum() < chunk.size()) {
                throw new ExtensionConfigurationException(what + ": BatchWriteItem of fixture items was rejected after "
                    + "some of them were written: " + error(ex), ex); // not a refusal of the whole batch
            }
            return false;
        }
    }

    private static void writeEach(DynamoDbClient client, List<Fixtures.Entry> chunk, String what) {
        for (Fixtures.Entry e : chunk) {
            try {
                if (e.delete()) {
                    client.deleteItem(b -> b.tableName(e.table()).key(e.item()));
                } else {
                    client.putItem(b -> b.tableName(e.table()).item(e.item()));
                }
            } catch (DynamoDbException ex) {
                throw new ExtensionConfigurationException(what + ": " + e.location() + ": "
                    + (e.delete() ? "DeleteItem from" : "PutItem into") + " table '" + e.table() + "' was rejected: "
                    + error(ex), ex);
            }
        }
    }

    static String describe(Seed seed) {
        StringBuilder b = new StringBuilder("@Seed(");
        if (!seed.table().isEmpty()) {
            b.append("table = \"").append(seed.table()).append("\", ");
        }
        b.append("value = \"").append(Fixtures.abbreviate(seed.value().trim().replace("\"", "\\\""))).append("\"");
        if (seed.format() != SeedFormat.AUTO) {
            b.append(", format = ").append(seed.format());
        }
        return b.append(")").toString();
    }

    private static String existingTables(DynamoDbClient client) {
        try {
            List<String> names = client.listTables().tableNames();
            return names.isEmpty() ? "none" : String.join(", ", names);
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** Reads a classpath fixture: relative to the test class's package first, then from the classpath root. */
    static String load(String name, Class<?> testClass) {
        String path = name;
        boolean rootOnly = false;
        if (path.startsWith("classpath:")) {
            path = path.substring("classpath:".length());
            rootOnly = true;
        }
        if (path.startsWith("/")) {
            path = path.substring(1);
            rootOnly = true;
        }
        URL url = rootOnly ? null : testClass.getResource(path);
        String relative = testClass.getPackageName().replace('.', '/') + "/" + path;
        if (url == null) {
            ClassLoader loader = testClass.getClassLoader() != null ? testClass.getClassLoader()
                : Thread.currentThread().getContextClassLoader();
            url = loader.getResource(path);
        }
        if (url == null) {
            throw new ExtensionConfigurationException("fixture file '" + name + "' not found on the classpath (looked for "
                + (rootOnly ? path : relative + " and " + path) + ")");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExtensionConfigurationException("cannot read fixture file '" + name + "' (" + url + "): " + e, e);
        }
    }

    static String error(DynamoDbException e) {
        if (e.awsErrorDetails() != null) {
            return e.awsErrorDetails().errorMessage() + " (" + e.awsErrorDetails().errorCode() + ")";
        }
        return e.getMessage();
    }
}
