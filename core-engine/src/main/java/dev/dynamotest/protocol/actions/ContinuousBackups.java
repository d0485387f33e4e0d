package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * DescribeContinuousBackups and UpdateContinuousBackups: the point-in-time recovery setting of a table. Continuous
 * backups are ENABLED on every table, as the service says; PITR is off until enabled. There is no history kept, so
 * The restorable window is reported from the engine clock: earliest is when PITR was enabled (but no further back
 * than the recovery period, nor than the engine's history of the table), latest is now; RestoreTableToPointInTime
 * restores from that history ({@link dev.dynamotest.engine.table.PitrHistory}).
 */
public final class ContinuousBackups {
    private ContinuousBackups() {
    }


    /**
     * The window RestoreTableToPointInTime accepts: from when PITR was enabled (no further back than the recovery
     * period, nor than the engine's history of this table instance) to now. Null when PITR is disabled.
     */
    static Instant[] window(RequestContext ctx, Table table) {
        TableMetadata.PitrSettings pitr = table.metadata().pitr();
        if (!pitr.enabled()) {
            return null;
        }
        // at millisecond precision, the precision of the wire's timestamps and of the history
        Instant now = ctx.engine().clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant earliest = now.minus(Duration.ofDays(pitr.recoveryPeriodInDays()));
        Instant enabledAt = pitr.enabledAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (enabledAt.isAfter(earliest)) {
            earliest = enabledAt;
        }
        Instant history = ctx.engine().pitr().historyStart(table);
        if (history != null && history.isAfter(earliest)) {
            earliest = history;
        }
        return new Instant[] {earliest, now};
    }

    static void write(RequestContext ctx, JsonGenerator out, Table table) throws IOException {
        TableMetadata.PitrSettings pitr = table.metadata().pitr();
        out.writeStartObject();
        out.writeObjectFieldStart("ContinuousBackupsDescription");
        out.writeStringField("ContinuousBackupsStatus", "ENABLED");
        out.writeObjectFieldStart("PointInTimeRecoveryDescription");
        out.writeStringField("PointInTimeRecoveryStatus", pitr.enabled() ? "ENABLED" : "DISABLED");
        Instant[] window = window(ctx, table);
        if (window != null) {
            out.writeNumberField("RecoveryPeriodInDays", pitr.recoveryPeriodInDays());
            out.writeNumberField("EarliestRestorableDateTime", TableDescriptions.epochSeconds(window[0]));
            out.writeNumberField("LatestRestorableDateTime", TableDescriptions.epochSeconds(window[1]));
        }
        out.writeEndObject();
        out.writeEndObject();
        out.writeEndObject();
    }

    public static final class Describe implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableName = Requests.string(req, "TableName");
            ValidationErrors v = new ValidationErrors();
            v.tableName("tableName", tableName, true);
            v.throwIfAny();
            write(ctx, out, Tables.backupSource(ctx, tableName));
        }
    }

    /**
     * Enabling keeps the time it was first enabled (a second enable only changes the recovery period); disabling
     * forgets it. A RecoveryPeriodInDays sent with PointInTimeRecoveryEnabled=false is accepted and ignored.
     */
    public static final class Update implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String tableName = Requests.string(req, "TableName");
            JsonNode spec = Requests.object(req, "PointInTimeRecoverySpecification");
            ValidationErrors v = new ValidationErrors();
            v.tableName("tableName", tableName, true);
            v.notNull("pointInTimeRecoverySpecification", spec);
            v.throwIfAny();
            Boolean enabled = Requests.bool(spec, "PointInTimeRecoveryEnabled");
            Long days = Requests.integer(spec, "RecoveryPeriodInDays");
            v.notNull("pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled", enabled);
            v.min("pointInTimeRecoverySpecification.recoveryPeriodInDays", days, 1);
            v.max("pointInTimeRecoverySpecification.recoveryPeriodInDays", days, 35);
            v.throwIfAny();
            Table table = Tables.backupSource(ctx, tableName);
            Instant now = ctx.engine().clock().instant();
            TableMetadata updated = table.updateMetadata(m -> {
                TableMetadata.PitrSettings old = m.pitr();
                var b = m.toBuilder();
                if (enabled) {
                    int period = days != null ? days.intValue() : TableMetadata.PitrSettings.DEFAULT_RECOVERY_PERIOD_DAYS;
                    b.pitr = new TableMetadata.PitrSettings(true, period, old.enabled() ? old.enabledAt() : now);
                } else {
                    b.pitr = TableMetadata.PitrSettings.DISABLED;
                }
                return b.build();
            });
            if (updated.pitr().enabled()) {
                ctx.engine().pitr().start(table); // history from now on (kept if it was already on)
            } else {
                ctx.engine().pitr().stop(table);
            }
            write(ctx, out, table);
        }
    }
}
