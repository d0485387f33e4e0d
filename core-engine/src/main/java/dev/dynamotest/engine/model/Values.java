package dev.dynamotest.engine.model;

import java.util.Comparator;
import java.util.List;

/** Ordering and comparison of attribute values as DynamoDB defines them. */
public final class Values {
    private Values() {
    }

    /**
     * Orders two scalar key values of the same type: strings by UTF-8 bytes (equivalently, by code point), numbers
     * by value, binaries unsigned byte by byte.
     */
    public static int compareScalars(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S sa && b instanceof AttributeValue.S sb) {
            return AttributeValue.S.compare(sa, sb);
        }
        if (a instanceof AttributeValue.N na && b instanceof AttributeValue.N nb) {
            return na.value().compareTo(nb.value());
        }
        if (a instanceof AttributeValue.B ba && b instanceof AttributeValue.B bb) {
            return ba.value().compareTo(bb.value());
        }
        if (a instanceof AttributeValue.L la && b instanceof AttributeValue.L lb) {
            return compareComposite(la.value(), lb.value());
        }
        throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
    }

    /**
     * A multi-attribute index key (a list of scalars in key-schema order), compared left to right. Only the
     * elements both have are compared: a shorter list is a prefix, equal to every key it begins, so that search
     * bounds built from a prefix of the RANGE attributes sort before or after (never between) the keys they cover.
     * Stored keys always have every element, so among them this is a total order.
     */
    static int compareComposite(List<AttributeValue> a, List<AttributeValue> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareScalars(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public static final Comparator<AttributeValue> SCALAR_ORDER = Values::compareScalars;

    /** True where {@link #compareScalars} applies: both S, both N or both B. */
    public static boolean comparable(AttributeValue a, AttributeValue b) {
        return a.type() == b.type() && a.type().isScalarKeyType();
    }

    /**
     * Compares strings in UTF-8 byte order, which equals code point order; Java's {@code compareTo} compares
     * UTF-16 units and differs for characters above U+FFFF against U+E000..U+FFFF.
     */
    public static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa != sb) {
                    return sa ? 1 : -1; // a surrogate encodes a code point above every BMP char
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }
}
