package dev.dynamotest.engine.expr;

import java.util.List;

/** A projection expression: the document paths to return. */
public record Projection(List<Path> paths) {
    public Projection {
        paths = List.copyOf(paths);
    }
}
