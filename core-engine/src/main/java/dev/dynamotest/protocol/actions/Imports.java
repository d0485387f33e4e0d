package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.engine.transfer.Transfers;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * ImportTable, DescribeImport and ListImports: a new table (TableCreationParameters, validated as CreateTable
 * validates them) filled from every object under {@code S3KeyPrefix} of the bucket in the directory standing in for
 * S3 ({@code --s3-dir}): DynamoDB JSON ({@code {"Item": {...}}} per line, as exports write it) or CSV (a header
 * line or HeaderList; key attributes take their defined type, every other value is a string), plain or GZIP. As the
 * service does, an item that cannot be read or written (malformed, without its key, of the wrong key type, too
 * large) is counted in ErrorCount and skipped; the import still completes. An import that finds no object fails
 * (ImportStatus FAILED) and leaves no table. The table is written in one commit before the answer, which says
 * IN_PROGRESS as the service's first answer does; DescribeImport then says COMPLETED.
 */
public final class Imports {
    /** Texts the service does not document; ours, pinned by ExportImportEndToEndTest. */
    static final String NOT_FOUND = "Import not found: %s";
    static final String NO_OBJECTS = "No object found in bucket %s under prefix %s";
    static final String ZSTD = "DynamoTest reads GZIP and uncompressed input only: InputCompressionType ZSTD is not supported";
    static final String ION = "DynamoTest imports DYNAMODB_JSON and CSV only: InputFormat ION is not supported";
    static final List<String> FORMATS = List.of("DYNAMODB_JSON", "ION", "CSV");
    static final List<String> COMPRESSION = List.of("GZIP", "ZSTD", "NONE");

    private Imports() {
    }

