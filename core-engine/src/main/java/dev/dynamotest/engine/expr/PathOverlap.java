package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The overlap/conflict check of the paths of an update or projection expression. Two paths overlap when one is a
 * prefix of (or equal to) the other; they conflict when, after a common prefix, one continues with a map key and
 * the other with a list index.
 *
 * <p>Which pair the message names when several paths clash follows DynamoDB, reconstructed from DynamoDB Local's
 * answers: the paths go into a tree in reverse text order; each tree node remembers the path that created it and
 * keeps its children in a {@link HashMap} (map keys by string, list indexes by integer); while a path walks down,
 * "the other path" is the creator of the last child (in hash-map order) of each node passed, and the first clash
 * is reported as "path one" = the path being added (the earlier in the text), "path two" = that other path. This
 * reproduces every case probed with a handful of sibling paths; with hundreds of siblings under one node DynamoDB
 * may name a different sibling as path two.
 */
final class PathOverlap {
    private PathOverlap() {
    }

    private static final class Node {
        final Path creator;
        final Map<Object, Node> children = new HashMap<>();
        boolean childrenAreNames;
        boolean leaf;

        Node(Path creator) {
            this.creator = creator;
        }
    }

    static void check(List<Path> pathsInTextOrder, ExpressionKind kind) {
        Node root = new Node(null);
        for (int i = pathsInTextOrder.size() - 1; i >= 0; i--) {
            insert(root, pathsInTextOrder.get(i), kind);
        }
    }

    private static void insert(Node root, Path path, ExpressionKind kind) {
        Node node = root;
        Path other = null;
        boolean created = false;
        for (int i = 0; i < path.size(); i++) {
            for (Node c : node.children.values()) {
                other = c.creator;
            }
            if (node.leaf) {
                throw clash(Messages.EXPR_PATHS_OVERLAP, path, other, kind);
            }
            Path.PathElement e = path.get(i);
            boolean isName = e instanceof Path.Name;
            if (!node.children.isEmpty() && node.childrenAreNames != isName) {
                throw clash(Messages.EXPR_PATHS_CONFLICT, path, other, kind);
            }
            Object key = isName ? ((Path.Name) e).name() : (Object) ((Path.Index) e).index();
            Node child = node.children.get(key);
            created = child == null;
            if (created) {
                child = new Node(path);
                node.children.put(key, child);
                node.childrenAreNames = isName;
            }
            node = child;
        }
        for (Node c : node.children.values()) {
            other = c.creator;
        }
        if (!created) {
            throw clash(Messages.EXPR_PATHS_OVERLAP, path, other, kind);
        }
        node.leaf = true;
    }

    private static DynamoException clash(String format, Path one, Path two, ExpressionKind kind) {
        return DynamoException.validation(kind.invalid(String.format(format, one.toMessageString(), two.toMessageString())));
    }
}
