package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.PitrHistory;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.transfer.Transfers;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * ExportTableToPointInTime, DescribeExport and ListExports: a full export of a table as it was at ExportTime (from
 * the PITR history, so the table must have PITR enabled and the time must lie in its restorable window), written in
 * the service's layout to the directory standing in for S3 ({@code --s3-dir}; bucket = sub-directory):
 * {@code [prefix/]AWSDynamoDB/<export id>/} with {@code _started}, {@code manifest-summary.json},
 * {@code manifest-files.json}, their {@code .md5} files and {@code data/<name>.json.gz} of {@code {"Item": {...}}}
 * lines. The export is written before the answer, which says IN_PROGRESS as the service's first answer does;
 * DescribeExport then says COMPLETED.
 */
public final class Exports {
    /** Texts the service does not document; ours, pinned by ExportImportEndToEndTest. */
    static final String OUTSIDE_WINDOW = "Export time is outside the point in time recovery window of table '%s': it must be between %s and %s";
    static final String NOT_FOUND = "Export not found: %s";
    static final String UNSUPPORTED = "DynamoTest exports %s only: %s is not supported";
    static final List<String> FORMATS = List.of("DYNAMODB_JSON", "ION");
    static final List<String> TYPES = List.of("FULL_EXPORT", "INCREMENTAL_EXPORT");
    static final List<String> SSE = List.of("AES256", "KMS");
    static final String MANIFEST_VERSION = "2020-06-30";

    private Exports() {
    }

    /** An id shaped like the service's: 14 digits of epoch milliseconds, a dash, 8 hex digits. */
    static String newId(Instant now) {
        return String.format("%014d-%08x", now.toEpochMilli(), ThreadLocalRandom.current().nextInt());
    }

    /** The file of S3 object {@code key} in {@code bucket}. */
    static Path object(RequestContext ctx, String bucket, String key) {
        Path root = ctx.engine().transfers().s3Root();
        Path p = root.resolve(bucket).resolve(key).normalize();
        if (!p.startsWith(root.resolve(bucket).normalize())) {
            throw DynamoException.validation("Invalid S3 key: " + key);
        }
        return p;
    }

    static String key(String prefix, String rest) {
        if (prefix == null || prefix.isEmpty()) {
            return rest;
        }
        return prefix.endsWith("/") ? prefix + rest : prefix + "/" + rest;
    }

