package dev.dynamotest.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.engine.TestExecutionResult;

/** Runs test classes in a JUnit engine of their own, to check what the extension does to their outcome. */
final class Kit {
    /** The configuration parameter that enables {@link KitCase} classes. */
    static final String MARKER = "dynamotest.test.kit";

    private Kit() {
    }

    static EngineExecutionResults run(Class<?> testClass) {
        return run(testClass, Map.of());
    }

    static EngineExecutionResults run(Class<?> testClass, Map<String, String> configuration) {
        return run(configuration, testClass);
    }

    /** Runs the classes in one engine execution (so they share its root store), in @Order order. */
    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... testClasses) {
        var request = EngineTestKit.engine("junit-jupiter")
            .configurationParameters(configuration)
            .configurationParameter(MARKER, "true")
            .configurationParameter("junit.jupiter.testclass.order.default",
                "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
        for (Class<?> c : testClasses) {
            request.selectors(selectClass(c));
        }
        return request.execute();
    }

    /** The failures of every container and test, as "exception class: message" lines, causes included. */
    static List<String> failures(EngineExecutionResults results) {
        List<String> messages = new ArrayList<>();
        for (Event e : results.allEvents().failed().list()) {
            e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).ifPresent(t -> {
                StringBuilder b = new StringBuilder();
                for (Throwable c = t; c != null; c = c.getCause()) {
                    b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
                }
                messages.add(b.toString());
            });
        }
        return messages;
    }

    /** All failure text joined, for contains-checks. */
    static String failureText(EngineExecutionResults results) {
        return String.join("\n", failures(results));
    }
}