    public static final class ImportTable implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            JsonNode source = Requests.object(req, "S3BucketSource");
            String format = Requests.string(req, "InputFormat");
            String compression = Requests.string(req, "InputCompressionType");
            JsonNode creation = Requests.object(req, "TableCreationParameters");
            JsonNode options = Requests.object(req, "InputFormatOptions");
            JsonNode csv = options == null ? null : Requests.object(options, "Csv");
            ValidationErrors v = new ValidationErrors();
            String bucket = source == null ? null : Requests.string(source, "S3Bucket");
            if (v.notNull("s3BucketSource", source) && v.notNull("s3BucketSource.s3Bucket", bucket)) {
                v.maxLength("s3BucketSource.s3Bucket", bucket, 255);
                Exports.bucket(v, "s3BucketSource.s3Bucket", bucket);
            }
            if (v.notNull("inputFormat", format)) {
                v.oneOf("inputFormat", format, FORMATS);
            }
            v.oneOf("inputCompressionType", compression, COMPRESSION);
            if (v.notNull("tableCreationParameters", creation)) {
                v.notNull("tableCreationParameters.tableName", Requests.string(creation, "TableName"));
                v.notNull("tableCreationParameters.attributeDefinitions", Requests.array(creation, "AttributeDefinitions"));
                v.notNull("tableCreationParameters.keySchema", Requests.array(creation, "KeySchema"));
            }
            String delimiter = csv == null ? null : Requests.string(csv, "Delimiter");
            if (delimiter != null && !delimiter.matches("[,;:|\\t ]")) {
                v.add("Value '" + delimiter + "' at 'inputFormatOptions.csv.delimiter' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [,;:|\\t ]");
            }
            v.throwIfAny();
            if ("ION".equals(format)) {
                throw DynamoException.validation(ION);
            }
            if ("ZSTD".equals(compression)) {
                throw DynamoException.validation(ZSTD);
            }
            String token = Requests.string(req, "ClientToken");
            Transfers transfers = ctx.engine().transfers();
            if (token != null) {
                for (Transfers.Import i : transfers.imports(ctx.namespaceId())) {
                    if (token.equals(i.clientToken())) {
                        write(out, i, true);
                        return;
                    }
                }
            }
            String prefix = Requests.string(source, "S3KeyPrefix");
            List<Path> objects = objects(ctx, bucket, prefix);
            Instant start = ctx.engine().clock().instant();
            // the table as CreateTable makes it (same validation, same messages), then filled in one commit
            ObjectNode create = Json.object();
            creation.fields().forEachRemaining(e -> create.set(e.getKey(), e.getValue()));
            new CreateTable().execute(ctx, create, Json.FACTORY.createGenerator(new ByteArrayBuilder()));
            Table table = ctx.namespace().require(Requests.string(creation, "TableName"));
            String arn = table.metadata().arn() + "/import/" + Exports.newId(start);
            Transfers.Import result;
            if (objects.isEmpty()) {
                ctx.namespace().remove(table.name());
                result = new Transfers.Import(arn, "FAILED", table.metadata().arn(), table.metadata().tableId(), token,
                    bucket, Requests.string(source, "S3BucketOwner"), prefix, format, compression,
                    start, ctx.engine().clock().instant(), 0, 0, 0, 0, "InvalidS3Source",
                    String.format(NO_OBJECTS, bucket, prefix == null ? "" : prefix), req);
            } else {
                Loaded loaded = load(objects, table.metadata(), format, compression, delimiter,
                    csv == null ? null : Requests.stringList(csv, "HeaderList"));
                List<ItemChange> changes = new ArrayList<>(loaded.items.size());
                loaded.items.forEach((key, item) -> changes.add(new ItemChange(table, key, null, item)));
                table.commitPoint().atomically(List.of(table), () -> changes, CommitListener.Origin.WRITE);
                result = new Transfers.Import(arn, "COMPLETED", table.metadata().arn(), table.metadata().tableId(), token,
                    bucket, Requests.string(source, "S3BucketOwner"), prefix, format, compression,
                    start, ctx.engine().clock().instant(), loaded.bytes, loaded.processed, loaded.items.size(),
                    loaded.errors, null, null, req);
            }
            transfers.add(ctx.namespaceId(), result);
            write(out, result, false);
        }
    }

    /** Every object (regular file) of the bucket whose key starts with the prefix, in key order. */
    static List<Path> objects(RequestContext ctx, String bucket, String prefix) throws IOException {
        Path root = Exports.object(ctx, bucket, "");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                .filter(p -> prefix == null || key(root, p).startsWith(prefix))
                .sorted((a, b) -> key(root, a).compareTo(key(root, b)))
                .toList();
        }
    }

    private static String key(Path root, Path file) {
        return root.relativize(file).toString().replace(File.separatorChar, '/');
    }

    /** The items read (by key: a later one replaces an earlier one), lines processed, bytes read, errors. */
    private static final class Loaded {
        final Map<PrimaryKey, Item> items = new LinkedHashMap<>();
        long processed;
        long bytes;
        long errors;

        void add(TableMetadata metadata, Item item) {
            try {
                PrimaryKey key = metadata.keySchema().keyOfItem(item);
                if (item.sizeBytes() > Item.MAX_SIZE_BYTES) {
                    errors++;
                    return;
                }
                for (TableMetadata.IndexDefinition gsi : metadata.globalSecondaryIndexes()) {
                    AttributeValue p = item.get(gsi.keySchema().partition().name());
                    if (p != null && p.type() != gsi.keySchema().partition().type()) {
                        errors++;
                        return;
                    }
                }
                items.put(key, item);
            } catch (DynamoException e) {
                errors++;
            }
        }
    }

    private static Loaded load(List<Path> objects, TableMetadata metadata, String format, String compression,
                               String delimiter, List<String> header) throws IOException {
        Loaded loaded = new Loaded();
        for (Path object : objects) {
            loaded.bytes += Files.size(object);
            try (InputStream raw = Files.newInputStream(object);
                 InputStream in = "GZIP".equals(compression) ? new GZIPInputStream(raw, 1 << 16) : raw;
                 Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                if ("CSV".equals(format)) {
                    readCsv(reader, metadata, delimiter, header, loaded);
                } else {
                    readJson((BufferedReader) reader, metadata, loaded);
                }
            } catch (IOException e) {
                loaded.errors++; // an object that is not what InputCompressionType says, say
            }
        }
        return loaded;
    }

    private static void readJson(BufferedReader reader, TableMetadata metadata, Loaded loaded) throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            loaded.processed++;
            try {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                JsonNode node = Json.parse(bytes, 0, bytes.length);
                JsonNode item = node == null ? null : node.get("Item");
                if (item == null || !item.isObject()) {
                    loaded.errors++;
                    continue;
                }
                loaded.add(metadata, AttributeValueJson.readItem(item));
            } catch (IOException | DynamoException e) {
                loaded.errors++;
            }
        }
    }

    private static void readCsv(Reader reader, TableMetadata metadata, String delimiter, List<String> header,
                                Loaded loaded) throws IOException {
        CSVFormat.Builder f = CSVFormat.RFC4180.builder().setDelimiter(delimiter == null ? "," : delimiter);
        if (header != null && !header.isEmpty()) {
            f.setHeader(header.toArray(new String[0]));
        } else {
            f.setHeader().setSkipHeaderRecord(true);
        }
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(f.get()).get()) {
            List<String> names = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                loaded.processed++;
                try {
                    Map<String, AttributeValue> attrs = new LinkedHashMap<>();
                    for (int i = 0; i < names.size() && i < record.size(); i++) {
                        String value = record.get(i);
                        if (!value.isEmpty()) {
                            attrs.put(names.get(i), typed(metadata.attributeDefinitions().get(names.get(i)), value));
                        }
                    }
                    loaded.add(metadata, Item.of(attrs));
                } catch (DynamoException e) {
                    loaded.errors++;
                }
            }
        }
    }

    /** A CSV value: of its defined type for key attributes, a string otherwise. */
    private static AttributeValue typed(AttrType type, String value) {
        ObjectNode n = Json.object();
        if (type == null || type == AttrType.S) {
            n.put("S", value);
        } else {
            n.put(type.name(), value);
        }
        return AttributeValueJson.read(n);
    }

    static void write(JsonGenerator out, Transfers.Import i, boolean finished) throws IOException {
        out.writeStartObject();
        out.writeFieldName("ImportTableDescription");
        out.writeStartObject();
        out.writeStringField("ImportArn", i.arn());
        out.writeStringField("ImportStatus", finished ? i.status() : "IN_PROGRESS");
        out.writeStringField("TableArn", i.tableArn());
        out.writeStringField("TableId", i.tableId());
        if (i.clientToken() != null) {
            out.writeStringField("ClientToken", i.clientToken());
        }
        JsonNode req = (JsonNode) i.request();
        out.writeFieldName("S3BucketSource");
        Json.writeTree(out, req.get("S3BucketSource"));
        out.writeStringField("CloudWatchLogGroupArn", cloudWatchLogGroup(i.tableArn()));
        out.writeStringField("InputFormat", i.inputFormat());
        if (req.has("InputFormatOptions")) {
            out.writeFieldName("InputFormatOptions");
            Json.writeTree(out, req.get("InputFormatOptions"));
        }
        out.writeStringField("InputCompressionType", i.compression() == null ? "NONE" : i.compression());
        out.writeFieldName("TableCreationParameters");
        Json.writeTree(out, req.get("TableCreationParameters"));
        out.writeNumberField("StartTime", TableDescriptions.epochSeconds(i.startTime()));
        if (finished) {
            out.writeNumberField("EndTime", TableDescriptions.epochSeconds(i.endTime()));
            out.writeNumberField("ProcessedSizeBytes", i.processedSizeBytes());
            out.writeNumberField("ProcessedItemCount", i.processedItemCount());
            out.writeNumberField("ImportedItemCount", i.importedItemCount());
            out.writeNumberField("ErrorCount", i.errorCount());
            if (i.failureCode() != null) {
                out.writeStringField("FailureCode", i.failureCode());
                out.writeStringField("FailureMessage", i.failureMessage());
            }
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    /** Where the service logs an import's item errors. */
    static String cloudWatchLogGroup(String tableArn) {
        String[] p = tableArn.split(":");
        return "arn:aws:logs:" + p[3] + ":" + p[4] + ":log-group:/aws-dynamodb/imports:*";
    }

    public static final class DescribeImport implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "ImportArn");
            ValidationErrors v = new ValidationErrors();
            if (v.notNull("importArn", arn)) {
                v.minLength("importArn", arn, 37);
                v.maxLength("importArn", arn, 1024);
            }
            v.throwIfAny();
            for (Transfers.Import i : ctx.engine().transfers().imports(ctx.namespaceId())) {
                if (i.arn().equals(arn)) {
                    write(out, i, true);
                    return;
                }
            }
            throw new DynamoException(ErrorTypes.IMPORT_NOT_FOUND, String.format(NOT_FOUND, arn), 400);
        }
    }

    public static final class ListImports implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableArn = Requests.string(req, "TableArn");
            Long size = Requests.integer(req, "PageSize");
            String next = Requests.string(req, "NextToken");
            ValidationErrors v = new ValidationErrors();
            v.min("pageSize", size, 1);
            v.max("pageSize", size, 25);
            v.throwIfAny();
            List<Transfers.Import> all = ctx.engine().transfers().imports(ctx.namespaceId()).stream()
                .filter(i -> tableArn == null || i.tableArn().equals(tableArn)).toList();
            int[] page = Exports.page(all, Transfers.Import::arn, next, size);
            int from = page[0];
            int to = page[1];
            out.writeStartObject();
            out.writeArrayFieldStart("ImportSummaryList");
            for (Transfers.Import i : all.subList(from, to)) {
                JsonNode req2 = (JsonNode) i.request();
                out.writeStartObject();
                out.writeStringField("ImportArn", i.arn());
                out.writeStringField("ImportStatus", i.status());
                out.writeStringField("TableArn", i.tableArn());
                out.writeFieldName("S3BucketSource");
                Json.writeTree(out, req2.get("S3BucketSource"));
                out.writeStringField("CloudWatchLogGroupArn", cloudWatchLogGroup(i.tableArn()));
                out.writeStringField("InputFormat", i.inputFormat());
                out.writeNumberField("StartTime", TableDescriptions.epochSeconds(i.startTime()));
                out.writeNumberField("EndTime", TableDescriptions.epochSeconds(i.endTime()));
                out.writeEndObject();
            }
            out.writeEndArray();
            if (to < all.size()) {
                out.writeStringField("NextToken", all.get(to).arn());
            }
            out.writeEndObject();
        }
    }
}
