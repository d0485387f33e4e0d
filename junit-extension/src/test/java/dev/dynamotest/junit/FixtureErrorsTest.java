package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A bad fixture fails the test before it runs, with a message naming the fixture, the item and the problem. */
class FixtureErrorsTest {

    private static String failure(Class<?> testCase) {
        EngineExecutionResults results = Kit.run(testCase);
        assertThat(Case.ran).as("the test body must not run").isFalse();
        String text = Kit.failureText(results);
        assertThat(text).isNotEmpty();
        return text;
    }

    @Test
    void fileNotFound() {
        assertThat(failure(NotFound.class)).contains("@Seed(table = \"things\", value = \"nope.json\") on "
            + "FixtureErrorsTest.NotFound: fixture file 'nope.json' not found on the classpath (looked for "
            + "dev/dynamotest/junit/nope.json and nope.json)");
    }

    @Test
    void invalidJsonWithLineAndColumn() {
        assertThat(failure(Broken.class)).contains("@Seed(table = \"things\", value = \"fixtures/broken.json\") on "
            + "FixtureErrorsTest.Broken: fixtures/broken.json is not valid JSON: Unexpected character ('}' (code 125)): "
            + "was expecting double-quote to start field name (line 3, column 15)");
    }

    @Test
    void badValueNamesTheItemAndItsLine() {
        assertThat(failure(BadNumber.class)).contains("@Seed(table = \"things\", value = \"fixtures/bad-number.json\") on "
            + "FixtureErrorsTest.BadNumber: fixtures/bad-number.json, item #2 (line 3) "
            + "{\"sku\":{\"S\":\"bad\"},\"price\":{\"N\":\"twelve\"}}: attribute 'price': \"twelve\" is not a number");
    }

    @Test
    void itemTheEngineRejects() {
        assertThat(failure(MissingKey.class)).contains("@Seed(table = \"things\", value = \"fixtures/missing-key.json\") on "
            + "FixtureErrorsTest.MissingKey: fixtures/missing-key.json, item #2 (line 3) {\"name\":\"no sku here\"}: "
            + "PutItem into table 'things' was rejected: ")
            .contains("(ValidationException)");
    }

    @Test
    void tableThatDoesNotExist() {
        assertThat(failure(UnknownTable.class)).contains("@Seed(table = \"nothing\", value = \"[{\\\"sku\\\": \\\"a\\\"}]\") on "
            + "FixtureErrorsTest.UnknownTable: table 'nothing' does not exist (existing tables: things); declare it with "
            + "@CreateTable before seeding it");
    }

    @Test
    void methodLevelFixtureFailsOnlyThatTest() {
        EngineExecutionResults results = Kit.run(MethodLevel.class);
        results.testEvents().assertStatistics(s -> s.failed(1).succeeded(1));
        assertThat(MethodLevel.badRan).isFalse();
        assertThat(Kit.failureText(results)).contains("@Seed(table = \"things\", value = \"{\\\"sku\\\": {\\\"S\\\": \\\"x\\\"}, "
            + "\\\"n\\\": 1}\") on FixtureErrorsTest.MethodLevel.bad(): inline JSON, item #1 {\"sku\":{\"S\":\"x\"},\"n\":1}: "
            + "the item mixes DynamoDB JSON");
    }

    /** Base of the cases: a table t and a test that records whether it ran. */
    @KitCase
    @DynamoTest
    @CreateTable(name = "things", partitionKey = "sku")
    abstract static class Case {
        static volatile boolean ran;

        @Test
        void test() {
            ran = true;
        }
    }

    @Seed(table = "things", value = "nope.json")
    static class NotFound extends Case {
    }

    @Seed(table = "things", value = "fixtures/broken.json")
    static class Broken extends Case {
    }

    @Seed(table = "things", value = "fixtures/bad-number.json")
    static class BadNumber extends Case {
    }

    @Seed(table = "things", value = "fixtures/missing-key.json")
    static class MissingKey extends Case {
    }

    @Seed(table = "nothing", value = "[{\"sku\": \"a\"}]")
    static class UnknownTable extends Case {
    }

    @KitCase
    @DynamoTest
    @CreateTable(name = "things", partitionKey = "sku")
    static class MethodLevel {
        static volatile boolean badRan;

        @Test
        @Seed(table = "things", value = "{\"sku\": {\"S\": \"x\"}, \"n\": 1}")
        void bad() {
            badRan = true;
        }

        @Test
        void good() {
        }
    }
}
