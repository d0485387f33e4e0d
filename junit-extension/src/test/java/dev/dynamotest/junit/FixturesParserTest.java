package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The fixture reader on its own: format detection, conversion and every message. */
class FixturesParserTest {

    private static List<Fixtures.Entry> parse(String json) {
        return Fixtures.parse(json, "f.json", "t", SeedFormat.AUTO);
    }

    private static Map<String, AttributeValue> one(String json) {
        List<Fixtures.Entry> entries = parse(json);
        assertThat(entries).hasSize(1);
        return entries.get(0).item();
    }

    @Test
    void detectsDynamoDbJsonPerItem() {
        assertThat(one("{\"a\": {\"S\": \"x\"}, \"b\": {\"N\": \"1\"}}"))
            .containsExactly(Map.entry("a", AttributeValue.fromS("x")), Map.entry("b", AttributeValue.fromN("1")));
        assertThat(one("{\"a\": \"x\", \"b\": {\"S\": 1, \"T\": 2}}"))
            .containsEntry("b", AttributeValue.fromM(Map.of("S", AttributeValue.fromN("1"), "T", AttributeValue.fromN("2"))));
    }

    @Test
    void listsAndSingleItemsAndBatches() {
        assertThat(parse("[{\"a\": 1}, {\"a\": 2}]")).extracting(Fixtures.Entry::table).containsExactly("t", "t");
        List<Fixtures.Entry> batch = Fixtures.parse(
            "{\"x\": [{\"PutRequest\": {\"Item\": {\"k\": {\"S\": \"1\"}}}}], \"y\": [{\"DeleteRequest\": {\"Key\": {\"k\": {\"N\": \"2\"}}}}]}",
            "b.json", "", SeedFormat.AUTO);
        assertThat(batch).extracting(Fixtures.Entry::table, Fixtures.Entry::delete)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("x", false), org.assertj.core.groups.Tuple.tuple("y", true));
        assertThat(batch.get(1).item()).containsEntry("k", AttributeValue.fromN("2"));
    }

    @Test
    void forcedFormats() {
        assertThat(Fixtures.parse("{\"m\": {\"S\": \"x\"}}", "f", "t", SeedFormat.PLAIN_JSON).get(0).item())
            .containsEntry("m", AttributeValue.fromM(Map.of("S", AttributeValue.fromS("x"))));
        assertThatThrownBy(() -> Fixtures.parse("{\"a\": \"x\"}", "f", "t", SeedFormat.DYNAMODB_JSON))
            .hasMessage("f, item #1 {\"a\":\"x\"}: attribute 'a': expected a DynamoDB JSON value such as "
                + "{\"S\": \"text\"} or {\"N\": \"1\"}, found \"x\"");
        assertThatThrownBy(() -> Fixtures.parse("[]", "f", "t", SeedFormat.BATCH_WRITE_ITEM))
            .hasMessageStartingWith("f is a JSON array, but the batch-write-item format is an object");
    }

    @Test
    void numbersKeepTheirDigits() {
        assertThat(one("{\"a\": 0.10, \"b\": 1e3, \"c\": -7}"))
            .containsEntry("a", AttributeValue.fromN("0.10"))
            .containsEntry("b", AttributeValue.fromN("1E+3"))
            .containsEntry("c", AttributeValue.fromN("-7"));
    }

    @Test
    void messagesNameTheSourceTheItemAndTheProblem() {
        assertProblem("[{\"a\": 1},\n {\"a\": {\"N\": \"x\"}, \"b\": {\"S\": \"y\"}}]",
            "f.json, item #2 (line 2) {\"a\":{\"N\":\"x\"},\"b\":{\"S\":\"y\"}}: attribute 'a': \"x\" is not a number");
        assertProblem("{\"a\": {\"M\": {\"b\": {\"L\": [{\"S\": 1}]}}}}",
            "f.json, item #1 {\"a\":{\"M\":{\"b\":{\"L\":[{\"S\":1}]}}}}: attribute 'a.b[0]': S must be a JSON string, found 1");
        assertProblem("{\"a\": {\"B\": \"not base64!\"}}", "attribute 'a': \"not base64!\" is not valid base64");
        assertProblem("{\"a\": {\"SS\": []}}", "attribute 'a': an empty SS is not allowed (DynamoDB has no empty sets)");
        assertProblem("{\"a\": {\"NULL\": false}}", "attribute 'a': NULL must be true, found false");
        assertProblem("{\"a\": {\"BOOL\": \"yes\"}}", "attribute 'a': BOOL must be true or false, found \"yes\"");
        assertProblem("{\"a\": {\"NS\": [\"1\", \"one\"]}}", "attribute 'a': \"one\" is not a number");
        assertProblem("{\"k\": {\"S\": \"x\"}, \"n\": 5}",
            "f.json, item #1 {\"k\":{\"S\":\"x\"},\"n\":5}: the item mixes DynamoDB JSON (attribute 'k' is {\"S\":\"x\"}) "
                + "and plain JSON (attribute 'n' is 5); write every attribute one way, or set "
                + "@Seed(format = SeedFormat.PLAIN_JSON) or SeedFormat.DYNAMODB_JSON");
        assertProblem("[\"x\"]", "f.json, item #1 (line 1) \"x\": an item must be a JSON object, not a string \"x\"");
        assertProblem("[{\"a\": 1}, {\"a\": 2]", "f.json is not valid JSON: Unexpected close marker ']': expected '}'");
        assertProblem("{\"a\": 1, \"a\": 2}", "f.json is not valid JSON: Duplicate field 'a'");
        assertProblem("", "f.json is empty");
        assertProblem("42", "f.json must hold a JSON array of items, one item, or a batch-write-item request, not 42");
        assertProblem("{\"a\": 1} {\"a\": 2}", "f.json has more content after its JSON value (line 1); put several items in a JSON array");
        assertThatThrownBy(() -> Fixtures.parse("{\"x\": [{\"PutRequest\": {\"Item\": {\"k\": {\"S\": \"1\"}}}}, {\"PutRequest\": {}}]}",
            "f.json", "", SeedFormat.BATCH_WRITE_ITEM)).hasMessage(
            "f.json, table 'x', request #2 {\"PutRequest\":{}}: expected {\"PutRequest\": {\"Item\": {...}}} or "
                + "{\"DeleteRequest\": {\"Key\": {...}}}");
        assertThatThrownBy(() -> Fixtures.parse("{\"x\": [{\"PutRequest\": {\"Item\": {}}}]}", "f.json", "t", SeedFormat.AUTO))
            .hasMessage("f.json writes to table 'x' but @Seed names table 't'; leave table empty to use the tables named "
                + "in the file");
        assertThatThrownBy(() -> Fixtures.parse("[{\"a\": 1}]", "f.json", "", SeedFormat.AUTO))
            .hasMessage("f.json holds items but @Seed names no table: add table = \"...\" (only the batch-write-item "
                + "format names its tables)");
    }

    private static void assertProblem(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageContaining(message);
    }
}
