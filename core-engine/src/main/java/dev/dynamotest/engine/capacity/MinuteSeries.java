package dev.dynamotest.engine.capacity;

import java.time.Instant;
import java.util.Arrays;

/**
 * Units consumed per minute of the engine clock over the last {@value #MINUTES} minutes (a ring): the one-minute
 * datapoints that DynamoDB publishes to CloudWatch and that auto scaling's alarms evaluate. Not thread-safe; the
 * owning {@link CapacityModel.Metrics} synchronises.
 */
final class MinuteSeries {
    static final int MINUTES = 64;
    private final long[] minute = new long[MINUTES];
    private final double[] read = new double[MINUTES];
    private final double[] write = new double[MINUTES];

    MinuteSeries() {
        Arrays.fill(minute, Long.MIN_VALUE);
    }

    void add(Instant now, boolean isWrite, double units) {
        long m = Math.floorDiv(now.getEpochSecond(), 60);
        int i = (int) Math.floorMod(m, (long) MINUTES);
        if (minute[i] != m) {
            minute[i] = m;
            read[i] = 0;
            write[i] = 0;
        }
        if (isWrite) {
            write[i] += units;
        } else {
            read[i] += units;
        }
    }

    double get(long epochMinute, boolean isWrite) {
        int i = (int) Math.floorMod(epochMinute, (long) MINUTES);
        if (minute[i] != epochMinute) {
            return 0;
        }
        return isWrite ? write[i] : read[i];
    }
}
