package dev.dynamotest.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The compact collections behave as the unmodifiable LinkedHashMap, LinkedHashSet and ArrayList they replace:
 * order, lookups (linear and indexed), equality both ways, hash codes, text, and no changes.
 */
class CompactCollectionsTest {
    final Random random = new Random(11);

    LinkedHashMap<String, AttributeValue> randomMap(int n) {
        LinkedHashMap<String, AttributeValue> m = new LinkedHashMap<>();
        while (m.size() < n) {
            String name = "a" + random.nextInt(n * 3);
            m.put(name, random.nextBoolean() ? AttributeValue.s("v" + random.nextInt(10)) : AttributeValue.n(random.nextInt(5)));
        }
        return m;
    }

    @Test
    void attributeMapsAreTheMapsTheyCopy() {
        for (int n : new int[] {0, 1, 2, 11, 16, 17, 40, 300}) {
            for (int round = 0; round < 5; round++) {
                LinkedHashMap<String, AttributeValue> expected = randomMap(n);
                AttributeMap m = AttributeMap.copyOf(expected);
                Map<String, AttributeValue> reference = Collections.unmodifiableMap(expected);
                assertThat(m).isEqualTo(reference);
                assertThat(reference).isEqualTo(m);
                assertThat(m.hashCode()).isEqualTo(reference.hashCode());
                assertThat(m.toString()).isEqualTo(reference.toString());
                assertThat(new ArrayList<>(m.keySet())).isEqualTo(new ArrayList<>(reference.keySet()));
                assertThat(new ArrayList<>(m.values())).isEqualTo(new ArrayList<>(reference.values()));
                assertThat(new ArrayList<>(m.entrySet())).isEqualTo(new ArrayList<>(reference.entrySet()));
                assertThat(m.entrySet()).isEqualTo(reference.entrySet());
                assertThat(m.keySet()).isEqualTo(reference.keySet());
                for (int i = 0; i < n * 3 + 2; i++) {
                    String name = new String("a" + i); // not the same instance as the key
                    assertThat(m.get(name)).isEqualTo(reference.get(name));
                    assertThat(m.containsKey(name)).isEqualTo(reference.containsKey(name));
                }
                assertThat(m.get(null)).isNull();
                assertThat(m.get(42)).isNull();
                List<String> visited = new ArrayList<>();
                m.forEach((k, v) -> visited.add(k + "=" + v));
                List<String> expectedVisits = new ArrayList<>();
                reference.forEach((k, v) -> expectedVisits.add(k + "=" + v));
                assertThat(visited).isEqualTo(expectedVisits);
                AttributeMap.Builder b = AttributeMap.builder(1);
                expected.forEach(b::put);
                expected.forEach((k, v) -> b.put(new String(k), v)); // again: replaces in place
                assertThat(new ArrayList<>(b.build().entrySet())).isEqualTo(new ArrayList<>(reference.entrySet()));
                assertThat(AttributeMap.copyOf(m)).isSameAs(m);
            }
        }
        Map<String, AttributeValue> differs = new LinkedHashMap<>(Map.of("a", AttributeValue.n(1)));
        assertThat(AttributeMap.copyOf(Map.of("a", AttributeValue.n(2)))).isNotEqualTo(differs);
        assertThat(AttributeMap.copyOf(Map.of("b", AttributeValue.n(1)))).isNotEqualTo(differs);
    }

