package dev.dynamotest.engine.table;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttributeMap;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the storage needs to know about one secondary index: its name, key, projection and kind. Derived from
 * {@link TableMetadata.IndexDefinition}; the table's own key is needed to project keys into index entries.
 */
public record IndexLayout(String name, boolean global, KeySchema keySchema, TableMetadata.ProjectionType projectionType,
                          Set<String> nonKeyAttributes, KeySchema tableKey) {

    public static IndexLayout of(TableMetadata.IndexDefinition d, boolean global, KeySchema tableKey) {
        return new IndexLayout(d.name(), global, d.keySchema(), d.projection().type(),
            Set.copyOf(d.projection().nonKeyAttributes()), tableKey);
    }

    public static List<IndexLayout> of(TableMetadata m) {
        List<IndexLayout> out = new java.util.ArrayList<>();
        for (TableMetadata.IndexDefinition d : m.localSecondaryIndexes()) {
            out.add(of(d, false, m.keySchema()));
        }
        for (TableMetadata.IndexDefinition d : m.globalSecondaryIndexes()) {
            out.add(of(d, true, m.keySchema()));
        }
        return List.copyOf(out);
    }

    /** True if the item has every key attribute of the index (otherwise it is not in this sparse index). */
    public boolean covers(Item item) {
        if (item == null) {
            return false;
        }
        for (KeyAttribute a : keySchema.partitionAttributes()) {
            if (item.get(a.name()) == null) {
                return false;
            }
        }
        for (KeyAttribute a : keySchema.sortAttributes()) {
            if (item.get(a.name()) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The item's partition value in this index: its HASH attribute's value, or for a multi-attribute key all HASH
     * values together (a list in schema order). Only for items the index {@link #covers}.
     */
    public AttributeValue partitionValue(Item item) {
        return composite(item, keySchema.partitionAttributes());
    }

    /** The item's sort value in this index (null without RANGE attributes); several RANGE values form a list. */
    public AttributeValue sortValue(Item item) {
        return keySchema.sortAttributes().isEmpty() ? null : composite(item, keySchema.sortAttributes());
    }

    private static AttributeValue composite(Item item, List<KeyAttribute> attrs) {
        if (attrs.size() == 1) {
            return item.get(attrs.get(0).name());
        }
        List<AttributeValue> values = new ArrayList<>(attrs.size());
        for (KeyAttribute a : attrs) {
            values.add(item.get(a.name()));
        }
        return new AttributeValue.L(values);
    }

    /** Rejects an item whose index key attributes have the wrong type or an empty value, as the service does. */
    public void check(Item item) {
        for (KeyAttribute a : keySchema.attributes()) {
            checkAttribute(item, a);
        }
    }

    private void checkAttribute(Item item, KeyAttribute attr) {
        AttributeValue v = item.get(attr.name());
        if (v == null) {
            return;
        }
        if (v.type() != attr.type()) {
            throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                + attr.name() + " Expected: " + attr.type() + " Actual: " + v.type() + " IndexName: " + name);
        }
        if (KeySchema.isEmptyKeyValue(v)) {
            throw DynamoException.validation("One or more parameter values are not valid. A value specified for a "
                + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                + (v.type() == AttrType.S ? "string" : "binary")
                + " value. IndexName: " + name + ", IndexKey: " + attr.name());
        }
    }

    /** The item as stored in the index: projected to its key attributes plus the projected attributes. */
    public Item project(Item item) {
        if (projectionType == TableMetadata.ProjectionType.ALL) {
            return item;
        }
        AttributeMap all = (AttributeMap) item.attributes();
        AttributeMap.Builder m = AttributeMap.builder(4);
        for (int i = 0; i < all.size(); i++) {
            String n = all.nameAt(i);
            if (tableKey.isKeyAttribute(n) || keySchema.isKeyAttribute(n)
                || (projectionType == TableMetadata.ProjectionType.INCLUDE && nonKeyAttributes.contains(n))) {
                m.put(n, all.valueAt(i));
            }
        }
        return Item.wrap(m.build());
    }

    /** True if the attribute is available in this index's entries. */
    public boolean projects(String attribute) {
        return projectionType == TableMetadata.ProjectionType.ALL || tableKey.isKeyAttribute(attribute)
            || keySchema.isKeyAttribute(attribute) || nonKeyAttributes.contains(attribute);
    }
}
