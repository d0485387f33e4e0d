package dev.dynamotest.junit;

import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.consistency.Lag;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@link EventuallyConsistent} and {@link ConsistencySeeds}: configures the model for the test's namespace (from the
 * annotations, the seed of a {@code @ConsistencySeeds} run, or the pinned {@code dynamotest.consistency.seed}),
 * publishes it as a report entry, and adds the seed to the message of a failing test.
 */
final class ConsistencySupport implements BeforeEachCallback, TestExecutionExceptionHandler {
    /** Configuration parameter (or system property) that pins the seed of every eventually consistent test. */
    static final String SEED_PARAMETER = "dynamotest.consistency.seed";
    static final String REPORT_KEY = "dynamotest.consistency";

    private final Long seed; // a @ConsistencySeeds run's seed, or null

    ConsistencySupport() {
        this(null);
    }

    ConsistencySupport(Long seed) {
        this.seed = seed;
    }

    /** Called by DynamoExtension once the test's namespace exists: the annotations' settings, if any. */
    static void configure(ExtensionContext context, TestState test) {
        Optional<EventuallyConsistent> a = annotation(context);
        boolean seeds = AnnotationSupport.isAnnotated(context.getTestMethod(), ConsistencySeeds.class);
        if (a.isEmpty() && !seeds) {
            return;
        }
        TestConsistency c = test.scope().consistency();
        ConsistencySettings s = settings(context, a);
        c.consistencyFor(s);
        context.publishReportEntry(REPORT_KEY, s.toString());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (seed == null) {
            return;
        }
        TestState test = context.getStore(DynamoExtension.NS).get(TestState.class, TestState.class);
        if (test == null) {
            throw new ExtensionConfigurationException("@ConsistencySeeds needs @DynamoTest (or DynamoExtension) on the class");
        }
        Long pinned = pinnedSeed(context);
        ConsistencySettings s = settings(context, annotation(context)).withSeed(pinned != null ? pinned : seed);
        test.scope().consistency().consistencyFor(s);
        context.publishReportEntry(REPORT_KEY, s.toString());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        TestState test = context.getStore(DynamoExtension.NS).get(TestState.class, TestState.class);
        if (test == null || test.scope() == null || !test.scope().isEmbedded()) {
            throw failure;
        }
        ConsistencySettings s = test.scope().consistency().settings();
        if (!s.eventual()) {
            throw failure;
        }
        String note = " [DynamoTest consistency " + s + "; rerun this seed with -D" + SEED_PARAMETER + "=" + s.seed()
            + " or @EventuallyConsistent(seed = " + s.seed() + ")]";
        context.publishReportEntry(REPORT_KEY + ".failedSeed", Long.toString(s.seed()));
        if (failure instanceof AssertionError) {
            AssertionError e = new AssertionError(failure.getMessage() + note, failure);
            e.setStackTrace(failure.getStackTrace());
            throw e;
        }
        failure.addSuppressed(new ConsistencySeedNote(note.trim()));
        throw failure;
    }

    private static Optional<EventuallyConsistent> annotation(ExtensionContext context) {
        Optional<EventuallyConsistent> a = AnnotationSupport.findAnnotation(context.getTestMethod(), EventuallyConsistent.class);
        return a.isPresent() ? a : AnnotationSupport.findAnnotation(context.getTestClass(), EventuallyConsistent.class);
    }

    private static ConsistencySettings settings(ExtensionContext context, Optional<EventuallyConsistent> a) {
        ConsistencySettings s = ConsistencySettings.eventual(0);
        if (a.isPresent()) {
            try {
                s = ConsistencySettings.eventual(a.get().seed()).withLag(Lag.parse(a.get().lag()))
                    .withTtlWindow(ConsistencySettings.parse("eventual:ttl=" + a.get().ttl()).ttlWindow());
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@EventuallyConsistent: " + e.getMessage());
            }
        }
        Long pinned = pinnedSeed(context);
        return pinned == null ? s : s.withSeed(pinned);
    }

    /** The seed pinned by {@code dynamotest.consistency.seed}, or null. */
    static Long pinnedSeed(ExtensionContext context) {
        Optional<String> v = context.getConfigurationParameter(SEED_PARAMETER);
        if (v.isEmpty() || v.get().isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException(SEED_PARAMETER + " must be an integer, not '" + v.get() + "'");
        }
    }

    /** Carries the seed of a failing test that did not fail with an AssertionError. */
    static final class ConsistencySeedNote extends RuntimeException {
        ConsistencySeedNote(String message) {
            super(message, null, false, false);
        }
    }

}