    @Test
    void mapsOfTheSameNamesInTheSameOrderShareTheirShape() {
        for (int n : new int[] {1, 5, 30}) {
            LinkedHashMap<String, AttributeValue> a = randomMap(n);
            LinkedHashMap<String, AttributeValue> b = new LinkedHashMap<>();
            a.forEach((k, v) -> b.put(new String(k), AttributeValue.NULL)); // equal names, other instances and values
            AttributeMap ma = AttributeMap.copyOf(a);
            AttributeMap mb = AttributeMap.copyOf(b);
            assertThat(mb.shape()).isSameAs(ma.shape());
            assertThat(mb).isNotEqualTo(ma);
            AttributeMap.Builder reversed = AttributeMap.builder(n);
            List<String> names = new ArrayList<>(a.keySet());
            Collections.reverse(names);
            names.forEach(k -> reversed.put(k, a.get(k)));
            AttributeMap mr = reversed.build();
            assertThat(mr).isEqualTo(ma);
            assertThat(new ArrayList<>(mr.keySet())).isEqualTo(names);
            if (n > 1) {
                assertThat(mr.shape()).isNotSameAs(ma.shape());
            }
        }
    }

    @Test
    void theShapeCacheStaysBounded() {
        AttributeMap first = AttributeMap.copyOf(Map.of("bounded-first", AttributeValue.NULL));
        for (int i = 0; i < AttributeMap.Shape.CACHE_MAX + 10; i++) {
            AttributeMap m = AttributeMap.copyOf(Map.of("bounded" + i, AttributeValue.n(i)));
            assertThat(m.get("bounded" + i)).isEqualTo(AttributeValue.n(i));
        }
        assertThat(AttributeMap.Shape.cached()).isLessThanOrEqualTo(AttributeMap.Shape.CACHE_MAX);
        assertThat(first.get("bounded-first")).isEqualTo(AttributeValue.NULL); // a map keeps its shape
    }

