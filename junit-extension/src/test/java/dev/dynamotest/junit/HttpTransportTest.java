package dev.dynamotest.junit;

/** {@link TransportContract} over HTTP. */
@DynamoTest
class HttpTransportTest extends TransportContract {
    @Override
    Transport expected() {
        return Transport.HTTP;
    }
}
