package dev.dynamotest.junit;

/** The type of a key attribute: string, number or binary. */
public enum ScalarType {
    S, N, B
}
