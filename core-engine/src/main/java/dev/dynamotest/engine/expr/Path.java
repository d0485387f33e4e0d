package dev.dynamotest.engine.expr;

import java.util.List;

/**
 * A document path: {@code a.b[3].c}. Before name resolution a {@link Name} may hold a placeholder such as
 * {@code #n}; after it, every name is a real attribute or map-key name.
 */
public record Path(List<PathElement> elements) {
    public Path {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof Name)) {
            throw new IllegalArgumentException("a path starts with a name");
        }
    }

    public static Path of(String attribute) {
        return new Path(List.of(new Name(attribute)));
    }

    /** The top-level attribute name. */
    public String attribute() {
        return ((Name) elements.get(0)).name();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    public int size() {
        return elements.size();
    }

    public PathElement get(int i) {
        return elements.get(i);
    }

    /** Renders as DynamoDB does in messages: {@code [a, b, [3], c]}. */
    public String toMessageString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            PathElement e = elements.get(i);
            if (e instanceof Name n) {
                sb.append(n.name());
            } else {
                sb.append('[').append(((Index) e).index()).append(']');
            }
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (PathElement e : elements) {
            if (e instanceof Name n) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(n.name());
            } else {
                sb.append('[').append(((Index) e).index()).append(']');
            }
        }
        return sb.toString();
    }

    public sealed interface PathElement permits Name, Index {
    }

    /** A map key or attribute name; before resolution possibly a {@code #placeholder}. */
    public record Name(String name) implements PathElement {
    }

    /** A list index. */
    public record Index(int index) implements PathElement {
    }
}
