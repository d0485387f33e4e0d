package dev.dynamotest.engine.transfer;

import dev.dynamotest.engine.table.NamespaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table exports (ExportTableToPointInTime) and imports (ImportTable) of every namespace, and the directory that
 * stands in for Amazon S3: bucket {@code B}, key {@code K} is the file {@code root/B/K}. The root is
 * {@code --s3-dir DIR}, or a temporary directory made on first use.
 */
public final class Transfers {
    private final Map<NamespaceId, List<Export>> exports = new ConcurrentHashMap<>();
    private final Map<NamespaceId, List<Import>> imports = new ConcurrentHashMap<>();
    private volatile Path s3Root;

    /** A finished export as DescribeExport reports it. */
    public record Export(String arn, String status, Instant startTime, Instant endTime, String manifest, String tableArn,
                         String tableId, Instant exportTime, String clientToken, String s3Bucket, String s3BucketOwner,
                         String s3Prefix, String s3SseAlgorithm, String s3SseKmsKeyId, String format, long billedSizeBytes,
                         long itemCount, String type, String failureCode, String failureMessage) {
    }

    /** A finished import as DescribeImport reports it; {@code request} holds the request's own members as given. */
    public record Import(String arn, String status, String tableArn, String tableId, String clientToken, String s3Bucket,
                         String s3BucketOwner, String s3KeyPrefix, String inputFormat, String compression,
                         Instant startTime, Instant endTime, long processedSizeBytes, long processedItemCount,
                         long importedItemCount, long errorCount, String failureCode, String failureMessage,
                         Object request) {
    }

    /** Where buckets live: each bucket is a sub-directory. */
    public Path s3Root() {
        Path root = s3Root;
        if (root == null) {
            synchronized (this) {
                if (s3Root == null) {
                    try {
                        s3Root = Files.createTempDirectory("dynamotest-s3");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                root = s3Root;
            }
        }
        return root;
    }

    public void s3Root(Path root) {
        this.s3Root = root;
    }

    public synchronized void add(NamespaceId ns, Export e) {
        exports.computeIfAbsent(ns, k -> new ArrayList<>()).add(e);
    }

    public synchronized void add(NamespaceId ns, Import i) {
        imports.computeIfAbsent(ns, k -> new ArrayList<>()).add(i);
    }

    /** The namespace's exports, oldest first. */
    public synchronized List<Export> exports(NamespaceId ns) {
        return List.copyOf(exports.getOrDefault(ns, List.of()));
    }

    /** The namespace's imports, oldest first. */
    public synchronized List<Import> imports(NamespaceId ns) {
        return List.copyOf(imports.getOrDefault(ns, List.of()));
    }

    /** Forgets every export and import (the files stay where they were written). */
    public synchronized void clear() {
        exports.clear();
        imports.clear();
    }
}
