package dev.dynamotest.assertj;

import static dev.dynamotest.assertj.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Seed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item assertions on an item read back from the engine: passing and failing, with the exact messages. */
@DynamoTest
@CreateTable(name = "orders", partitionKey = "pk")
@Seed(table = "orders", value = """
    {"pk": {"S": "order-1"}, "total": {"N": "12.50"}, "status": {"S": "NEW"}, "gift": {"BOOL": true},
     "note": {"NULL": true}, "tags": {"SS": ["gift", "sale"]}, "sizes": {"NS": ["1", "2.5"]},
     "address": {"M": {"city": {"S": "Paris"}, "zip": {"N": "75001"}}},
     "lines": {"L": [{"M": {"sku": {"S": "A"}}}, {"M": {"sku": {"S": "B"}}}]}, "blob": {"B": "AQID"}}
    """)
@Seed(table = "orders", value = "{\"pk\": \"small\", \"n\": 1}")
class ItemAssertTest {
    private Map<String, AttributeValue> item;
    private Map<String, AttributeValue> small;

    @BeforeEach
    void read(DynamoDbClient client) {
        item = client.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("order-1")))).item();
        small = client.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("small")))).item();
    }

    @Test
    void passingAssertions() {
        assertThat(item)
            .hasAttribute("total").hasAttribute("address.city").hasAttribute("lines[1].sku")
            .doesNotHaveAttribute("missing").doesNotHaveAttribute("address.street").doesNotHaveAttribute("lines[5]")
            .hasString("status", "NEW")
            .hasNumber("total", 12.5).hasNumber("total", 12.50d).hasNumber("total", new java.math.BigDecimal("12.500"))
            .hasNumber("total", "1.25E1")
            .hasNumber("address.zip", 75001)
            .hasBoolean("gift", true)
            .hasNull("note")
            .hasStringSet("tags", "sale", "gift")
            .hasNumberSet("sizes", 2.50, 1)
            .hasBinary("blob", new byte[] {1, 2, 3})
            .hasString("address.city", "Paris")
            .hasString("lines[0].sku", "A")
            .hasListSize("lines", 2)
            .hasAttributeEqualTo("address", AttributeValue.fromM(Map.of("zip", AttributeValue.fromN("75001.0"),
                "city", AttributeValue.fromS("Paris"))));
        assertThat(item).attribute("address").isMap().hasString("city", "Paris");
        assertThat(item).attribute("total").isNumber(12.5);
        assertThat(small).hasOnlyAttributes("n", "pk");
    }

    @Test
    void numericEqualityIgnoresTheWayTheNumberIsWritten() {
        assertThat(Map.of("n", AttributeValue.fromN("1.0"))).hasNumber("n", 1).hasNumber("n", 1L).hasNumber("n", "1");
        assertThat(AttributeValue.fromN("100")).isNumber(1e2);
    }

    @Test
    void wrongValueShowsTheItemAsJson() {
        assertThatThrownBy(() -> assertThat(small).hasNumber("n", 2)).isInstanceOf(AssertionError.class)
            .hasMessage("\nExpecting item\n  " + ItemJson.of(small) + "\nto have \"n\" equal to {\"N\": \"2\"} "
                + "(compared as numbers)\nbut it was {\"N\": \"1\"}");
        assertThatThrownBy(() -> assertThat(item).hasString("status", "SHIPPED"))
            .hasMessageEndingWith("\nto have \"status\" equal to {\"S\": \"SHIPPED\"}\nbut it was {\"S\": \"NEW\"}");
        assertThatThrownBy(() -> assertThat(item).hasStringSet("tags", "gift"))
            .hasMessageEndingWith("\nto have \"tags\" equal to {\"SS\": [\"gift\"]} (in any order)\n"
                + "but it was {\"SS\": [\"gift\", \"sale\"]}");
        assertThatThrownBy(() -> assertThat(item).hasNumberSet("sizes", 1, 2))
            .hasMessageEndingWith("(as numbers, in any order)\nbut it was {\"NS\": [\"1\", \"2.5\"]}");
        assertThatThrownBy(() -> assertThat(item).hasBoolean("gift", false))
            .hasMessageEndingWith("\nbut it was {\"BOOL\": true}");
        assertThatThrownBy(() -> assertThat(item).hasNull("status"))
            .hasMessageEndingWith("\nto have \"status\" equal to {\"NULL\": true}\nbut it was {\"S\": \"NEW\"}");
        assertThatThrownBy(() -> assertThat(item).hasString("total", "12.5"))
            .hasMessageEndingWith("\nbut it was {\"N\": \"12.5\"}");
        assertThatThrownBy(() -> assertThat(item).hasListSize("lines", 3))
            .hasMessageEndingWith("\nto have \"lines\" be a list of 3 elements\nbut it was "
                + "{\"L\": [{\"M\": {\"sku\": {\"S\": \"A\"}}}, {\"M\": {\"sku\": {\"S\": \"B\"}}}]}");
    }

    @Test
    void missingAttributesSayWhereThePathStops() {
        assertThatThrownBy(() -> assertThat(small).hasAttribute("total"))
            .hasMessage("\nExpecting item\n  " + ItemJson.of(small) + "\nto have \"total\"\nbut the item has no "
                + "attribute \"total\"");
        assertThatThrownBy(() -> assertThat(item).hasString("address.street", "x"))
            .hasMessageEndingWith("\nbut \"address\" has no attribute \"street\"");
        assertThatThrownBy(() -> assertThat(item).hasString("status.code", "x"))
            .hasMessageEndingWith("\nbut \"status\" is not a map but {\"S\": \"NEW\"}");
        assertThatThrownBy(() -> assertThat(item).hasString("lines[2].sku", "x"))
            .hasMessageEndingWith("\nbut \"lines\" has 2 elements, no index 2");
        assertThatThrownBy(() -> assertThat(item).hasString("status[0]", "x"))
            .hasMessageEndingWith("\nbut \"status\" is not a list but {\"S\": \"NEW\"}");
        assertThatThrownBy(() -> assertThat(item).doesNotHaveAttribute("address.city"))
            .hasMessageEndingWith("\nnot to have \"address.city\"\nbut it was {\"S\": \"Paris\"}");
        assertThatThrownBy(() -> assertThat(item).hasAttribute("a..b")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("invalid attribute path \"a..b\": empty name");
    }

    @Test
    void hasOnlyAttributesNamesWhatIsMissingAndWhatIsExtra() {
        assertThatThrownBy(() -> assertThat(small).hasOnlyAttributes("pk", "total"))
            .hasMessageEndingWith("\nto have only the attributes [\"pk\", \"total\"]\nbut it lacks [\"total\"] and it also "
                + "has [\"n\"]");
    }

    @Test
    void isEqualToItemWithIgnoredAttributes() {
        Map<String, AttributeValue> expected = new LinkedHashMap<>(small);
        expected.put("n", AttributeValue.fromN("1.00"));
        assertThat(small).isEqualToItem(expected);
        expected.put("updatedAt", AttributeValue.fromS("2030-01-01"));
        assertThat(small).isEqualToItem(expected, "updatedAt");

        Map<String, AttributeValue> other = new LinkedHashMap<>();
        other.put("pk", AttributeValue.fromS("small"));
        other.put("n", AttributeValue.fromN("2"));
        other.put("status", AttributeValue.fromS("NEW"));
        other.put("updatedAt", AttributeValue.fromS("2030-01-01"));
        assertThatThrownBy(() -> assertThat(item).as("order").isEqualToItem(other, "updatedAt", "total", "gift", "note",
            "tags", "sizes", "address", "lines", "blob"))
            .hasMessage("[order] \nExpecting item\n" + ItemJson.block(item, "  ") + "\nto be equal to\n  "
                + "{\"n\": {\"N\": \"2\"}, \"pk\": {\"S\": \"small\"}, \"status\": {\"S\": \"NEW\"}, \"updatedAt\": "
                + "{\"S\": \"2030-01-01\"}}\nignoring the attributes [\"updatedAt\", \"total\", \"gift\", \"note\", \"tags\", "
                + "\"sizes\", \"address\", \"lines\", \"blob\"]\nbut these attributes differ:\n"
                + "  \"pk\": expected {\"S\": \"small\"} but was {\"S\": \"order-1\"}\n"
                + "  \"n\": expected {\"N\": \"2\"} but it is missing");
        Map<String, AttributeValue> fewer = new LinkedHashMap<>(small);
        fewer.remove("n");
        assertThatThrownBy(() -> assertThat(small).isEqualToItem(fewer))
            .hasMessageEndingWith("but these attributes differ:\n  \"n\": unexpected {\"N\": \"1\"}");
    }

    @Test
    void attributeValueAssertions() {
        assertThat(item).attribute("lines[1]").isMap().hasString("sku", "B");
        assertThatThrownBy(() -> assertThat(item).attribute("status").isNumber(1))
            .hasMessage("[status] \nExpecting \"status\" to be equal to {\"N\": \"1\"}\nbut it was {\"S\": \"NEW\"}");
        assertThatThrownBy(() -> assertThat(item).attribute("status").isMap())
            .hasMessage("[status] \nExpecting \"status\" to be a map\nbut it was {\"S\": \"NEW\"}");
    }

    @Test
    void itemJsonIsReadableDynamoDbJson() {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("s", AttributeValue.fromS("a \"quoted\"\nline"));
        m.put("n", AttributeValue.fromN("1"));
        m.put("b", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {1, 2, 3})));
        m.put("bool", AttributeValue.fromBool(false));
        m.put("null", AttributeValue.fromNul(true));
        m.put("ss", AttributeValue.fromSs(List.of("x", "y")));
        m.put("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromM(Map.of()))));
        org.assertj.core.api.Assertions.assertThat(ItemJson.of(m)).isEqualTo("{\"b\": {\"B\": \"AQID\"}, "
            + "\"bool\": {\"BOOL\": false}, \"l\": {\"L\": [{\"N\": \"1\"}, {\"M\": {}}]}, \"n\": {\"N\": \"1\"}, "
            + "\"null\": {\"NULL\": true}, \"s\": {\"S\": \"a \\\"quoted\\\"\\nline\"}, \"ss\": {\"SS\": [\"x\", \"y\"]}}");
    }

    @Test
    void aLargeItemIsPrintedOverSeveralLinesInSortedOrder() {
        Map<String, AttributeValue> large = new LinkedHashMap<>();
        large.put("status", AttributeValue.fromS("NEW"));
        large.put("pk", AttributeValue.fromS("order-1"));
        large.put("description", AttributeValue.fromS("x".repeat(60)));
        large.put("address", AttributeValue.fromM(Map.of("street", AttributeValue.fromS("1 Rue de Rivoli, Paris, France"),
            "city", AttributeValue.fromS("Paris"), "zip", AttributeValue.fromS("75001"), "country", AttributeValue.fromS("FR"))));
        large.put("lines", AttributeValue.fromL(List.of(
            AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("A-0001-RED-XL"), "qty", AttributeValue.fromN("2"),
                "price", AttributeValue.fromN("12.5"), "title", AttributeValue.fromS("A red jumper, extra large"))),
            AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("B"))))));
        Map<String, AttributeValue> reordered = new java.util.HashMap<>(large);

        String expected = """
              {
                "address": {"M": {
                  "city": {"S": "Paris"},
                  "country": {"S": "FR"},
                  "street": {"S": "1 Rue de Rivoli, Paris, France"},
                  "zip": {"S": "75001"}
                }},
                "description": {"S": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
                "lines": {"L": [
                  {"M": {
                    "price": {"N": "12.5"},
                    "qty": {"N": "2"},
                    "sku": {"S": "A-0001-RED-XL"},
                    "title": {"S": "A red jumper, extra large"}
                  }},
                  {"M": {"sku": {"S": "B"}}}
                ]},
                "pk": {"S": "order-1"},
                "status": {"S": "NEW"}
              }""".indent(2).stripTrailing();
        org.assertj.core.api.Assertions.assertThat(ItemJson.block(large, "  ")).isEqualTo(expected);
        org.assertj.core.api.Assertions.assertThat(ItemJson.block(reordered, "  ")).isEqualTo(expected);
        assertThatThrownBy(() -> assertThat(reordered).hasString("status", "SHIPPED"))
            .hasMessage("\nExpecting item\n" + expected + "\nto have \"status\" equal to {\"S\": \"SHIPPED\"}\nbut it was {\"S\": \"NEW\"}");
        org.assertj.core.api.Assertions.assertThat(ItemJson.block(Map.of("pk", AttributeValue.fromS("a")), "  "))
            .isEqualTo("  {\"pk\": {\"S\": \"a\"}}"); // a small item stays on one line
    }
}
