package dev.dynamotest.junit;

/**
 * How injected clients reach the embedded engine: over HTTP on its loopback port, or in process (the SDK's whole
 * request path, without a socket). The endpoint URI is served either way, for clients you build yourself.
 */
public enum Transport {
    /** Real HTTP to the embedded endpoint (the default). */
    HTTP,
    /** The same request handler, called directly: marshalling, signing, retries and interceptors still run. */
    IN_PROCESS
}
