package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The build runs this module's tests twice, on the project's JUnit 5 and on JUnit 6, with the extension compiled
 * against the Jupiter 5.10 API; this checks each run really is on the JUnit it claims.
 */
@DynamoTest
class JUnitRuntimeTest {
    @Test
    void runsOnTheExpectedJupiter(DynamoRuntime runtime) {
        String expected = System.getProperty("dynamotest.expectedJupiterVersion");
        String actual = Test.class.getPackage().getImplementationVersion();
        assertThat(actual).isNotNull();
        if (expected != null) {
            assertThat(actual).isEqualTo(expected);
        }
        System.out.println("DynamoTest extension running on JUnit Jupiter " + actual
            + " (engine " + ExtensionContext.class.getPackage().getImplementationVersion() + ")");
        assertThat(runtime.client().listTables().tableNames()).isEmpty();
    }
}
