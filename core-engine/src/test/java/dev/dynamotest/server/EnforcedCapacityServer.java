package dev.dynamotest.server;

import dev.dynamotest.engine.Engine;

/** {@link ManualClockServer} with capacity enforcement on: no bucket refills unless the test moves the clock. */
abstract class EnforcedCapacityServer extends ManualClockServer {
    @Override
    void configure(Engine engine) {
        engine.capacity().enforce(true);
    }
}
