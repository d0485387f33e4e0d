package dev.dynamotest.engine.journal;

/** How a request reached the engine. */
public enum Transport {
    /** Over HTTP (the Undertow endpoint). */
    HTTP,
    /** Through the in-process SDK HTTP client, without a socket. */
    IN_PROCESS
}