    @Test
    void itemsAreTheirAttributes() {
        for (int n : new int[] {0, 1, 11, 40}) {
            LinkedHashMap<String, AttributeValue> m = randomMap(n);
            Item item = Item.of(m);
            assertThat(item.attributes()).isEqualTo(m).isInstanceOf(AttributeMap.class);
            assertThat(new ArrayList<>(item.attributes().keySet())).isEqualTo(new ArrayList<>(m.keySet()));
            assertThat(item.hashCode()).isEqualTo(m.hashCode());
            assertThat(item.toString()).isEqualTo(m.toString());
            assertThat(item).isEqualTo(Item.wrap(new LinkedHashMap<>(m))).isNotEqualTo(m);
            assertThat(item.isEmpty()).isEqualTo(n == 0);
            assertThat(item.toMutableMap()).isEqualTo(m);
            for (int i = 0; i < n * 3 + 2; i++) {
                assertThat(item.get("a" + i)).isEqualTo(m.get("a" + i));
            }
            int size = 0;
            for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
                size += AttributeValue.utf8Length(e.getKey()) + e.getValue().sizeBytes();
            }
            assertThat(item.sizeBytes()).isEqualTo(size);
        }
        assertThat(Item.EMPTY.attributes()).isEmpty();
    }

    @Test
    void attributeMapsCannotChange() {
        AttributeMap m = AttributeMap.copyOf(randomMap(20));
        assertThatThrownBy(() -> m.put("x", AttributeValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.remove("a1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(m::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(AttributeValue.NULL))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.keySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void setsAreTheSetsTheyCopy() {
        for (int n : new int[] {1, 3, 16, 17, 100}) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < n * 2; i++) {
                values.add("s" + random.nextInt(n * 2));
            }
            Set<String> reference = Collections.unmodifiableSet(new LinkedHashSet<>(values));
            CompactSet<String> set = CompactSet.copyOf(values);
            assertThat(set).isEqualTo(reference);
            assertThat(reference).isEqualTo(set);
            assertThat(set.hashCode()).isEqualTo(reference.hashCode());
            assertThat(set.toString()).isEqualTo(reference.toString());
            assertThat(new ArrayList<>(set)).isEqualTo(new ArrayList<>(reference));
            for (int i = 0; i < n * 2 + 1; i++) {
                assertThat(set.contains(new String("s" + i))).isEqualTo(reference.contains("s" + i));
            }
            assertThat(set.contains(null)).isFalse();
            assertThatThrownBy(() -> set.add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> set.removeIf(x -> true)).isInstanceOf(UnsupportedOperationException.class);
        }
        CompactSet<Num> nums = CompactSet.copyOf(List.of(Num.parse("1.50"), Num.parse("1.5"), Num.parse("2")));
        assertThat(nums).hasSize(2).contains(Num.parse("015e-1"));
    }

    @Test
    void stringSetsAreTheSetsTheyCopy() {
        String[] pieces = {"a", "b", "é", "日", "\ud83d\ude00", "\"", "\u0000", "zz"};
        for (int n : new int[] {1, 3, 16, 17, 100}) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < n * 2; i++) {
                values.add(pieces[random.nextInt(pieces.length)] + random.nextInt(n));
            }
            Set<String> reference = Collections.unmodifiableSet(new LinkedHashSet<>(values));
            StringSet set = StringSet.copyOf(values);
            assertThat(set).isEqualTo(reference);
            assertThat(reference).isEqualTo(set);
            assertThat(set.hashCode()).isEqualTo(reference.hashCode());
            assertThat(set.toString()).isEqualTo(reference.toString());
            assertThat(new ArrayList<>(set)).isEqualTo(new ArrayList<>(reference));
            int utf8 = 0;
            for (String s : reference) {
                utf8 += AttributeValue.utf8Length(s);
            }
            assertThat(set.utf8Length()).isEqualTo(utf8);
            for (String p : pieces) {
                for (int i = 0; i < n + 1; i++) {
                    String probe = new String(p + i);
                    assertThat(set.contains(probe)).as(probe).isEqualTo(reference.contains(probe));
                }
            }
            assertThat(set.contains(null)).isFalse();
            assertThat(set.contains(42)).isFalse();
            assertThatThrownBy(() -> set.add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> set.removeIf(x -> true)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(StringSet.copyOf(set)).isSameAs(set);
        }
        assertThat(new AttributeValue.SS(Set.of("x")).value()).isInstanceOf(StringSet.class);
    }

    @Test
    void listsAreTheListsTheyCopy() {
        List<AttributeValue> reference = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reference.add(AttributeValue.n(i % 7));
        }
        CompactList<AttributeValue> list = CompactList.copyOf(reference);
        assertThat(list).isEqualTo(reference);
        assertThat(reference).isEqualTo(list);
        assertThat(list.hashCode()).isEqualTo(reference.hashCode());
        assertThat(list.toString()).isEqualTo(reference.toString());
        assertThat(list.contains(null)).isFalse();
        assertThat(list.indexOf(AttributeValue.n(3))).isEqualTo(3);
        assertThatThrownBy(() -> list.set(0, AttributeValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.add(AttributeValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(CompactList.copyOf(List.of())).isEmpty();
    }

    @Test
    void valuesHoldCompactCopies() {
        LinkedHashMap<String, AttributeValue> m = randomMap(5);
        AttributeValue.M value = new AttributeValue.M(m);
        m.clear(); // a copy was taken
        assertThat(value.value()).isInstanceOf(AttributeMap.class).hasSize(5);
        assertThat(new AttributeValue.L(new ArrayList<>(List.of(AttributeValue.NULL))).value()).isInstanceOf(CompactList.class);
        assertThat(AttributeValue.SS.of(List.of("a", "b", "a")).value()).isInstanceOf(StringSet.class).containsExactly("a", "b");
        assertThat(new AttributeValue.SS(new LinkedHashSet<>(List.of("x", "y")))).isEqualTo(AttributeValue.SS.of(List.of("x", "y")));
        assertThat(AttributeValue.NS.of(List.of(Num.of(1))).value()).isInstanceOf(CompactSet.class);
        assertThat(value.toString()).startsWith("M[value={a");
        Item item = Item.wrap(m);
        assertThat(item.attributes()).isEmpty();
    }
}
