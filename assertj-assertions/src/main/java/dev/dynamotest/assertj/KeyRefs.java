package dev.dynamotest.assertj;

import dev.dynamotest.engine.journal.KeyRef;
import dev.dynamotest.engine.model.AttributeValue;
import java.util.Map;

/** Key values printed as {@link KeyRef} prints them. */
final class KeyRefs {
    private KeyRefs() {
    }

    static String show(AttributeValue v) {
        String all = new KeyRef("", null, Map.of("k", v), false).toString(); // " {k=...}"
        return all.substring(all.indexOf('=') + 1, all.length() - 1);
    }
}
