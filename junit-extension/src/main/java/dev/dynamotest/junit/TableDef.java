package dev.dynamotest.junit;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * A table declared by {@link CreateTable}: the CreateTable request to send, the TTL attribute to enable after it
 * (or null), the bean it was derived from (or null), where it was declared (for messages) and its auto scaling (or
 * null).
 */
record TableDef(String name, Class<?> bean, CreateTableRequest request, String ttlAttribute, String where,
                AutoScaling autoScaling) {
}
