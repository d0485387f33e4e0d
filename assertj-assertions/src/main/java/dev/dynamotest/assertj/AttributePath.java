package dev.dynamotest.assertj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A path into an item: attribute names separated by dots, list indexes in brackets ({@code address.city},
 * {@code tags[0]}, {@code orders[2].lines[0].sku}).
 */
final class AttributePath {
    private AttributePath() {
    }

    /** Where resolving a path ended: the value, or why there is none. */
    record Resolution(AttributeValue value, String problem) {
        boolean found() {
            return value != null;
        }
    }

    static List<Object> parse(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("an attribute path must not be empty");
        }
        List<Object> steps = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.') {
                if (name.length() > 0) {
                    steps.add(name.toString());
                    name.setLength(0);
                } else if (i == 0 || path.charAt(i - 1) != ']') {
                    throw new IllegalArgumentException("invalid attribute path \"" + path + "\": empty name");
                }
            } else if (c == '[') {
                if (name.length() > 0) {
                    steps.add(name.toString());
                    name.setLength(0);
                } else if (steps.isEmpty()) {
                    throw new IllegalArgumentException("invalid attribute path \"" + path + "\": starts with an index");
                }
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("invalid attribute path \"" + path + "\": missing ]");
                }
                try {
                    steps.add(Integer.parseInt(path.substring(i + 1, close)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid attribute path \"" + path + "\": bad index "
                        + path.substring(i, close + 1));
                }
                i = close;
            } else {
                name.append(c);
            }
        }
        if (name.length() > 0) {
            steps.add(name.toString());
        } else if (path.endsWith(".")) {
            throw new IllegalArgumentException("invalid attribute path \"" + path + "\": empty name");
        }
        return steps;
    }

    static Resolution resolve(Map<String, AttributeValue> item, String path) {
        List<Object> steps = parse(path);
        AttributeValue current = null;
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            if (step instanceof String name) {
                Map<String, AttributeValue> map;
                if (i == 0) {
                    map = item;
                } else if (current.type() == AttributeValue.Type.M) {
                    map = current.m();
                } else {
                    return new Resolution(null, ItemJson.quote(walked.toString()) + " is not a map but "
                        + ItemJson.of(current));
                }
                AttributeValue next = map.get(name);
                if (next == null) {
                    return new Resolution(null, i == 0 ? "the item has no attribute " + ItemJson.quote(name)
                        : ItemJson.quote(walked.toString()) + " has no attribute " + ItemJson.quote(name));
                }
                if (i > 0) {
                    walked.append('.');
                }
                walked.append(name);
                current = next;
            } else {
                int index = (Integer) step;
                if (current.type() != AttributeValue.Type.L) {
                    return new Resolution(null, ItemJson.quote(walked.toString()) + " is not a list but "
                        + ItemJson.of(current));
                }
                if (index < 0 || index >= current.l().size()) {
                    return new Resolution(null, ItemJson.quote(walked.toString()) + " has " + current.l().size()
                        + " element" + (current.l().size() == 1 ? "" : "s") + ", no index " + index);
                }
                walked.append('[').append(index).append(']');
                current = current.l().get(index);
            }
        }
        return new Resolution(current, null);
    }
}
