package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;

/**
 * ExportTableToPointInTime/ImportTable through the SDK, against a directory standing in for S3: the files an export
 * writes are the service's layout, an export imports back into an equal table, CSV imports count their bad rows.
 */
class ExportImportEndToEndTest {
    @TempDir
    static Path s3;
    static DynamoTestServer server;
    static DynamoDbClient client;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = DynamoTestServer.builder().port(0).start();
        server.engine().transfers().s3Root(s3);
        client = ServerFixture.client(server.endpoint(), "us-east-1");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String table(String prefix, boolean pitr, int items) {
        String name = ServerFixture.uniqueName(prefix);
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build()));
        if (pitr) {
            client.updateContinuousBackups(b -> b.tableName(name).pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        }
        for (int i = 0; i < items; i++) {
            int n = i;
            client.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("p" + (n % 2)),
                "n", AttributeValue.fromN(Integer.toString(n)), "tags", AttributeValue.fromSs(List.of("x", "y" + n)))));
        }
        return name;
    }

    private static String arn(String table) {
        return client.describeTable(b -> b.tableName(table)).table().tableArn();
    }

    private static TableCreationParameters params(String name) {
        return TableCreationParameters.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build()).build();
    }

    @Test
    void anExportWritesTheServicesLayoutAndImportsBackIntoAnEqualTable() throws IOException {
        String source = table("export-src", true, 7);
        ExportDescription started = client.exportTableToPointInTime(b -> b.tableArn(arn(source)).s3Bucket("my-bucket")
            .s3Prefix("exports/nightly")).exportDescription();
        assertThat(started.exportStatus()).isEqualTo(ExportStatus.IN_PROGRESS);
        assertThat(started.exportArn()).matches(arn(source).replace(".", "\\.") + "/export/\\d{14}-[0-9a-f]{8}");
        ExportDescription done = client.describeExport(b -> b.exportArn(started.exportArn())).exportDescription();
        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.itemCount()).isEqualTo(7);
        String id = started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1);
        assertThat(done.exportManifest()).isEqualTo("exports/nightly/AWSDynamoDB/" + id + "/manifest-summary.json");

        Path base = s3.resolve("my-bucket/exports/nightly/AWSDynamoDB/" + id);
        assertThat(base.resolve("_started")).exists();
        JsonNode summary = JSON.readTree(base.resolve("manifest-summary.json").toFile());
        assertThat(summary.get("exportArn").asText()).isEqualTo(started.exportArn());
        assertThat(summary.get("itemCount").asLong()).isEqualTo(7);
        assertThat(summary.get("outputFormat").asText()).isEqualTo("DYNAMODB_JSON");
        JsonNode files = JSON.readTree(base.resolve("manifest-files.json").toFile());
        assertThat(files.get("itemCount").asLong()).isEqualTo(7);
        Path data = s3.resolve("my-bucket").resolve(files.get("dataFileS3Key").asText());
        List<String> lines;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(data))) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(lines).hasSize(7).allSatisfy(l -> assertThat(l).startsWith("{\"Item\":{"));

        String copy = ServerFixture.uniqueName("import-copy");
        ImportTableDescription imported = client.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("my-bucket")
                .s3KeyPrefix("exports/nightly/AWSDynamoDB/" + id + "/data/"))
            .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.GZIP)
            .tableCreationParameters(params(copy))).importTableDescription();
        assertThat(imported.importStatus()).isEqualTo(ImportStatus.IN_PROGRESS);
        ImportTableDescription finished = client.describeImport(b -> b.importArn(imported.importArn())).importTableDescription();
        assertThat(finished.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(finished.importedItemCount()).isEqualTo(7);
        assertThat(finished.errorCount()).isZero();
        assertThat(client.scan(b -> b.tableName(copy)).items())
            .containsExactlyInAnyOrderElementsOf(client.scan(b -> b.tableName(source)).items());
        assertThat(client.listImports(b -> b.tableArn(arn(copy))).importSummaryList())
            .extracting(s -> s.importArn()).containsExactly(imported.importArn());
    }

    @Test
    void anExportIsOfTheTableAsItWasAtExportTime() throws Exception {
        String source = table("export-time", true, 2);
        Thread.sleep(5);
        Instant before = Instant.now();
        Thread.sleep(5);
        client.putItem(b -> b.tableName(source).item(Map.of("pk", AttributeValue.fromS("late"), "n", AttributeValue.fromN("9"))));
        ExportDescription e = client.exportTableToPointInTime(b -> b.tableArn(arn(source)).s3Bucket("b2").exportTime(before))
            .exportDescription();
        assertThat(client.describeExport(b -> b.exportArn(e.exportArn())).exportDescription().itemCount()).isEqualTo(2);
    }

    @Test
    void exportsNeedPitrAndATimeInItsWindow() {
        String noPitr = table("export-nopitr", false, 1);
        assertThatThrownBy(() -> client.exportTableToPointInTime(b -> b.tableArn(arn(noPitr)).s3Bucket("bk")))
            .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PointInTimeRecoveryUnavailableException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Point in time recovery is not enabled for table '" + noPitr + "'");
            });
        String pitr = table("export-window", true, 1);
        assertThatThrownBy(() -> client.exportTableToPointInTime(b -> b.tableArn(arn(pitr)).s3Bucket("bk")
            .exportTime(Instant.parse("2001-01-01T00:00:00Z"))))
            .isInstanceOfSatisfying(DynamoDbException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidExportTimeException"));
        assertThatThrownBy(() -> client.exportTableToPointInTime(b -> b.tableArn(arn(pitr)).s3Bucket("../escape")))
            .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                .startsWith("1 validation error detected: Value '../escape' at 's3Bucket' failed to satisfy constraint"));
        assertThatThrownBy(() -> client.describeExport(b -> b.exportArn(arn(pitr) + "/export/01234567890123-00000000")))
            .isInstanceOfSatisfying(DynamoDbException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExportNotFoundException"));
    }

    @Test
    void listExportsPagesByTable() {
        String t = table("export-list", true, 1);
        String first = client.exportTableToPointInTime(b -> b.tableArn(arn(t)).s3Bucket("lists")).exportDescription().exportArn();
        String second = client.exportTableToPointInTime(b -> b.tableArn(arn(t)).s3Bucket("lists")).exportDescription().exportArn();
        var page1 = client.listExports(b -> b.tableArn(arn(t)).maxResults(1));
        assertThat(page1.exportSummaries()).extracting(s -> s.exportArn()).containsExactly(first);
        var page2 = client.listExports(b -> b.tableArn(arn(t)).maxResults(1).nextToken(page1.nextToken()));
        assertThat(page2.exportSummaries()).extracting(s -> s.exportArn()).containsExactly(second);
        assertThat(page2.nextToken()).isNull();
    }

    @Test
    void csvImportsTypeTheKeysAndCountBadRows() throws IOException {
        Path dir = s3.resolve("csv-bucket/people");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("part-1.csv"), "pk,n,name\n"
            + "a,1,\"Lovelace, Ada\"\n"
            + "b,2,Turing\n"
            + ",3,no key\n"
            + "c,not-a-number,bad key type\n");
        Files.writeString(dir.resolve("part-2.csv"), "pk,n,name\nd,4,\n");
        String name = ServerFixture.uniqueName("csv-import");
        String arn = client.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("csv-bucket").s3KeyPrefix("people/"))
            .inputFormat(InputFormat.CSV).tableCreationParameters(params(name))).importTableDescription().importArn();
        ImportTableDescription d = client.describeImport(b -> b.importArn(arn)).importTableDescription();
        assertThat(d.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(d.processedItemCount()).isEqualTo(5);
        assertThat(d.importedItemCount()).isEqualTo(3);
        assertThat(d.errorCount()).isEqualTo(2);
        assertThat(client.getItem(b -> b.tableName(name).key(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"))))
            .item()).containsEntry("name", AttributeValue.fromS("Lovelace, Ada"));
        assertThat(client.getItem(b -> b.tableName(name).key(Map.of("pk", AttributeValue.fromS("d"), "n", AttributeValue.fromN("4"))))
            .item()).doesNotContainKey("name");
    }

    @Test
    void anImportNeedsANewTableAndSomethingToRead() {
        String existing = table("import-exists", false, 0);
        assertThatThrownBy(() -> client.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("csv-bucket"))
            .inputFormat(InputFormat.CSV).tableCreationParameters(params(existing))))
            .isInstanceOf(ResourceInUseException.class);
        String name = ServerFixture.uniqueName("import-empty");
        String arn = client.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("no-such-bucket"))
            .inputFormat(InputFormat.DYNAMODB_JSON).tableCreationParameters(params(name))).importTableDescription().importArn();
        ImportTableDescription d = client.describeImport(b -> b.importArn(arn)).importTableDescription();
        assertThat(d.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(d.failureMessage()).isEqualTo("No object found in bucket no-such-bucket under prefix ");
        assertThat(client.listTables().tableNames()).doesNotContain(name);
    }
}
