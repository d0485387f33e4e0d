package dev.dynamotest.bench;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.inprocess.InProcessClients;
import dev.dynamotest.server.DynamoTestServer;
import java.net.URI;

/** DynamoTest's in-JVM targets; the only worker-side class that touches DynamoTest (absent from DynamoDB Local's class path). */
final class DynamoTestTargets {
    private DynamoTestTargets() {
    }

    /** A new engine and an SDK client on the in-process transport ({@code InProcessClients.httpClient}). */
    static Target inProcess() {
        Engine engine = new Engine();
        return new Target(Target.client(URI.create("http://in-process"), InProcessClients.httpClient(engine)), () -> { });
    }

    record Settled(Target target, Runnable settle) {
    }

    /** {@link #inProcess}, with a way to empty the engine's request journal (for measuring item storage alone). */
    static Settled inProcessSettled() {
        Engine engine = new Engine();
        return new Settled(new Target(Target.client(URI.create("http://in-process"), InProcessClients.httpClient(engine)), () -> { }),
            () -> engine.journal().clear());
    }

    /** A new engine behind the embedded HTTP server on a free port, and an Apache SDK client to it. */
    static Target embeddedHttp() {
        DynamoTestServer server = DynamoTestServer.builder().port(0).start();
        return new Target(Target.client(server.endpoint(), Target.apache(64)), server::close);
    }
}
