package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.table.PitrHistory;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.time.Instant;

/**
 * RestoreTableToPointInTime: a new table with the source table's items as they were at RestoreDateTime (or at the
 * latest restorable time), from the engine's PITR history of the source ({@link PitrHistory}), with the same
 * overrides and the same fresh-table rules as RestoreTableFromBackup. The source is named by SourceTableName or
 * SourceTableArn and must have PITR enabled; the time must lie in its restorable window (DescribeContinuousBackups).
 */
public final class RestoreTableToPointInTime implements Action {
    /** Texts not documented by the service; ours, pinned by ContinuousBackupsEndToEndTest. */
    static final String PITR_NOT_ENABLED = "Point in time recovery is not enabled for table '%s'";
    static final String OUTSIDE_WINDOW = "Restore time is outside the restorable window of table '%s': it must be between %s and %s";
    static final String NO_SOURCE = "Either SourceTableArn or SourceTableName must be specified";
    static final String BOTH_SOURCES = "Only one of SourceTableArn and SourceTableName can be specified";
    static final String NO_TIME = "Either RestoreDateTime or UseLatestRestorableTime must be specified";
    static final String BOTH_TIMES = "Only one of RestoreDateTime and UseLatestRestorableTime can be specified";

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String sourceName = Requests.string(req, "SourceTableName");
        String sourceArn = Requests.string(req, "SourceTableArn");
        String target = Requests.string(req, "TargetTableName");
        Boolean latest = Requests.bool(req, "UseLatestRestorableTime");
        Instant time = Requests.timestamp(req, "RestoreDateTime");
        ValidationErrors v = new ValidationErrors();
        v.tableName("targetTableName", target, false);
        if (sourceName != null) {
            v.tableName("sourceTableName", sourceName, false);
        }
        RestoreTableFromBackup.validateOverrides(v, req);
        v.throwIfAny();
        if (sourceName == null && sourceArn == null) {
            throw DynamoException.validation(NO_SOURCE);
        }
        if (sourceName != null && sourceArn != null) {
            throw DynamoException.validation(BOTH_SOURCES);
        }
        boolean useLatest = Boolean.TRUE.equals(latest);
        if (useLatest && time != null) {
            throw DynamoException.validation(BOTH_TIMES);
        }
        if (!useLatest && time == null) {
            throw DynamoException.validation(NO_TIME);
        }
        String named = sourceName != null ? sourceName : sourceArn;
        Table source = Tables.backupSource(ctx, named);
        Instant[] window = ContinuousBackups.window(ctx, source);
        if (window == null) {
            throw new DynamoException(ErrorTypes.POINT_IN_TIME_RECOVERY_UNAVAILABLE, String.format(PITR_NOT_ENABLED, source.name()), 400);
        }
        Instant when = useLatest ? window[1] : time;
        // outside the window there is no version; inside it there always is one (the history starts at its start)
        PitrHistory.Version version = when.isBefore(window[0]) || when.isAfter(window[1]) ? null : ctx.engine().pitr().at(source, when);
        if (version == null) {
            throw new DynamoException(ErrorTypes.INVALID_RESTORE_TIME, String.format(OUTSIDE_WINDOW, source.name(),
                window[0], window[1]), 400);
        }
        RestoreTableFromBackup.restore(ctx, req, target, version.metadata(), version.data(), null,
            "source table " + version.metadata().arn(), out);
    }
}
