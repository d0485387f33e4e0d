package dev.dynamotest.junit;

/** The table's billing mode. */
public enum Billing {
    PAY_PER_REQUEST, PROVISIONED
}
