package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttrType;

/** A key attribute: its name and scalar type (S, N or B). */
public record KeyAttribute(String name, AttrType type) {
}
