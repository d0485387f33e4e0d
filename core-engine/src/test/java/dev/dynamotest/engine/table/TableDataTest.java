package dev.dynamotest.engine.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class TableDataTest {
    static final KeySchema TABLE_KEY = new KeySchema(new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.N));
    static final IndexLayout GSI = new IndexLayout("byStatus", true,
        new KeySchema(new KeyAttribute("status", AttrType.S), new KeyAttribute("sk", AttrType.N)),
        TableMetadata.ProjectionType.KEYS_ONLY, java.util.Set.of(), TABLE_KEY);

    static Item item(String pk, long sk, String status) {
        Map<String, AttributeValue> m = new java.util.LinkedHashMap<>();
        m.put("pk", AttributeValue.s(pk));
        m.put("sk", AttributeValue.n(sk));
        if (status != null) {
            m.put("status", AttributeValue.s(status));
        }
        m.put("payload", AttributeValue.s("x".repeat(10)));
        return Item.wrap(m);
    }

    static TableData put(TableData d, Item item) {
        PrimaryKey k = TABLE_KEY.keyOfItem(item);
        return d.with(k, d.get(k), item);
    }

    @Test
    void keepsSortKeysOrderedWithinAPartitionAndCountsItemsAndBytes() {
        TableData d = TableData.empty(List.of());
        for (long sk : new long[] {5, -1, 100, 3}) {
            d = put(d, item("a", sk, null));
        }
        d = put(d, item("b", 1, null));
        List<Long> order = new ArrayList<>();
        d.partition(AttributeValue.s("a")).values()
            .forEach(i -> order.add(((AttributeValue.N) i.get("sk")).value().value().longValue()));
        assertThat(order).containsExactly(-1L, 3L, 5L, 100L);
        assertThat(d.itemCount()).isEqualTo(5);
        long expected = 0;
        for (long sk : new long[] {5, -1, 100, 3}) {
            expected += item("a", sk, null).sizeBytes();
        }
        assertThat(d.sizeBytes()).isEqualTo(expected + item("b", 1, null).sizeBytes());
    }

    @Test
    void allItemsWalksEveryPartitionInScanOrderAndEachBySortKey() {
        assertThat(TableData.EMPTY.allItems()).isEmpty();
        TableData d = TableData.empty(List.of());
        for (String pk : new String[] {"a", "b", "c"}) {
            for (long sk : new long[] {3, 1, 2}) {
                d = put(d, item(pk, sk, null));
            }
        }
        TableData walked = d;
        List<Item> expected = new ArrayList<>();
        d.partitions().keySet().forEach(pid -> expected.addAll(walked.partition(pid.value()).values()));
        List<Item> all = new ArrayList<>();
        d.allItems().forEach(all::add);
        assertThat(all).hasSize(9).containsExactlyElementsOf(expected);
        assertThat(all.subList(0, 3)).extracting(i -> i.get("sk")).containsExactly(AttributeValue.n(1), AttributeValue.n(2), AttributeValue.n(3));
        Iterator<Item> it = d.allItems().iterator();
        all.forEach(x -> it.next());
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void snapshotsAreUnaffectedByLaterWrites() {
        TableData before = put(TableData.empty(List.of()), item("a", 1, null));
        TableData after = put(before, item("a", 2, null));
        PrimaryKey k1 = new PrimaryKey(AttributeValue.s("a"), AttributeValue.n(1));
        TableData deleted = after.with(k1, after.get(k1), null);
        assertThat(before.itemCount()).isEqualTo(1);
        assertThat(after.itemCount()).isEqualTo(2);
        assertThat(deleted.itemCount()).isEqualTo(1);
        assertThat(deleted.get(k1)).isNull();
        assertThat(before.get(k1)).isNotNull();
    }

    @Test
    void aTableWithoutASortKeyHoldsEachItemAsItsPartition() {
        KeySchema hashOnly = new KeySchema(new KeyAttribute("pk", AttrType.S), null);
        TableData empty = TableData.empty(List.of());
        TableData d = empty;
        for (String pk : new String[] {"a", "b", "c", "a"}) {
            Item item = Item.of(Map.of("pk", AttributeValue.s(pk), "v", AttributeValue.s(pk + d.itemCount())));
            PrimaryKey k = hashOnly.keyOfItem(item);
            d = d.with(k, d.get(k), item);
        }
        TableData three = d;
        PrimaryKey a = new PrimaryKey(AttributeValue.s("a"), null);
        assertThat(d.itemCount()).isEqualTo(3);
        assertThat(d.get(a).get("v")).isEqualTo(AttributeValue.s("a3")); // replaced in place
        assertThat(d.partitions().values()).allMatch(p -> p instanceof Item);
        assertThat(d.partition(AttributeValue.s("a")).values()).containsExactly(d.get(a));
        assertThat(d.partition(AttributeValue.s("z"))).isNull();
        List<Item> scanned = new ArrayList<>();
        d.allItems().forEach(scanned::add);
        assertThat(scanned).hasSize(3).contains(d.get(a));
        d = d.with(a, d.get(a), null);
        assertThat(d.get(a)).isNull();
        assertThat(d.itemCount()).isEqualTo(2);
        assertThat(d.with(a, null, null)).isSameAs(d); // deleting what is not there changes nothing
        assertThat(three.get(a)).isNotNull();
        assertThat(empty.itemCount()).isZero();
        long size = 0;
        for (Item i : d.allItems()) {
            size += i.sizeBytes();
        }
        assertThat(d.sizeBytes()).isEqualTo(size);
    }

    @Test
    void maintainsASparseProjectedIndexOnEveryChange() {
        TableData d = TableData.empty(List.of(GSI));
        d = put(d, item("a", 1, "open"));
        d = put(d, item("a", 2, null)); // no index key: not in the index
        d = put(d, item("b", 1, "open"));
        assertThat(d.index("byStatus").itemCount()).isEqualTo(2);
        Item entry = d.index("byStatus").partition(AttributeValue.s("open")).values().iterator().next();
        assertThat(entry.attributes()).containsOnlyKeys("pk", "sk", "status"); // KEYS_ONLY projection
        d = put(d, item("a", 1, "closed")); // moves between index partitions
        assertThat(d.index("byStatus").partition(AttributeValue.s("open"))).hasSize(1);
        assertThat(d.index("byStatus").partition(AttributeValue.s("closed"))).hasSize(1);
        d = put(d, item("b", 1, null)); // leaves the index
        assertThat(d.index("byStatus").partition(AttributeValue.s("open"))).isNull();
        assertThat(d.index("byStatus").itemCount()).isEqualTo(1);
    }

    @Test
    void backfillsAnIndexAddedLater() {
        TableData d = TableData.empty(List.of());
        d = put(d, item("a", 1, "open"));
        d = put(d, item("a", 2, "done"));
        d = put(d, item("a", 3, null));
        TableData withIndex = d.withLayouts(List.of(GSI));
        assertThat(withIndex.index("byStatus").itemCount()).isEqualTo(2);
        assertThat(withIndex.withLayouts(List.of()).index("byStatus")).isNull();
    }

    @Test
    void rejectsIndexKeysOfTheWrongTypeOrEmpty() {
        TableData d = TableData.empty(List.of(GSI));
        Map<String, AttributeValue> m = new java.util.HashMap<>(item("a", 1, null).attributes());
        m.put("status", AttributeValue.n(3));
        assertThatThrownBy(() -> d.checkIndexKeys(Item.of(m)))
            .isInstanceOf(DynamoException.class)
            .hasMessage("One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: byStatus");
        m.put("status", AttributeValue.s(""));
        assertThatThrownBy(() -> d.checkIndexKeys(Item.of(m)))
            .hasMessage("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byStatus, IndexKey: status");
    }
}
