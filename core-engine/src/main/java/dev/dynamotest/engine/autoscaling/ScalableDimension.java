package dev.dynamotest.engine.autoscaling;

/** The four scalable dimensions Application Auto Scaling has for DynamoDB. */
public enum ScalableDimension {
    TABLE_READ("dynamodb:table:ReadCapacityUnits", false, false),
    TABLE_WRITE("dynamodb:table:WriteCapacityUnits", false, true),
    INDEX_READ("dynamodb:index:ReadCapacityUnits", true, false),
    INDEX_WRITE("dynamodb:index:WriteCapacityUnits", true, true);

    private final String wire;
    private final boolean index;
    private final boolean write;

    ScalableDimension(String wire, boolean index, boolean write) {
        this.wire = wire;
        this.index = index;
        this.write = write;
    }

    /** The name on the wire, e.g. {@code dynamodb:table:WriteCapacityUnits}. */
    public String wire() {
        return wire;
    }

    public boolean index() {
        return index;
    }

    public boolean write() {
        return write;
    }

    /** The predefined metric that tracks this dimension's utilisation. */
    public String metricType() {
        return write ? "DynamoDBWriteCapacityUtilization" : "DynamoDBReadCapacityUtilization";
    }

    /** "read" or "write", as the activities' texts say it. */
    String units() {
        return write ? "write capacity units" : "read capacity units";
    }

    /** The dimension of a wire name, or null. */
    public static ScalableDimension of(String wire) {
        for (ScalableDimension d : values()) {
            if (d.wire.equals(wire)) {
                return d;
            }
        }
        return null;
    }

    public static ScalableDimension of(boolean index, boolean write) {
        return index ? (write ? INDEX_WRITE : INDEX_READ) : (write ? TABLE_WRITE : TABLE_READ);
    }
}
