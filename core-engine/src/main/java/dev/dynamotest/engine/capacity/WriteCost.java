package dev.dynamotest.engine.capacity;

import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.IndexLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The write units one item change costs: on the table (by the larger of old and new item) and on each secondary
 * index it touches (an index entry put, deleted or both when its index key changed, sized by projected item).
 */
public record WriteCost(double table, Map<String, Double> globalIndexes, Map<String, Double> localIndexes) {

    public double total() {
        double t = table;
        for (double v : globalIndexes.values()) {
            t += v;
        }
        for (double v : localIndexes.values()) {
            t += v;
        }
        return t;
    }

    /** This cost multiplied (transactional writes cost twice the standard units). */
    public WriteCost times(double factor) {
        Map<String, Double> gsi = new LinkedHashMap<>();
        Map<String, Double> lsi = new LinkedHashMap<>();
        globalIndexes.forEach((k, v) -> gsi.put(k, v * factor));
        localIndexes.forEach((k, v) -> lsi.put(k, v * factor));
        return new WriteCost(table * factor, gsi, lsi);
    }

    /** The sum of several writes' costs (one table's share of a batch). */
    public static WriteCost sum(WriteCost... costs) {
        double table = 0;
        Map<String, Double> gsi = new LinkedHashMap<>();
        Map<String, Double> lsi = new LinkedHashMap<>();
        for (WriteCost c : costs) {
            table += c.table;
            c.globalIndexes.forEach((k, v) -> gsi.merge(k, v, Double::sum));
            c.localIndexes.forEach((k, v) -> lsi.merge(k, v, Double::sum));
        }
        return new WriteCost(table, gsi, lsi);
    }

    public static WriteCost of(List<IndexLayout> layouts, Item oldItem, Item newItem) {
        double table = CapacityUnits.write(oldItem, newItem);
        Map<String, Double> gsi = new LinkedHashMap<>();
        Map<String, Double> lsi = new LinkedHashMap<>();
        for (IndexLayout l : layouts) {
            boolean before = l.covers(oldItem);
            boolean after = l.covers(newItem);
            if (!before && !after) {
                continue;
            }
            Item po = before ? l.project(oldItem) : null;
            Item pn = after ? l.project(newItem) : null;
            double units;
            if (before && after && !sameIndexKey(l, oldItem, newItem)) {
                units = CapacityUnits.write(po, null) + CapacityUnits.write(null, pn);
            } else if (before && after && po.equals(pn)) {
                continue; // nothing projected changed: the index is not written
            } else {
                units = CapacityUnits.write(po, pn);
            }
            (l.global() ? gsi : lsi).merge(l.name(), units, Double::sum);
        }
        return new WriteCost(table, gsi, lsi);
    }

    private static boolean sameIndexKey(IndexLayout l, Item a, Item b) {
        return l.partitionValue(a).equals(l.partitionValue(b)) && Objects.equals(l.sortValue(a), l.sortValue(b));
    }
}
