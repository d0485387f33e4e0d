package dev.dynamotest.engine.autoscaling;

import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.capacity.CapacityModel;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * DynamoDB auto scaling (Application Auto Scaling's target tracking for the {@code dynamodb} namespace) on the engine
 * clock. Every scalable target is evaluated once per completed minute of the clock, with that minute's consumed units
 * from the capacity model as the CloudWatch datapoint (utilisation = consumed / (provisioned x 60) x 100, judged
 * against the capacity at evaluation time, as the alarms' thresholds follow the capacity):
 * <ul>
 *   <li>scale out when the last {@value #HIGH_DATAPOINTS} datapoints are all above the target (the AlarmHigh alarm),
 *       at the end of the second minute, to {@code ceil(consumed per second / target)};</li>
 *   <li>scale in when the last {@value #LOW_DATAPOINTS} datapoints are all below the target minus
 *       {@value #LOW_OFFSET} points (AlarmLow), to the same formula, unless DisableScaleIn; with several policies on
 *       one target, the largest capacity wins and scale in needs every policy's low alarm;</li>
 *   <li>an alarm that stays in ALARM triggers its policy again every minute (CloudWatch's rule for scaling
 *       actions), within the cooldowns (default 0 seconds) and the target's MinCapacity/MaxCapacity;</li>
 *   <li>a decrease is allowed while the table (or index) has had fewer than {@value #FREE_DECREASES} decreases this
 *       UTC day, or when its last decrease is an hour old or more (DynamoDB's quota: up to 27 a day).</li>
 * </ul>
 * The evaluation is lazy: {@link #catchUp()} runs when the clock is advanced or set and before every request, and
 * evaluates the minutes completed since the last time, each at its own minute boundary; no thread and no wall
 * time. A change is applied to the table's provisioned throughput at once (with LastIncreaseDateTime,
 * LastDecreaseDateTime and NumberOfDecreasesToday), so DescribeTable and the enforced capacity follow it, and it
 * is recorded as a scaling activity. State is per namespace: a namespace restored from a snapshot (per-test
 * reset) starts without targets, and a deleted table's targets go with it.
 */
public final class AutoScaling implements CommitListener {
    public static final String SERVICE_NAMESPACE = "dynamodb";
    public static final int HIGH_DATAPOINTS = 2;
    public static final int LOW_DATAPOINTS = 15;
    public static final double LOW_OFFSET = 20;
    public static final int FREE_DECREASES = 4;
    public static final double MIN_TARGET = 20;
    public static final double MAX_TARGET = 90;
    static final String ACCOUNT = "000000000000";
    /** A clock jump longer than this is evaluated over its last two days only. */
    static final long MAX_CATCH_UP_MINUTES = 2 * 24 * 60;
    static final int MAX_ACTIVITIES = 1000;

    private final EngineClock clock;
    private final Function<NamespaceId, Namespace> namespaces;
    private final CapacityModel capacity;
    private final Map<NamespaceId, NamespaceState> states = new ConcurrentHashMap<>();
    private volatile long evaluatedThrough = Long.MIN_VALUE;

    public AutoScaling(EngineClock clock, Function<NamespaceId, Namespace> namespaces, CapacityModel capacity) {
        this.clock = clock;
        this.namespaces = namespaces;
        this.capacity = capacity;
    }

    /** Targets, policies and activities of one namespace. */
    static final class NamespaceState {
        final Map<String, TargetState> targets = new LinkedHashMap<>();
        final Deque<ScalingActivity> activities = new ArrayDeque<>(); // newest first
    }

    /** One target, its policies and what its alarms have seen. */
    static final class TargetState {
        ScalableTarget target;
        final Map<String, TargetTrackingPolicy> policies = new LinkedHashMap<>();
        long evaluatedMinute;
        final Deque<double[]> datapoints = new ArrayDeque<>(); // {epochMinute, consumed units}, newest last
        Instant lastScaleOut;
        Instant lastScaleIn;
        /** By policy name: the first minute its alarms count (its creation, or the clock being set back). */
        final Map<String, Long> alarmsFrom = new LinkedHashMap<>();
    }

    private static String key(String resourceId, ScalableDimension d) {
        return resourceId + "|" + d.wire();
    }

    private NamespaceState state(NamespaceId ns) {
        return states.computeIfAbsent(ns, k -> new NamespaceState());
    }

    private static long minuteOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60);
    }

    // ---------------------------------------------------------------- configuration

    /**
     * RegisterScalableTarget: registers a target, or updates the range (and suspended state) of a registered one;
     * null min/max keep the current values. If the resource's capacity lies outside the range, it is moved inside
     * at once (an activity "minimum capacity was set to N" / "maximum capacity was set to N").
     */
    public synchronized ScalableTarget register(NamespaceId ns, String resourceId, ScalableDimension dimension, Long min, Long max,
                                                Boolean scaleInSuspended, Boolean scaleOutSuspended, Boolean scheduledSuspended) {
        catchUpLocked();
        Resource r = resource(ns, resourceId, dimension);
        NamespaceState s = state(ns);
        TargetState ts = s.targets.get(key(resourceId, dimension));
        ScalableTarget old = ts == null ? null : ts.target;
        if (old == null && (min == null || max == null)) {
            throw validation(AutoScalingMessages.MIN_MAX_REQUIRED);
        }
        long newMin = min != null ? min : old.minCapacity();
        long newMax = max != null ? max : old.maxCapacity();
        if (newMin < 1) {
            throw validation(AutoScalingMessages.MIN_AT_LEAST_ONE);
        }
        if (newMin > newMax) {
            throw validation(AutoScalingMessages.MIN_GREATER_THAN_MAX);
        }
        Instant now = clock.instant();
        ScalableTarget t = new ScalableTarget(resourceId, dimension, newMin, newMax,
            "arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/"
                + "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable",
            old != null ? old.creationTime() : now,
            old != null ? old.arn() : "arn:aws:application-autoscaling:" + ns.region() + ":" + ACCOUNT + ":scalable-target/"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 28),
            flag(scaleInSuspended, old != null && old.scaleInSuspended()),
            flag(scaleOutSuspended, old != null && old.scaleOutSuspended()),
            flag(scheduledSuspended, old != null && old.scheduledSuspended()));
        if (ts == null) {
            ts = new TargetState();
            ts.evaluatedMinute = minuteOf(now) - 1;
            s.targets.put(key(resourceId, dimension), ts);
        }
        ts.target = t;
        long current = r.capacity();
        if (r.provisioned() && current < newMin) {
            change(ns, s, ts, r, newMin, now, "minimum capacity was set to " + newMin, false);
        } else if (r.provisioned() && current > newMax) {
            change(ns, s, ts, r, newMax, now, "maximum capacity was set to " + newMax, false);
        }
        return t;
    }

    private static boolean flag(Boolean given, boolean current) {
        return given != null ? given : current;
    }

    /** PutScalingPolicy (TargetTrackingScaling): creates or replaces the policy of that name on a registered target. */
    public synchronized TargetTrackingPolicy putPolicy(NamespaceId ns, String policyName, String resourceId, ScalableDimension dimension,
                                                      String metricType, TargetTrackingPolicy.Settings settings) {
        catchUpLocked();
        TargetState ts = state(ns).targets.get(key(resourceId, dimension));
        if (ts == null) {
            throw new DynamoException(AutoScalingMessages.OBJECT_NOT_FOUND, String.format(AutoScalingMessages.NO_TARGET_REGISTERED,
                SERVICE_NAMESPACE, resourceId, dimension.wire()), 400);
        }
        String metric = metricType == null ? dimension.metricType() : metricType;
        if (!metric.equals(dimension.metricType())) {
            throw validation(String.format(AutoScalingMessages.METRIC_MISMATCH, metric, dimension.wire()));
        }
        if (!(settings.targetValue() >= MIN_TARGET && settings.targetValue() <= MAX_TARGET)) {
            throw validation(AutoScalingMessages.TARGET_VALUE_RANGE);
        }
        if ((settings.scaleInCooldown() != null && settings.scaleInCooldown() < 0)
            || (settings.scaleOutCooldown() != null && settings.scaleOutCooldown() < 0)) {
            throw validation(AutoScalingMessages.COOLDOWN_NEGATIVE);
        }
        TargetTrackingPolicy old = ts.policies.get(policyName);
        Instant now = clock.instant();
        String region = ns.region();
        List<String> alarms = old != null ? old.alarmNames() : List.of(
            "TargetTracking-" + resourceId + "-AlarmHigh-" + UUID.randomUUID(),
            "TargetTracking-" + resourceId + "-AlarmLow-" + UUID.randomUUID(),
            "TargetTracking-" + resourceId + "-ProvisionedCapacityHigh-" + UUID.randomUUID(),
            "TargetTracking-" + resourceId + "-ProvisionedCapacityLow-" + UUID.randomUUID());
        String arn = old != null ? old.arn() : "arn:aws:autoscaling:" + region + ":" + ACCOUNT + ":scalingPolicy:" + UUID.randomUUID()
            + ":resource/dynamodb/" + resourceId + ":policyName/" + policyName;
        TargetTrackingPolicy p = new TargetTrackingPolicy(policyName, arn, resourceId, dimension, settings.targetValue(), metric,
            settings.scaleOutCooldown(), settings.scaleInCooldown(), settings.disableScaleIn(),
            old != null ? old.creationTime() : now, alarms);
        ts.policies.put(policyName, p);
        ts.alarmsFrom.put(policyName, minuteOf(now));
        return p;
    }

    /** DeleteScalingPolicy. */
    public synchronized void deletePolicy(NamespaceId ns, String policyName, String resourceId, ScalableDimension dimension) {
        TargetState ts = state(ns).targets.get(key(resourceId, dimension));
        if (ts == null || ts.policies.remove(policyName) == null) {
            throw new DynamoException(AutoScalingMessages.OBJECT_NOT_FOUND, String.format(AutoScalingMessages.NO_POLICY_FOUND,
                SERVICE_NAMESPACE, resourceId, dimension.wire(), policyName), 400);
        }
    }

    /** DeregisterScalableTarget: the target and its policies go. */
    public synchronized void deregister(NamespaceId ns, String resourceId, ScalableDimension dimension) {
        if (state(ns).targets.remove(key(resourceId, dimension)) == null) {
            throw new DynamoException(AutoScalingMessages.OBJECT_NOT_FOUND, String.format(AutoScalingMessages.NO_TARGET_FOUND,
                SERVICE_NAMESPACE, resourceId, dimension.wire()), 400);
        }
    }

    /** The registered targets of a namespace, in registration order (after catching up with the clock). */
    public synchronized List<ScalableTarget> targets(NamespaceId ns) {
        catchUpLocked();
        NamespaceState s = states.get(ns);
        List<ScalableTarget> out = new ArrayList<>();
        if (s != null) {
            s.targets.values().forEach(ts -> out.add(ts.target));
        }
        return out;
    }

    /** The target of one resource and dimension, or null. */
    public synchronized ScalableTarget target(NamespaceId ns, String resourceId, ScalableDimension dimension) {
        NamespaceState s = states.get(ns);
        TargetState ts = s == null ? null : s.targets.get(key(resourceId, dimension));
        return ts == null ? null : ts.target;
    }

    /** The policies of a namespace, by target then creation. */
    public synchronized List<TargetTrackingPolicy> policies(NamespaceId ns) {
        catchUpLocked();
        NamespaceState s = states.get(ns);
        List<TargetTrackingPolicy> out = new ArrayList<>();
        if (s != null) {
            s.targets.values().forEach(ts -> out.addAll(ts.policies.values()));
        }
        return out;
    }

    /** The scaling activities of a namespace, newest first (after catching up with the clock). */
    public synchronized List<ScalingActivity> activities(NamespaceId ns) {
        catchUpLocked();
        NamespaceState s = states.get(ns);
        return s == null ? List.of() : new ArrayList<>(s.activities);
    }

    /** The namespaces that have auto scaling state (targets or activities). */
    public synchronized List<NamespaceId> namespaces() {
        return new ArrayList<>(states.keySet());
    }

    /** The activities of the region's namespace without access key (the server's default). */
    public List<ScalingActivity> activities(String region) {
        return activities(NamespaceId.region(region));
    }

    /**
     * One call to set a table's (or index's) dimension up the way the console does: registers the target with
     * {@code min}..{@code max} and puts the policy {@code DynamoDB<Read|Write>CapacityUtilization:<resourceId>}
     * tracking {@code targetPercent}.
     */
    public TargetTrackingPolicy enable(NamespaceId ns, String resourceId, ScalableDimension dimension, long min, long max,
                                       double targetPercent) {
        register(ns, resourceId, dimension, min, max, null, null, null);
        return putPolicy(ns, defaultPolicyName(resourceId, dimension), resourceId, dimension, null,
            TargetTrackingPolicy.Settings.target(targetPercent));
    }

    /** The policy name the console (and UpdateTableReplicaAutoScaling, when none is given) uses. */
    public static String defaultPolicyName(String resourceId, ScalableDimension dimension) {
        return dimension.metricType() + ":" + resourceId;
    }

    // ---------------------------------------------------------------- evaluation

    /** Evaluates every minute completed since the last call; cheap when no minute boundary was crossed. */
    public void catchUp() {
        long through = minuteOf(clock.instant()) - 1;
        if (through == evaluatedThrough || states.isEmpty()) {
            return;
        }
        synchronized (this) {
            catchUpLocked();
        }
    }

    private void catchUpLocked() {
        long through = minuteOf(clock.instant()) - 1;
        if (through == evaluatedThrough) {
            return;
        }
        states.forEach((ns, s) -> {
            for (TargetState ts : new ArrayList<>(s.targets.values())) {
                if (ts.evaluatedMinute > through) {
                    // the clock was set back (a test putting it back to the system time): the alarms start over
                    ts.evaluatedMinute = through;
                    ts.datapoints.clear();
                    ts.alarmsFrom.replaceAll((name, from) -> through + 1);
                } else {
                    evaluate(ns, s, ts, through);
                }
            }
        });
        evaluatedThrough = through;
    }

    private void evaluate(NamespaceId ns, NamespaceState s, TargetState ts, long through) {
        long from = Math.max(ts.evaluatedMinute + 1, through - MAX_CATCH_UP_MINUTES);
        ts.evaluatedMinute = Math.max(ts.evaluatedMinute, through);
        for (long m = from; m <= through; m++) {
            Resource r;
            try {
                r = resource(ns, ts.target.resourceId(), ts.target.dimension());
            } catch (DynamoException gone) {
                return; // table or index deleted: nothing to scale
            }
            if (!r.provisioned()) {
                ts.datapoints.clear();
                continue;
            }
            long current = r.capacity();
            double consumed = capacity.metrics(ns, r.arn()).consumedInMinute(m, ts.target.dimension().write());
            ts.datapoints.addLast(new double[] {m, consumed});
            while (ts.datapoints.size() > LOW_DATAPOINTS) {
                ts.datapoints.removeFirst();
            }
            if (ts.policies.isEmpty()) {
                continue;
            }
            Instant at = Instant.ofEpochSecond((m + 1) * 60);
            double perSecond = consumed / 60.0;
            long out = -1;
            TargetTrackingPolicy outPolicy = null;
            long in = -1;
            TargetTrackingPolicy inPolicy = null;
            boolean allLow = true;
            for (TargetTrackingPolicy p : ts.policies.values()) {
                long desired = (long) Math.ceil(perSecond / (p.targetValue() / 100) - 1e-9);
                if (inAlarm(ts, p, HIGH_DATAPOINTS, current, u -> u > p.targetValue()) && cooledDown(ts.lastScaleOut, p.scaleOutCooldownSeconds(), at)
                    && desired > out) {
                    out = desired;
                    outPolicy = p;
                }
                boolean low = !p.scaleInDisabled() && inAlarm(ts, p, LOW_DATAPOINTS, current, u -> u < p.targetValue() - LOW_OFFSET)
                    && cooledDown(ts.lastScaleIn, p.scaleInCooldownSeconds(), at);
                allLow &= low;
                if (low && desired > in) {
                    in = desired;
                    inPolicy = p;
                }
            }
            ScalableTarget t = ts.target;
            if (outPolicy != null && !t.scaleOutSuspended()) {
                long desired = Math.min(t.maxCapacity(), Math.max(t.minCapacity(), out));
                if (desired > current) {
                    change(ns, s, ts, r, desired, at, cause(outPolicy.highAlarm(), outPolicy), true);
                    continue;
                }
            }
            if (allLow && inPolicy != null && !t.scaleInSuspended()) {
                long desired = Math.min(t.maxCapacity(), Math.max(t.minCapacity(), in));
                if (desired < current && decreaseAllowed(r.throughput(), at)) {
                    change(ns, s, ts, r, desired, at, cause(inPolicy.lowAlarm(), inPolicy), true);
                }
            }
        }
    }

    private static String cause(String alarm, TargetTrackingPolicy p) {
        return "monitor alarm " + alarm + " in state ALARM triggered policy " + p.name();
    }

    /**
     * The last {@code n} datapoints (all taken since the policy was created) satisfy {@code test} as utilisation of
     * the current capacity: the alarms' thresholds are consumed units computed from the capacity, and are updated
     * when it changes, so earlier minutes are judged against the capacity now.
     */
    private static boolean inAlarm(TargetState ts, TargetTrackingPolicy p, int n, long current, DoublePredicate test) {
        if (ts.datapoints.size() < n) {
            return false;
        }
        long createdMinute = ts.alarmsFrom.getOrDefault(p.name(), minuteOf(p.creationTime()));
        int seen = 0;
        var it = ts.datapoints.descendingIterator();
        while (it.hasNext() && seen < n) {
            double[] d = it.next();
            double utilisation = current == 0 ? 0 : d[1] / (current * 60.0) * 100;
            if ((long) d[0] < createdMinute || !test.test(utilisation)) {
                return false;
            }
            seen++;
        }
        return seen == n;
    }

    private static boolean cooledDown(Instant last, long seconds, Instant at) {
        return last == null || !last.plusSeconds(seconds).isAfter(at);
    }

    /**
     * DynamoDB's decrease quota: up to {@value #FREE_DECREASES} decreases any time in a UTC day, and one more whenever
     * there has been no decrease in the past hour.
     */
    public static boolean decreaseAllowed(TableMetadata.Throughput tp, Instant at) {
        return decreasesToday(tp, at) < FREE_DECREASES || tp.lastDecrease() == null || !tp.lastDecrease().plusSeconds(3600).isAfter(at);
    }

    /** The decreases of the UTC day of {@code at} (the stored count belongs to the day of the last decrease). */
    public static int decreasesToday(TableMetadata.Throughput tp, Instant at) {
        if (tp.lastDecrease() == null) {
            return 0;
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return LocalDate.ofInstant(tp.lastDecrease(), ZoneOffset.UTC).equals(day) ? tp.decreasesToday() : 0;
    }

    /** Sets the resource's capacity, records the activity (a decrease over the daily quota fails instead). */
    private void change(NamespaceId ns, NamespaceState s, TargetState ts, Resource r, long to, Instant at, String cause, boolean byPolicy) {
        ScalableDimension d = ts.target.dimension();
        long from = r.capacity();
        String description = "Setting " + d.units() + " to " + to + ".";
        ScalingActivity a;
        if (to < from && !decreaseAllowed(r.throughput(), at)) {
            a = new ScalingActivity(UUID.randomUUID().toString(), ts.target.resourceId(), d, description, cause, at, at,
                ScalingActivity.FAILED, "Failed to set " + d.units() + " to " + to + ". Reason: The table or index has reached "
                + "its limit of provisioned throughput decreases for the day.", from, from);
        } else {
            apply(r, d.write(), to, at);
            if (byPolicy) {
                if (to > from) {
                    ts.lastScaleOut = at;
                } else {
                    ts.lastScaleIn = at;
                }
            }
            a = new ScalingActivity(UUID.randomUUID().toString(), ts.target.resourceId(), d, description, cause, at, at,
                ScalingActivity.SUCCESSFUL, "Successfully set " + d.units() + " to " + to + ". Change successfully fulfilled by dynamodb.",
                from, to);
        }
        s.activities.addFirst(a);
        while (s.activities.size() > MAX_ACTIVITIES) {
            s.activities.removeLast();
        }
    }

    /** Writes the new capacity into the table's (or index's) throughput with DynamoDB's increase/decrease bookkeeping. */
    private static void apply(Resource r, boolean write, long to, Instant at) {
        r.table().updateMetadata(m -> {
            if (r.index() == null) {
                TableMetadata.Builder b = m.toBuilder();
                b.throughput = changed(m.throughput(), write, to, at);
                return b.build();
            }
            List<TableMetadata.IndexDefinition> indexes = new ArrayList<>(m.globalSecondaryIndexes());
            TableMetadata.IndexDefinition g = m.globalIndex(r.index());
            if (g == null) {
                return m;
            }
            indexes.set(indexes.indexOf(g), new TableMetadata.IndexDefinition(g.name(), g.arn(), g.keySchema(), g.projection(),
                changed(g.throughput(), write, to, at), g.onDemandThroughput(), g.status(), g.warmThroughput()));
            TableMetadata.Builder b = m.toBuilder();
            b.globalSecondaryIndexes = indexes;
            return b.build();
        });
    }

    static TableMetadata.Throughput changed(TableMetadata.Throughput tp, boolean write, long to, Instant at) {
        long old = write ? tp.writeCapacityUnits() : tp.readCapacityUnits();
        if (old == to) {
            return tp;
        }
        int today = decreasesToday(tp, at);
        boolean decrease = to < old;
        return new TableMetadata.Throughput(write ? tp.readCapacityUnits() : to, write ? to : tp.writeCapacityUnits(),
            decrease ? tp.lastIncrease() : at, decrease ? at : tp.lastDecrease(), decrease ? today + 1 : tp.decreasesToday());
    }

    // ---------------------------------------------------------------- resources

    /** The table (and GSI) a resource id names, with its current throughput. */
    record Resource(Table table, String index, ScalableDimension dimension) {
        TableMetadata.Throughput throughput() {
            TableMetadata m = table.metadata();
            if (index == null) {
                return m.throughput();
            }
            TableMetadata.IndexDefinition g = m.globalIndex(index);
            return g == null ? TableMetadata.Throughput.ZERO : g.throughput();
        }

        long capacity() {
            TableMetadata.Throughput tp = throughput();
            return dimension.write() ? tp.writeCapacityUnits() : tp.readCapacityUnits();
        }

        boolean provisioned() {
            return table.metadata().billingMode() == TableMetadata.BillingMode.PROVISIONED;
        }

        String arn() {
            return index == null ? table.metadata().arn() : table.metadata().arn() + "/index/" + index;
        }
    }

    /**
     * Resolves {@code table/NAME} or {@code table/NAME/index/INDEX} for the dimension; ValidationException if the
     * resource id and dimension do not match or the table (index) does not exist.
     */
    Resource resource(NamespaceId ns, String resourceId, ScalableDimension dimension) {
        String[] parts = resourceId.split("/", -1);
        boolean index = parts.length == 4 && parts[0].equals("table") && parts[2].equals("index") && !parts[1].isEmpty() && !parts[3].isEmpty();
        boolean table = parts.length == 2 && parts[0].equals("table") && !parts[1].isEmpty();
        if (!(index && dimension.index()) && !(table && !dimension.index())) {
            throw validation(AutoScalingMessages.UNSUPPORTED_DIMENSION);
        }
        Namespace n = namespaces.apply(ns);
        Table t = n == null ? null : n.find(parts[1]);
        if (t == null || (index && t.metadata().globalIndex(parts[3]) == null)) {
            throw validation(String.format(AutoScalingMessages.RESOURCE_NOT_FOUND, resourceId));
        }
        return new Resource(t, index ? parts[3] : null, dimension);
    }

    static DynamoException validation(String message) {
        return new DynamoException(AutoScalingMessages.VALIDATION, message, 400);
    }

    // ---------------------------------------------------------------- lifecycle

    /** A namespace restored from a snapshot (per-test reset, engine reset) starts without auto scaling. */
    @Override
    public synchronized void onRestore(NamespaceId namespace, List<TableMetadata> tables) {
        states.remove(namespace);
    }

    /** A deleted table's targets and policies (and those of its indexes) go with it. */
    @Override
    public synchronized void onTableDeleted(Table table) {
        NamespaceState s = states.get(table.namespaceId());
        if (s != null) {
            String prefix = "table/" + table.name();
            s.targets.keySet().removeIf(k -> k.startsWith(prefix + "|") || k.startsWith(prefix + "/index/"));
        }
    }

    @Override
    public void onCommit(List<ItemChange> changes, Origin origin) {
    }
}
