package dev.dynamotest.junit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * What every test in the JVM can share, kept in the root store: the HTTP clients (the SDK clients built for each
 * test only borrow them, so building one is cheap) and the Enhanced Client schemas.
 */
final class SharedResources implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConcurrentHashMap<Class<?>, TableSchema<?>> schemas = new ConcurrentHashMap<>();
    private volatile SdkHttpClient syncHttp;
    private volatile SdkAsyncHttpClient asyncHttp;

    SdkHttpClient syncHttp() {
        SdkHttpClient c = syncHttp;
        if (c == null) {
            synchronized (this) {
                c = syncHttp;
                if (c == null) {
                    c = UrlConnectionHttpClient.builder().build();
                    syncHttp = c;
                }
            }
        }
        return c;
    }

    SdkAsyncHttpClient asyncHttp() {
        SdkAsyncHttpClient c = asyncHttp;
        if (c == null) {
            synchronized (this) {
                c = asyncHttp;
                if (c == null) {
                    c = NettyNioAsyncHttpClient.builder().build();
                    asyncHttp = c;
                }
            }
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    <T> TableSchema<T> schema(Class<T> beanClass) {
        return (TableSchema<T>) schemas.computeIfAbsent(beanClass, TableSchema::fromClass);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (this) {
                if (syncHttp != null) {
                    syncHttp.close();
                }
                if (asyncHttp != null) {
                    asyncHttp.close();
                }
            }
        }
    }
}
