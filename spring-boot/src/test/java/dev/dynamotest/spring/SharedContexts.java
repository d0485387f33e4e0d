package dev.dynamotest.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;

/** Test classes with the same configuration record their context here: the second one must get the same. */
final class SharedContexts {
    private static final Map<String, ApplicationContext> SEEN = new ConcurrentHashMap<>();

    private SharedContexts() {
    }

    static void sameAsEarlierClasses(String configuration, ApplicationContext context) {
        ApplicationContext earlier = SEEN.putIfAbsent(configuration, context);
        if (earlier != null) {
            assertThat(context).as("the cached context of " + configuration).isSameAs(earlier);
        }
    }
}
