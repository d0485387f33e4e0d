package dev.dynamotest.junit;

/** Which attributes a secondary index carries. */
public enum Projection {
    ALL, KEYS_ONLY, INCLUDE
}
