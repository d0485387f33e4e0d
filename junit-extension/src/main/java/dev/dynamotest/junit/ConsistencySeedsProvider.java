package dev.dynamotest.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** The invocations of a {@link ConsistencySeeds} test: one per seed, each configuring its seed before the test. */
final class ConsistencySeedsProvider implements TestTemplateInvocationContextProvider {
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), ConsistencySeeds.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        ConsistencySeeds a = AnnotationSupport.findAnnotation(context.getTestMethod(), ConsistencySeeds.class).orElseThrow();
        List<Long> seeds = new ArrayList<>();
        Long pinned = ConsistencySupport.pinnedSeed(context);
        if (pinned != null) {
            seeds.add(pinned);
        } else if (a.seeds().length > 0) {
            for (long s : a.seeds()) {
                seeds.add(s);
            }
        } else {
            if (a.count() < 1) {
                throw new ExtensionConfigurationException("@ConsistencySeeds(count = " + a.count() + "): count must be at least 1");
            }
            for (int i = 0; i < a.count(); i++) {
                seeds.add(a.first() + i);
            }
        }
        return seeds.stream().map(Invocation::new);
    }

    private record Invocation(long seed) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "seed " + seed;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ConsistencySupport(seed));
        }
    }
}
