package dev.dynamotest.examples;

import dev.dynamotest.junit.DynamoRuntime;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SDK v2 clients the examples build themselves, for settings the injected clients do not have. */
public final class SdkClients {
    private SdkClients() {
    }

    /**
     * A client for the test's endpoint and namespace whose SDK retries are off: every throttle the service sends
     * reaches the caller. Close it after use.
     */
    public static DynamoDbClient withoutRetries(DynamoRuntime dynamo, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
            .endpointOverride(dynamo.endpoint())
            .region(dynamo.region())
            .credentialsProvider(dynamo.credentialsProvider()) // its access key selects the test's tables
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(o -> {
                o.retryStrategy(AwsRetryStrategy.doNotRetry());
                for (ExecutionInterceptor i : interceptors) {
                    o.addExecutionInterceptor(i);
                }
            })
            .build();
    }

    /** Records the operation name of every HTTP request the client transmits (each attempt, retries included). */
    public static final class WireLog implements ExecutionInterceptor {
        private final List<String> operations = new ArrayList<>();

        @Override
        public synchronized void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }

        public synchronized long count(String operation) {
            return operations.stream().filter(operation::equals).count();
        }
    }
}
