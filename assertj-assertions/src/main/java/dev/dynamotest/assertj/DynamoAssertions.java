package dev.dynamotest.assertj;

import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.engine.journal.NamespaceJournal;
import dev.dynamotest.junit.DynamoRuntime;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Entry point of the DynamoTest AssertJ assertions:
 *
 * <pre>{@code
 * import static dev.dynamotest.assertj.DynamoAssertions.assertThat;
 * import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;
 *
 * assertThat(item).hasString("status", "NEW").hasNumber("total", 12.5).hasString("address.city", "Paris");
 * assertThatTable(client, "orders").hasItemCount(3).containsItemWithKey("pk", "order-1");
 * assertThat(ordersTable).containsKey("ada", 1).item("ada", 1).extracting(Order::getTotal).isEqualTo(42L);
 * }</pre>
 *
 * <p>When AssertJ's own {@code Assertions.assertThat} is statically imported too, use {@link #assertThatItem(Map)}
 * for items (both accept a {@code Map}).
 *
 * <p>Stream records: {@code assertThatRecords(records).ofInserts().hasSize(2).record(0).newImage().hasString(...)},
 * and {@code assertThatStream(client, streamsClient, "orders").eventually(Duration.ofSeconds(5), r ->
 * r.ofRemoves().hasSize(1))} to wait for asynchronous producers. The class is not final so a project can extend
 * it with its own entry points.
 */
public class DynamoAssertions {
    protected DynamoAssertions() {
    }

    public static ItemAssert assertThat(Map<String, AttributeValue> item) {
        return new ItemAssert(item);
    }

    /** Same as {@link #assertThat(Map)}, for when AssertJ's map {@code assertThat} is imported as well. */
    public static ItemAssert assertThatItem(Map<String, AttributeValue> item) {
        return new ItemAssert(item);
    }

    public static AttributeValueAssert assertThat(AttributeValue value) {
        return new AttributeValueAssert(value);
    }

    public static TableAssert assertThatTable(DynamoDbClient client, String tableName) {
        return new TableAssert(client, tableName);
    }

    public static <T> BeanTableAssert<T> assertThat(DynamoDbTable<T> table) {
        return new BeanTableAssert<>(table);
    }

    /** Assertions on DynamoDB Streams records (from GetRecords, or {@link StreamRecords}). */
    public static StreamRecordsAssert assertThatRecords(java.util.List<software.amazon.awssdk.services.dynamodb.model.Record> records) {
        return new StreamRecordsAssert(records);
    }

    public static StreamRecordAssert assertThat(software.amazon.awssdk.services.dynamodb.model.Record record) {
        return new StreamRecordAssert(record);
    }

    /** A table's stream, read through the Streams API, now or {@link StreamAssert#eventually eventually}. */
    public static StreamAssert assertThatStream(DynamoDbClient client,
                                                software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient streams,
                                                String tableName) {
        return new StreamAssert(client, streams, tableName);
    }

    /** Assertions on the journal entries of a namespace (e.g. {@code engine.journal().region("us-east-1")}). */
    public static JournalAssert assertThatJournal(NamespaceJournal journal) {
        return new JournalAssert(journal.entries());
    }

    /** Assertions on journal entries (e.g. {@code container.journal()} from the Testcontainers module). */
    public static JournalAssert assertThatJournal(List<JournalEntry> entries) {
        return new JournalAssert(entries);
    }

    /** Assertions on the requests the current test made (the JUnit extension's per-test journal). */
    public static JournalAssert assertThatRequests(DynamoRuntime dynamo) {
        return new JournalAssert(dynamo.journal().entries());
    }
}
