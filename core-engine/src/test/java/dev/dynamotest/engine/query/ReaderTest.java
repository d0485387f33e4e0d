package dev.dynamotest.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.IndexLayout;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.table.TableMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReaderTest {
    static final KeySchema KEY = new KeySchema(new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.S));
    static final IndexLayout BY_GROUP = new IndexLayout("byGroup", true,
        new KeySchema(new KeyAttribute("g", AttrType.S), new KeyAttribute("n", AttrType.N)),
        TableMetadata.ProjectionType.ALL, Set.of(), KEY);

    static TableData data() {
        TableData d = TableData.empty(List.of(BY_GROUP));
        for (String pk : List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8")) {
            for (String sk : List.of("a", "ab", "abc", "b", "ba", "c")) {
                Item item = Item.of(Map.of("pk", AttributeValue.s(pk), "sk", AttributeValue.s(sk),
                    "g", AttributeValue.s("g" + (sk.length() % 2)), "n", AttributeValue.n(sk.charAt(0))));
                PrimaryKey k = KEY.keyOfItem(item);
                d = d.with(k, null, item);
            }
        }
        return d;
    }

    static List<String> sortKeys(Iterator<Entry> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(((AttributeValue.S) e.item().get("sk")).value()));
        return out;
    }

    static SortCondition cond(SortCondition.Op op, String v, String upper) {
        return new SortCondition(op, AttributeValue.s(v), upper == null ? null : AttributeValue.s(upper));
    }

    @Test
    void queryFindsTheSortKeyRangeInBothDirections() {
        TableData d = data();
        AttributeValue p = AttributeValue.s("p3");
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, null, true, null))).containsExactly("a", "ab", "abc", "b", "ba", "c");
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, null, false, null))).containsExactly("c", "ba", "b", "abc", "ab", "a");
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, cond(SortCondition.Op.BEGINS_WITH, "a", null), true, null)))
            .containsExactly("a", "ab", "abc");
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, cond(SortCondition.Op.BEGINS_WITH, "b", null), false, null)))
            .containsExactly("ba", "b");
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, cond(SortCondition.Op.GT, "ab", null), true, null)))
            .containsExactly("abc", "b", "ba", "c");
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, cond(SortCondition.Op.LT, "b", null), false, null)))
            .containsExactly("abc", "ab", "a");
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, cond(SortCondition.Op.BETWEEN, "ab", "ba"), true, null)))
            .containsExactly("ab", "abc", "b", "ba");
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, cond(SortCondition.Op.BETWEEN, "c", "a"), true, null))).isEmpty();
        assertThat(sortKeys(Reader.queryTable(d, KEY, AttributeValue.s("nope"), null, true, null))).isEmpty();
    }

    @Test
    void queryResumesAfterTheStartKey() {
        TableData d = data();
        AttributeValue p = AttributeValue.s("p1");
        Reader.Position after = new Reader.Position(new PrimaryKey(p, AttributeValue.s("ab")), null, null);
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, null, true, after))).containsExactly("abc", "b", "ba", "c");
        assertThat(sortKeys(Reader.queryTable(d, KEY, p, null, false, after))).containsExactly("a");
    }

    @Test
    void indexQueryOrdersByIndexSortKeyThenTableKeyAndResumes() {
        TableData d = data();
        List<String> forward = new ArrayList<>();
        Reader.queryIndex(d.index("byGroup"), BY_GROUP, AttributeValue.s("g1"),
                new SortCondition(SortCondition.Op.GE, AttributeValue.n('b'), null), true, null)
            .forEachRemaining(e -> forward.add(((AttributeValue.S) e.item().get("pk")).value() + "/" + ((AttributeValue.S) e.item().get("sk")).value()));
        // g1 = odd-length sort keys: a, abc, b, c; n >= 'b' keeps b and c, 8 partitions each
        assertThat(forward).hasSize(16);
        assertThat(forward.subList(0, 8)).allMatch(s -> s.endsWith("/b"));
        Entry third = null;
        Iterator<Entry> it = Reader.queryIndex(d.index("byGroup"), BY_GROUP, AttributeValue.s("g1"), null, true, null);
        for (int i = 0; i < 3; i++) {
            third = it.next();
        }
        Reader.Position pos = new Reader.Position(third.tableKey(), AttributeValue.s("g1"), third.item().get("n"));
        List<Entry> rest = new ArrayList<>();
        Reader.queryIndex(d.index("byGroup"), BY_GROUP, AttributeValue.s("g1"), null, true, pos).forEachRemaining(rest::add);
        assertThat(rest).hasSize(32 - 3);
    }

    @Test
    void parallelScanSegmentsAreDisjointAndCoverTheTable() {
        TableData d = data();
        for (int total : new int[] {1, 2, 3, 4, 7, 1000}) {
            Set<PrimaryKey> seen = new HashSet<>();
            int count = 0;
            for (int s = 0; s < total; s++) {
                Iterator<Entry> it = Reader.scanTable(d, KEY, s, total, null);
                while (it.hasNext()) {
                    Entry e = it.next();
                    assertThat(Reader.segmentOf(e.tableKey().partition(), total)).isEqualTo(s);
                    seen.add(e.tableKey());
                    count++;
                }
            }
            assertThat(count).isEqualTo(48);
            assertThat(seen).hasSize(48);
        }
    }

    @Test
    void scanResumesAfterAnyItemEvenADeletedOne() {
        TableData d = data();
        List<Entry> all = new ArrayList<>();
        Reader.scanTable(d, KEY, 0, 1, null).forEachRemaining(all::add);
        Entry tenth = all.get(9);
        TableData without = d.with(tenth.tableKey(), tenth.item(), null);
        List<Entry> rest = new ArrayList<>();
        Reader.scanTable(without, KEY, 0, 1, new Reader.Position(tenth.tableKey(), null, null)).forEachRemaining(rest::add);
        assertThat(rest).containsExactlyElementsOf(all.subList(10, all.size()));
        List<Entry> indexAll = new ArrayList<>();
        Reader.scanIndex(d.index("byGroup"), 0, 1, null).forEachRemaining(indexAll::add);
        assertThat(indexAll).hasSize(48);
    }
}
