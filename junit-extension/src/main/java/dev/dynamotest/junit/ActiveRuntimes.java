package dev.dynamotest.junit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtimes of the tests and test classes running now, for code that outlives a test (a Spring context cached
 * across test classes, say) and must reach the current test's namespace at call time: {@link DynamoRuntime#current()}.
 */
final class ActiveRuntimes {
    private static final Map<Thread, Scope> TESTS = new ConcurrentHashMap<>();
    /** Class scopes (what constructors and {@code @BeforeAll} use), latest started last. */
    private static final List<Scope> CLASSES = new ArrayList<>();

    private ActiveRuntimes() {
    }

    static void testStarted(Thread thread, Scope scope) {
        TESTS.put(thread, scope);
    }

    static void testFinished(Thread thread, Scope scope) {
        TESTS.remove(thread, scope);
    }

    static synchronized void classStarted(Scope scope) {
        CLASSES.add(scope);
    }

    static synchronized void classFinished(Scope scope) {
        CLASSES.remove(scope);
    }

    static Optional<DynamoRuntime> current() {
        Scope test = TESTS.get(Thread.currentThread());
        if (test != null) {
            return Optional.of(test);
        }
        if (TESTS.size() == 1) {
            Iterator<Scope> it = TESTS.values().iterator();
            if (it.hasNext()) {
                return Optional.of(it.next());
            }
        }
        if (!TESTS.isEmpty()) {
            return Optional.empty(); // tests run in parallel and the caller is on none of their threads: ambiguous
        }
        synchronized (ActiveRuntimes.class) {
            return CLASSES.isEmpty() ? Optional.empty() : Optional.of(CLASSES.get(CLASSES.size() - 1));
        }
    }
}
