package dev.dynamotest.junit;

import dev.dynamotest.engine.model.AttributeValue.B;
import dev.dynamotest.engine.model.AttributeValue.BS;
import dev.dynamotest.engine.model.AttributeValue.Bool;
import dev.dynamotest.engine.model.AttributeValue.L;
import dev.dynamotest.engine.model.AttributeValue.M;
import dev.dynamotest.engine.model.AttributeValue.N;
import dev.dynamotest.engine.model.AttributeValue.NS;
import dev.dynamotest.engine.model.AttributeValue.Null;
import dev.dynamotest.engine.model.AttributeValue.S;
import dev.dynamotest.engine.model.AttributeValue.SS;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Num;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The engine's attribute values as the SDK's, at the boundary of the user API (the engine itself knows no SDK
 * types): numbers as their normalised text, binaries copied.
 */
final class SdkValues {
    private SdkValues() {
    }

    static Map<String, AttributeValue> item(Map<String, dev.dynamotest.engine.model.AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    static AttributeValue value(dev.dynamotest.engine.model.AttributeValue v) {
        if (v instanceof S s) {
            return AttributeValue.fromS(s.value());
        } else if (v instanceof N n) {
            return AttributeValue.fromN(n.value().toString());
        } else if (v instanceof B b) {
            return AttributeValue.fromB(bytes(b.value()));
        } else if (v instanceof Bool b) {
            return AttributeValue.fromBool(b.value());
        } else if (v instanceof Null) {
            return AttributeValue.fromNul(true);
        } else if (v instanceof M m) {
            return AttributeValue.fromM(item(m.value()));
        } else if (v instanceof L l) {
            return AttributeValue.fromL(l.value().stream().map(SdkValues::value).toList());
        } else if (v instanceof SS ss) {
            return AttributeValue.fromSs(ss.value().stream().toList());
        } else if (v instanceof NS ns) {
            return AttributeValue.fromNs(ns.value().stream().map(Num::toString).toList());
        } else if (v instanceof BS bs) {
            return AttributeValue.fromBs(bs.value().stream().map(SdkValues::bytes).toList());
        }
        throw new IllegalArgumentException("unknown attribute value " + v);
    }

    private static SdkBytes bytes(Bytes b) {
        return SdkBytes.fromByteArray(b.toArray());
    }
}