    public static final class ExportTableToPointInTime implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableArn = Requests.string(req, "TableArn");
            String bucket = Requests.string(req, "S3Bucket");
            String prefix = Requests.string(req, "S3Prefix");
            String format = Requests.string(req, "ExportFormat");
            String type = Requests.string(req, "ExportType");
            String sse = Requests.string(req, "S3SseAlgorithm");
            String token = Requests.string(req, "ClientToken");
            Instant time = Requests.timestamp(req, "ExportTime");
            ValidationErrors v = new ValidationErrors();
            if (v.notNull("tableArn", tableArn)) {
                v.maxLength("tableArn", tableArn, 1024);
            }
            if (v.notNull("s3Bucket", bucket)) {
                v.maxLength("s3Bucket", bucket, 255);
                bucket(v, "s3Bucket", bucket);
            }
            v.maxLength("s3Prefix", prefix, 1024);
            v.oneOf("exportFormat", format, FORMATS);
            v.oneOf("exportType", type, TYPES);
            v.oneOf("s3SseAlgorithm", sse, SSE);
            v.throwIfAny();
            if ("ION".equals(format)) {
                throw DynamoException.validation(String.format(UNSUPPORTED, "DYNAMODB_JSON", "ExportFormat ION"));
            }
            if ("INCREMENTAL_EXPORT".equals(type)) {
                throw DynamoException.validation(String.format(UNSUPPORTED, "FULL_EXPORT", "ExportType INCREMENTAL_EXPORT"));
            }
            Transfers transfers = ctx.engine().transfers();
            if (token != null) {
                for (Transfers.Export e : transfers.exports(ctx.namespaceId())) {
                    if (token.equals(e.clientToken())) {
                        write(out, e, true);
                        return;
                    }
                }
            }
            Table table = Tables.backupSource(ctx, tableArn);
            Instant[] window = ContinuousBackups.window(ctx, table);
            if (window == null) {
                throw new DynamoException(ErrorTypes.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
                    String.format(RestoreTableToPointInTime.PITR_NOT_ENABLED, table.name()), 400);
            }
            Instant start = ctx.engine().clock().instant().truncatedTo(ChronoUnit.MILLIS);
            Instant when = time == null ? window[1] : time;
            PitrHistory.Version version = when.isBefore(window[0]) || when.isAfter(window[1]) ? null
                : ctx.engine().pitr().at(table, when);
            if (version == null) {
                throw new DynamoException(ErrorTypes.INVALID_EXPORT_TIME, String.format(OUTSIDE_WINDOW, table.name(),
                    window[0], window[1]), 400);
            }
            String id = newId(start);
            String arn = table.metadata().arn() + "/export/" + id;
            String base = key(prefix, "AWSDynamoDB/" + id + "/");
            long[] counts = writeFiles(ctx, bucket, base, arn, version.data());
            Transfers.Export e = new Transfers.Export(arn, "COMPLETED", start, ctx.engine().clock().instant(),
                base + "manifest-summary.json", table.metadata().arn(), table.metadata().tableId(), when, token, bucket,
                Requests.string(req, "S3BucketOwner"), prefix, sse == null ? "AES256" : sse,
                Requests.string(req, "S3SseKmsKeyId"), "DYNAMODB_JSON", counts[1], counts[0], "FULL_EXPORT", null, null);
            writeManifestSummary(ctx, e);
            transfers.add(ctx.namespaceId(), e);
            write(out, e, false);
        }
    }

    /** Writes {@code _started} and the data file; returns {item count, bytes of the items}. */
    private static long[] writeFiles(RequestContext ctx, String bucket, String base, String arn, TableData data)
        throws IOException {
        Path started = object(ctx, bucket, base + "_started");
        Files.createDirectories(started.getParent());
        Files.write(started, new byte[0]);
        String dataKey = base + "data/" + randomName() + ".json.gz";
        Path file = object(ctx, bucket, dataKey);
        Files.createDirectories(file.getParent());
        long items = 0;
        long bytes = 0;
        try (OutputStream raw = Files.newOutputStream(file);
             GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
             JsonGenerator g = Json.FACTORY.createGenerator(gz)) {
            g.setRootValueSeparator(null);
            for (Item item : data.allItems()) {
                g.writeStartObject();
                AttributeValueJson.writeItemField(g, "Item", item);
                g.writeEndObject();
                g.writeRaw('\n');
                items++;
                bytes += item.sizeBytes();
            }
        }
        byte[] md5 = md5(Files.readAllBytes(file));
        String line = "{\"itemCount\":" + items + ",\"md5Checksum\":\"" + Base64.getEncoder().encodeToString(md5)
            + "\",\"etag\":\"" + HexFormat.of().formatHex(md5) + "\",\"dataFileS3Key\":\"" + dataKey + "\"}\n";
        writeWithMd5(ctx, bucket, base + "manifest-files", line.getBytes(StandardCharsets.UTF_8));
        return new long[] {items, bytes};
    }

    private static void writeManifestSummary(RequestContext ctx, Transfers.Export e) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(buf)) {
            g.writeStartObject();
            g.writeStringField("version", MANIFEST_VERSION);
            g.writeStringField("exportArn", e.arn());
            g.writeStringField("startTime", e.startTime().toString());
            g.writeStringField("endTime", e.endTime().toString());
            g.writeStringField("tableArn", e.tableArn());
            g.writeStringField("tableId", e.tableId());
            g.writeStringField("exportTime", e.exportTime().toString());
            g.writeStringField("s3Bucket", e.s3Bucket());
            g.writeStringField("s3Prefix", e.s3Prefix());
            g.writeStringField("s3SseAlgorithm", e.s3SseAlgorithm());
            g.writeStringField("s3SseKmsKeyId", e.s3SseKmsKeyId());
            g.writeStringField("manifestFilesS3Key", e.manifest().replace("manifest-summary.json", "manifest-files.json"));
            g.writeNumberField("billedSizeBytes", e.billedSizeBytes());
            g.writeNumberField("itemCount", e.itemCount());
            g.writeStringField("outputFormat", e.format());
            g.writeStringField("exportType", e.type());
            g.writeEndObject();
        }
        writeWithMd5(ctx, e.s3Bucket(), e.manifest().replace(".json", ""), buf.toByteArray());
    }

    /** Writes {@code <name>.json} and {@code <name>.md5} (its MD5 in hex), as the service does for manifests. */
    private static void writeWithMd5(RequestContext ctx, String bucket, String name, byte[] content) throws IOException {
        Files.write(object(ctx, bucket, name + ".json"), content);
        Files.writeString(object(ctx, bucket, name + ".md5"), HexFormat.of().formatHex(md5(content)));
    }

    static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomName() {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(26);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 26; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    /** {@code {"ExportDescription": {...}}}; the first answer is IN_PROGRESS, without what only a finished export has. */
    static void write(JsonGenerator out, Transfers.Export e, boolean finished) throws IOException {
        out.writeStartObject();
        out.writeFieldName("ExportDescription");
        description(out, e, finished);
        out.writeEndObject();
    }

    private static void description(JsonGenerator out, Transfers.Export e, boolean finished) throws IOException {
        out.writeStartObject();
        out.writeStringField("ExportArn", e.arn());
        out.writeStringField("ExportStatus", finished ? e.status() : "IN_PROGRESS");
        out.writeNumberField("StartTime", TableDescriptions.epochSeconds(e.startTime()));
        if (finished) {
            out.writeNumberField("EndTime", TableDescriptions.epochSeconds(e.endTime()));
            out.writeStringField("ExportManifest", e.manifest());
        }
        out.writeStringField("TableArn", e.tableArn());
        out.writeStringField("TableId", e.tableId());
        out.writeNumberField("ExportTime", TableDescriptions.epochSeconds(e.exportTime()));
        if (e.clientToken() != null) {
            out.writeStringField("ClientToken", e.clientToken());
        }
        out.writeStringField("S3Bucket", e.s3Bucket());
        if (e.s3BucketOwner() != null) {
            out.writeStringField("S3BucketOwner", e.s3BucketOwner());
        }
        if (e.s3Prefix() != null) {
            out.writeStringField("S3Prefix", e.s3Prefix());
        }
        out.writeStringField("S3SseAlgorithm", e.s3SseAlgorithm());
        if (e.s3SseKmsKeyId() != null) {
            out.writeStringField("S3SseKmsKeyId", e.s3SseKmsKeyId());
        }
        out.writeStringField("ExportFormat", e.format());
        if (finished) {
            out.writeNumberField("BilledSizeBytes", e.billedSizeBytes());
            out.writeNumberField("ItemCount", e.itemCount());
        }
        out.writeStringField("ExportType", e.type());
        out.writeEndObject();
    }

    public static final class DescribeExport implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "ExportArn");
            ValidationErrors v = new ValidationErrors();
            if (v.notNull("exportArn", arn)) {
                v.minLength("exportArn", arn, 37);
                v.maxLength("exportArn", arn, 1024);
            }
            v.throwIfAny();
            for (Transfers.Export e : ctx.engine().transfers().exports(ctx.namespaceId())) {
                if (e.arn().equals(arn)) {
                    write(out, e, true);
                    return;
                }
            }
            throw new DynamoException(ErrorTypes.EXPORT_NOT_FOUND, String.format(NOT_FOUND, arn), 400);
        }
    }

    public static final class ListExports implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableArn = Requests.string(req, "TableArn");
            Long max = Requests.integer(req, "MaxResults");
            String next = Requests.string(req, "NextToken");
            ValidationErrors v = new ValidationErrors();
            v.min("maxResults", max, 1);
            v.max("maxResults", max, 25);
            v.throwIfAny();
            List<Transfers.Export> all = ctx.engine().transfers().exports(ctx.namespaceId()).stream()
                .filter(e -> tableArn == null || e.tableArn().equals(tableArn)).toList();
            int[] page = page(all, Transfers.Export::arn, next, max);
            int from = page[0];
            int to = page[1];
            out.writeStartObject();
            out.writeArrayFieldStart("ExportSummaries");
            for (Transfers.Export e : all.subList(from, to)) {
                out.writeStartObject();
                out.writeStringField("ExportArn", e.arn());
                out.writeStringField("ExportStatus", e.status());
                out.writeStringField("ExportType", e.type());
                out.writeEndObject();
            }
            out.writeEndArray();
            if (to < all.size()) {
                out.writeStringField("NextToken", all.get(to).arn());
            }
            out.writeEndObject();
        }
    }

    /**
     * The page {@code [from, to)} of a list whose NextToken is the ARN of the first entry not yet returned; at most
     * {@code limit} entries (25 when not given). An unknown token is a ValidationException.
     */
    static <T> int[] page(List<T> all, Function<T, String> arn, String next, Long limit) {
        int from = 0;
        if (next != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (arn.apply(all.get(i)).equals(next)) {
                    from = i;
                }
            }
            if (from < 0) {
                throw DynamoException.validation("Invalid NextToken");
            }
        }
        return new int[] {from, Math.min(all.size(), from + (limit == null ? 25 : limit.intValue()))};
    }

    static final Pattern BUCKET = Pattern.compile("^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");

    /** The model's S3Bucket pattern (which also keeps a bucket name from leaving the S3 directory). */
    static void bucket(ValidationErrors v, String member, String bucket) {
        if (!BUCKET.matcher(bucket).matches()) {
            v.add("Value '" + bucket + "' at '" + member + "' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: " + BUCKET.pattern());
        }
    }
}
