package dev.dynamotest.junit;

/** {@link TransportContract} without a socket. */
@DynamoTest(transport = Transport.IN_PROCESS)
class InProcessTransportTest extends TransportContract {
    @Override
    Transport expected() {
        return Transport.IN_PROCESS;
    }
}
