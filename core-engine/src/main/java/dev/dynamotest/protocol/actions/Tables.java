package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;

/** Looks up a request's table by name or ARN in the caller's namespace. */
final class Tables {
    private Tables() {
    }

    /** For data-plane operations: unknown tables get "Requested resource not found". */
    static Table require(RequestContext ctx, String nameOrArn) {
        Table t = find(ctx.namespace(), nameOrArn);
        if (t == null) {
            throw DynamoException.resourceNotFound(Messages.RESOURCE_NOT_FOUND);
        }
        return t;
    }

    /** For control-plane operations: the message names the table. */
    static Table described(RequestContext ctx, String nameOrArn) {
        Table t = find(ctx.namespace(), nameOrArn);
        if (t == null) {
            throw DynamoException.resourceNotFound(String.format(Messages.TABLE_NOT_FOUND, nameOrArn));
        }
        return t;
    }

    /**
     * For control-plane operations on the table of the request's {@code TableName} (a name or an ARN): validated as the
     * service validates it, then looked up; an unknown table gets the message that names it.
     */
    static Table described(RequestContext ctx, JsonNode req) {
        String name = Requests.string(req, "TableName");
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", name, true);
        v.throwIfAny();
        return described(ctx, name);
    }

    /**
     * A missing TableName of DescribeTable, DeleteTable, UpdateTable or DescribeTimeToLive: the service's deserializer
     * checks that member as required before any constraint, as for CreateTable (dynalite's recordings of the service).
     */
    static void requireTableName(JsonNode req) {
        if (Requests.string(req, "TableName") == null) {
            throw DynamoException.validation(CreateTable.TABLE_NAME_REQUIRED);
        }
    }

    /** For the backup operations, which answer TableNotFoundException "Table not found: NAME" for an unknown table. */
    static Table backupSource(RequestContext ctx, String nameOrArn) {
        Table t = find(ctx.namespace(), nameOrArn);
        if (t == null) {
            throw new DynamoException(ErrorTypes.TABLE_NOT_FOUND,
                String.format(Messages.BACKUP_TABLE_NOT_FOUND, nameOrArn), 400);
        }
        return t;
    }

    static Table find(Namespace ns, String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            int i = nameOrArn.indexOf(":table/");
            if (i < 0) {
                return null;
            }
            String name = nameOrArn.substring(i + ":table/".length());
            Table t = ns.find(name);
            return t != null && t.metadata().arn().equals(nameOrArn) ? t : null;
        }
        return ns.find(nameOrArn);
    }
}
