package dev.dynamotest.persist;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.Backup;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.IndexLayout;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Portable snapshots of an engine: every table (its settings and items) and every on-demand backup of every
 * namespace, or of the tables a filter chooses, in one file of JSON lines (format in {@code docs/snapshots.md}):
 * <pre>
 * {"format":"dynamotest-snapshot","version":1}
 * {"namespace":{"region":"us-east-1","accessKey":""},"table":{...the table's settings...}}
 * {"item":{"pk":{"S":"a"},...}}            one line per item of the table above, in DynamoDB JSON
 * {"namespace":{...},"backup":{"arn":...,"name":...,"type":"USER","creationTime":...},"source":{...}}
 * {"item":{...}}                           the items of the backup above
 * </pre>
 * The durable store ({@code -dbPath}) writes its checkpoints in this format too.
 */
public final class EngineSnapshots {
    static final String FORMAT = "dynamotest-snapshot";
    static final int VERSION = 1;

    private EngineSnapshots() {
    }

    /** One namespace's tables and backups, captured as immutable values. */
    record Captured(NamespaceId id, List<Namespace.Snapshot.Entry> tables, List<Backup> backups) {
    }

    /**
     * Captures the chosen tables of every namespace as one consistent state: the tables are locked together (in
     * the commit point's order) just long enough to take their immutable values; {@code whileLocked} runs inside.
     */
    static List<Captured> capture(Engine engine, BiPredicate<NamespaceId, String> tables, Runnable whileLocked) {
        List<Table> all = new ArrayList<>();
        for (Namespace ns : engine.namespaces()) {
            for (Table t : ns.tables()) {
                if (tables.test(ns.id(), t.name())) {
                    all.add(t);
                }
            }
        }
        List<Captured> out = new ArrayList<>();
        engine.commitPoint().atomically(all, () -> {
            for (Namespace ns : engine.namespaces()) {
                List<Namespace.Snapshot.Entry> entries = new ArrayList<>();
                for (Table t : all) {
                    if (t.namespaceId().equals(ns.id())) {
                        entries.add(new Namespace.Snapshot.Entry(t.metadata(), t.data()));
                    }
                }
                List<Backup> backups = new ArrayList<>();
                for (Backup b : ns.backups()) {
                    if (tables.test(ns.id(), b.source().name())) {
                        backups.add(b);
                    }
                }
                if (!entries.isEmpty() || !backups.isEmpty()) {
                    out.add(new Captured(ns.id(), entries, backups));
                }
            }
            if (whileLocked != null) {
                whileLocked.run();
            }
            return List.of();
        }, CommitListener.Origin.WRITE);
        return out;
    }

    static void write(List<Captured> state, OutputStream out) throws IOException {
        try (JsonGenerator g = StateJson.MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeEndObject();
            for (Captured c : state) {
                for (Namespace.Snapshot.Entry e : c.tables()) {
                    g.writeStartObject();
                    StateJson.writeNamespace(g, c.id());
                    StateJson.writeMetadata(g, "table", e.metadata());
                    g.writeEndObject();
                    writeItems(g, e.data());
                }
                for (Backup b : c.backups()) {
                    g.writeStartObject();
                    StateJson.writeNamespace(g, c.id());
                    g.writeObjectFieldStart("backup");
                    g.writeStringField("arn", b.arn());
                    g.writeStringField("name", b.name());
                    g.writeStringField("type", b.type());
                    g.writeStringField("creationTime", b.creationTime().toString());
                    g.writeEndObject();
                    StateJson.writeMetadata(g, "source", b.source());
                    g.writeEndObject();
                    writeItems(g, b.data());
                }
            }
            g.writeRaw('\n');
        }
    }

    private static void writeItems(JsonGenerator g, TableData data) throws IOException {
        for (Item item : data.allItems()) {
            g.writeStartObject();
            StateJson.writeItem(g, "item", item);
            g.writeEndObject();
        }
    }

    /** Reads a snapshot file into an image (nothing is installed). */
    static EngineImage read(InputStream in) throws IOException {
        EngineImage image = new EngineImage();
        try (MappingIterator<JsonNode> lines = StateJson.MAPPER.readerFor(JsonNode.class).readValues(in)) {
            if (!lines.hasNext()) {
                throw new IOException("not a DynamoTest snapshot: the file is empty");
            }
            JsonNode header = lines.next();
            if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
                throw new IOException("not a DynamoTest snapshot (version " + VERSION + "): the first line is " + header);
            }
            EngineImage.TableState current = null;
            JsonNode backupHeader = null;
            EngineImage.TableState backupItems = null;
            NamespaceId backupNs = null;
            while (lines.hasNext()) {
                JsonNode line = lines.next();
                if (line.has("item")) {
                    EngineImage.TableState target = backupItems != null ? backupItems : current;
                    if (target == null) {
                        throw new IOException("an item line comes before any table line");
                    }
                    target.put(StateJson.readItem(line.get("item")));
                    continue;
                }
                if (backupItems != null) {
                    image.ns(backupNs).backups.add(EngineImage.backup(backupHeader, backupItems.metadata, backupItems.data));
                    backupItems = null;
                }
                NamespaceId id = StateJson.readNamespace(line);
                if (line.has("table")) {
                    current = image.createTable(id, StateJson.readMetadata(line.get("table")));
                } else if (line.has("backup")) {
                    current = null;
                    backupNs = id;
                    backupHeader = line.get("backup");
                    var source = StateJson.readMetadata(line.get("source"));
                    backupItems = new EngineImage.TableState(source, TableData.empty(IndexLayout.of(source)));
                } else {
                    throw new IOException("unknown snapshot line: " + line);
                }
            }
            if (backupItems != null) {
                image.ns(backupNs).backups.add(EngineImage.backup(backupHeader, backupItems.metadata, backupItems.data));
            }
        } catch (RuntimeException e) {
            throw new IOException("damaged snapshot: " + e.getMessage(), e);
        }
        return image;
    }

    /** Writes every table and backup of every namespace to {@code out}. */
    public static void save(Engine engine, OutputStream out) throws IOException {
        save(engine, (ns, table) -> true, out);
    }

    /** Writes the tables (and their backups) that {@code tables} accepts, by namespace and table name. */
    public static void save(Engine engine, BiPredicate<NamespaceId, String> tables, OutputStream out) throws IOException {
        write(capture(engine, tables, null), out);
    }

    /** Writes every table and backup to a file. */
    public static void save(Engine engine, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            save(engine, out);
        }
    }

    /**
     * Loads a snapshot into the engine: its tables replace tables of the same name in their namespaces (other tables
     * stay), its backups are added. A damaged file loads nothing.
     */
    public static void load(Engine engine, InputStream in) throws IOException {
        read(in).install(engine, false);
    }

    /**
     * Loads every table and backup of a snapshot into one namespace, whatever namespace the file recorded (a test
     * seeding its own namespace from a shared scenario): tables of the same name are replaced, others stay. ARNs keep
     * the region and account they were saved with.
     */
    public static void loadInto(Namespace target, InputStream in) throws IOException {
        EngineImage image = read(in);
        EngineImage merged = new EngineImage();
        EngineImage.Ns into = merged.ns(target.id());
        image.namespaces.values().forEach(ns -> {
            into.tables.putAll(ns.tables);
            into.backups.addAll(ns.backups);
        });
        merged.install(target, false);
    }

    /** Whether {@code firstLine} is the header line of a snapshot file. */
    public static boolean isSnapshot(String content) {
        int end = content.indexOf('\n');
        String first = (end < 0 ? content : content.substring(0, end)).replace(" ", "");
        return first.startsWith("{") && first.contains("\"format\":\"" + FORMAT + "\"");
    }

    /** Loads a snapshot file (see {@link #load(Engine, InputStream)}). */
    public static void load(Engine engine, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            load(engine, in);
        }
    }
}
