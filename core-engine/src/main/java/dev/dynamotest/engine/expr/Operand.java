package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.model.AttributeValue;
import java.util.List;

/** A value-producing term of an expression. */
public sealed interface Operand {

    /** A document path, read from the item. */
    record PathOperand(Path path) implements Operand {
    }

    /** An {@code :placeholder} before resolution. */
    record ValueRef(String placeholder) implements Operand {
    }

    /** A value after resolution of its placeholder (the placeholder name kept for messages). */
    record Literal(AttributeValue value, String placeholder) implements Operand {
    }

    /** {@code size(path)}: conditions and filters only. */
    record Size(Operand path) implements Operand {
    }

    /** {@code if_not_exists(path, value)}: update SET values only. */
    record IfNotExists(Operand path, Operand fallback) implements Operand {
    }

    /** {@code list_append(a, b)}: update SET values only. */
    record ListAppend(Operand first, Operand second) implements Operand {
    }

    /** {@code a + b} or {@code a - b}: update SET values only. */
    record Arithmetic(Operand left, char operator, Operand right) implements Operand {
    }

    /** Any other function name used as an operand, kept so the validator can name it in its message. */
    record UnknownFunction(String name, List<Operand> arguments) implements Operand {
    }
}
