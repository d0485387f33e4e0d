package dev.dynamotest.junit;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The resolved settings of a test class: builder values (programmatic registration) or {@link DynamoTest}
 * attributes first, then the JUnit configuration parameters {@code dynamotest.*} (junit-platform.properties,
 * system properties, launcher), then the defaults.
 */
record Settings(String region, URI endpoint, boolean isolatedEngine, Transport transport) {
    static final String REGION = "dynamotest.region";
    static final String ENDPOINT = "dynamotest.endpoint";
    static final String ISOLATED_ENGINE = "dynamotest.isolatedEngine";
    static final String TRANSPORT = "dynamotest.transport";
    static final String DEFAULT_REGION = "us-east-1";

    boolean external() {
        return endpoint != null;
    }

    static Settings resolve(ExtensionContext ctx, DynamoExtension ext) {
        Optional<DynamoTest> ann = findDynamoTest(ctx.getRequiredTestClass());
        String region = first(ext.region(), ann.map(DynamoTest::region).orElse(""), ctx.getConfigurationParameter(REGION).orElse(""));
        String endpoint = first(ext.endpoint(), ann.map(DynamoTest::endpoint).orElse(""),
            ctx.getConfigurationParameter(ENDPOINT).orElse(""));
        boolean isolated = ext.isolatedEngine() != null ? ext.isolatedEngine()
            : ann.map(DynamoTest::isolatedEngine).orElse(false)
                || ctx.getConfigurationParameter(ISOLATED_ENGINE).map(Boolean::parseBoolean).orElse(false);
        URI uri = null;
        if (!endpoint.isEmpty()) {
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("DynamoTest endpoint '" + endpoint + "' is not a valid URI", e);
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ExtensionConfigurationException("DynamoTest endpoint '" + endpoint
                    + "' must be an absolute URI such as http://localhost:8000");
            }
        }
        Transport transport = ext.transport() != null ? ext.transport()
            : ann.filter(a -> a.transport().length > 0).map(a -> a.transport()[0])
                .orElseGet(() -> ctx.getConfigurationParameter(TRANSPORT).map(Settings::transport).orElse(Transport.HTTP));
        return new Settings(region.isEmpty() ? DEFAULT_REGION : region, uri, isolated, transport);
    }

    private static Transport transport(String value) {
        try {
            return Transport.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("dynamotest.transport must be HTTP or IN_PROCESS, not '" + value + "'");
        }
    }

    /** The nearest {@link DynamoTest}: on the class (or a superclass), else on an enclosing class. */
    static Optional<DynamoTest> findDynamoTest(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<DynamoTest> a = AnnotationSupport.findAnnotation(c, DynamoTest.class);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.trim().isEmpty()) {
                return v.trim();
            }
        }
        return "";
    }
}
