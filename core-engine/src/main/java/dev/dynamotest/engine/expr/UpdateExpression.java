package dev.dynamotest.engine.expr;

import java.util.List;

/** A parsed update expression: each clause at most once, actions in their written order. */
public record UpdateExpression(List<SetAction> set, List<Path> remove, List<AddAction> add, List<DeleteAction> delete) {
    public UpdateExpression {
        set = List.copyOf(set);
        remove = List.copyOf(remove);
        add = List.copyOf(add);
        delete = List.copyOf(delete);
    }

    /** {@code SET path = value}; value may be a path, a literal, a function or {@code a + b} / {@code a - b}. */
    public record SetAction(Path path, Operand value) {
    }

    /** {@code ADD path :value} (numbers and sets). */
    public record AddAction(Path path, Operand value) {
    }

    /** {@code DELETE path :subset} (sets). */
    public record DeleteAction(Path path, Operand value) {
    }
}
