package dev.dynamotest.junit;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * A table declared by {@link CreateTable}: the CreateTable request to send, the TTL attribute to enable after it
 * (or null), the bean it was derived from (or null) and where it was declared (for messages).
 */
record TableDef(String name, Class<?> bean, CreateTableRequest request, String ttlAttribute, String where) {
}
