package dev.dynamotest.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.Backup;
import dev.dynamotest.engine.table.IndexLayout;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.table.TableMetadata;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engine state being rebuilt from disk (a snapshot file, then the log records after it), as plain immutable
 * values; {@link #install} hands it to an engine at once. Every record sets absolute state (an item's new value, a
 * table's whole metadata), so replaying a record that the snapshot already holds changes nothing.
 */
final class EngineImage {
    final Map<NamespaceId, Ns> namespaces = new LinkedHashMap<>();

    static final class Ns {
        final LinkedHashMap<String, TableState> tables = new LinkedHashMap<>();
        final List<Backup> backups = new ArrayList<>();
    }

    static final class TableState {
        TableMetadata metadata;
        TableData data;

        TableState(TableMetadata metadata, TableData data) {
            this.metadata = metadata;
            this.data = data;
        }

        void put(Item item) {
            PrimaryKey key = metadata.keySchema().keyOfItem(item);
            data = data.with(key, data.get(key), item);
        }

        void delete(PrimaryKey key) {
            Item old = data.get(key);
            if (old != null) {
                data = data.with(key, old, null);
            }
        }
    }

    Ns ns(NamespaceId id) {
        return namespaces.computeIfAbsent(id, k -> new Ns());
    }

    /** An empty table with the metadata's indexes, replacing any of that name. */
    TableState createTable(NamespaceId id, TableMetadata metadata) {
        TableState t = new TableState(metadata, TableData.empty(IndexLayout.of(metadata)));
        ns(id).tables.put(metadata.name(), t);
        return t;
    }

    /** Applies one log record. */
    void apply(JsonNode record) throws IOException {
        NamespaceId id = StateJson.readNamespace(record);
        Ns ns = ns(id);
        switch (record.get("op").textValue()) {
            case DurableStore.OP_COMMIT -> {
                for (JsonNode c : record.get("changes")) {
                    TableState t = ns.tables.get(c.get("table").textValue());
                    if (t == null) {
                        throw new IOException("a commit names table " + c.get("table").textValue() + " that does not exist");
                    }
                    if (c.has("put")) {
                        t.put(StateJson.readItem(c.get("put")));
                    } else {
                        t.delete(StateJson.readKey(t.metadata.keySchema(), c.get("delete")));
                    }
                }
            }
            case DurableStore.OP_CREATE -> {
                TableState t = createTable(id, StateJson.readMetadata(record.get("table")));
                for (JsonNode item : record.get("items")) {
                    t.put(StateJson.readItem(item));
                }
            }
            case DurableStore.OP_METADATA -> {
                TableMetadata m = StateJson.readMetadata(record.get("table"));
                TableState t = ns.tables.get(m.name());
                if (t == null) {
                    createTable(id, m);
                } else {
                    t.metadata = m;
                    List<IndexLayout> layouts = IndexLayout.of(m);
                    if (!layouts.equals(t.data.layouts())) {
                        t.data = t.data.withLayouts(layouts);
                    }
                }
            }
            case DurableStore.OP_DROP -> ns.tables.remove(record.get("name").textValue());
            case DurableStore.OP_RESTORE -> {
                ns.tables.clear();
                ns.backups.clear();
                for (JsonNode table : record.get("tables")) {
                    TableState t = createTable(id, StateJson.readMetadata(table.get("table")));
                    for (JsonNode item : table.get("items")) {
                        t.put(StateJson.readItem(item));
                    }
                }
                for (JsonNode b : record.get("backups")) {
                    ns.backups.add(readBackup(b));
                }
            }
            case DurableStore.OP_BACKUP -> ns.backups.add(readBackup(record.get("backup")));
            case DurableStore.OP_UNBACKUP -> {
                String arn = record.get("arn").textValue();
                ns.backups.removeIf(b -> b.arn().equals(arn));
            }
            default -> throw new IOException("unknown record " + record.get("op"));
        }
    }

    static Backup readBackup(JsonNode b) throws IOException {
        TableMetadata source = StateJson.readMetadata(b.get("source"));
        TableState t = new TableState(source, TableData.empty(IndexLayout.of(source)));
        for (JsonNode item : b.get("items")) {
            t.put(StateJson.readItem(item));
        }
        return backup(b, source, t.data);
    }

    static Backup backup(JsonNode b, TableMetadata source, TableData data) {
        return new Backup(b.get("arn").textValue(), b.get("name").textValue(), b.get("type").textValue(),
            Instant.parse(b.get("creationTime").textValue()), source, data);
    }

    /**
     * Puts every namespace of the image into the engine: each namespace named in the image gets the image's tables
     * (replacing tables of the same name; {@code replace} drops the namespace's other tables and backups too).
     */
    void install(Engine engine, boolean replace) {
        namespaces.forEach((id, ns) -> install(engine.namespace(id), ns, replace));
    }

    /** Installs the image's one namespace into {@code target} (see {@link #install(Engine, boolean)}). */
    void install(Namespace target, boolean replace) {
        namespaces.values().forEach(ns -> install(target, ns, replace));
    }

    private static void install(Namespace target, Ns ns, boolean replace) {
        LinkedHashMap<String, Namespace.Snapshot.Entry> entries = new LinkedHashMap<>();
        List<Backup> backups = new ArrayList<>();
        if (!replace) {
            Namespace.Snapshot current = target.snapshot();
            current.entries().forEach(e -> entries.put(e.metadata().name(), e));
            backups.addAll(current.backups());
        }
        ns.tables.forEach((name, t) -> entries.put(name, new Namespace.Snapshot.Entry(t.metadata, t.data)));
        for (Backup b : ns.backups) {
            backups.removeIf(x -> x.arn().equals(b.arn()));
            backups.add(b);
        }
        target.restore(new Namespace.Snapshot(new ArrayList<>(entries.values()), backups));
    }
}
