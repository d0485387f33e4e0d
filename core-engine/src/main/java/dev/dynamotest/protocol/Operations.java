package dev.dynamotest.protocol;

import dev.dynamotest.protocol.actions.Backups;
import dev.dynamotest.protocol.actions.BatchExecuteStatement;
import dev.dynamotest.protocol.actions.BatchGetItem;
import dev.dynamotest.protocol.actions.BatchWriteItem;
import dev.dynamotest.protocol.actions.ContinuousBackups;
import dev.dynamotest.protocol.actions.ContributorInsights;
import dev.dynamotest.protocol.actions.CreateTable;
import dev.dynamotest.protocol.actions.DeleteItem;
import dev.dynamotest.protocol.actions.DeleteTable;
import dev.dynamotest.protocol.actions.DescribeEndpoints;
import dev.dynamotest.protocol.actions.DescribeLimits;
import dev.dynamotest.protocol.actions.DescribeTable;
import dev.dynamotest.protocol.actions.ExecuteStatement;
import dev.dynamotest.protocol.actions.ExecuteTransaction;
import dev.dynamotest.protocol.actions.Exports;
import dev.dynamotest.protocol.actions.GetItem;
import dev.dynamotest.protocol.actions.GlobalTables;
import dev.dynamotest.protocol.actions.Imports;
import dev.dynamotest.protocol.actions.ListTables;
import dev.dynamotest.protocol.actions.PutItem;
import dev.dynamotest.protocol.actions.Query;
import dev.dynamotest.protocol.actions.ResourcePolicies;
import dev.dynamotest.protocol.actions.RestoreTableFromBackup;
import dev.dynamotest.protocol.actions.RestoreTableToPointInTime;
import dev.dynamotest.protocol.actions.Scan;
import dev.dynamotest.protocol.actions.TableReplicaAutoScaling;
import dev.dynamotest.protocol.actions.Tagging;
import dev.dynamotest.protocol.actions.TimeToLive;
import dev.dynamotest.protocol.actions.TransactGetItems;
import dev.dynamotest.protocol.actions.TransactWriteItems;
import dev.dynamotest.protocol.actions.UpdateItem;
import dev.dynamotest.protocol.actions.UpdateTable;
import dev.dynamotest.protocol.autoscaling.AutoScalingEndpoint;
import dev.dynamotest.protocol.streams.DescribeStream;
import dev.dynamotest.protocol.streams.GetRecords;
import dev.dynamotest.protocol.streams.GetShardIterator;
import dev.dynamotest.protocol.streams.ListStreams;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** The table from operation name to action. Adding an operation is one line here and one class. */
public final class Operations {
    private final Map<String, Action> dynamodb = new HashMap<>();
    private final Map<String, Action> streams = new HashMap<>();
    private final Map<String, Action> autoScaling = new HashMap<>();

    public static Operations standard() {
        Operations o = new Operations();
        // control plane
        o.dynamodb.put("CreateTable", new CreateTable());
        o.dynamodb.put("DescribeTable", new DescribeTable());
        o.dynamodb.put("DeleteTable", new DeleteTable());
        o.dynamodb.put("ListTables", new ListTables());
        o.dynamodb.put("UpdateTable", new UpdateTable());
        o.dynamodb.put("TagResource", new Tagging.TagResource());
        o.dynamodb.put("UntagResource", new Tagging.UntagResource());
        o.dynamodb.put("ListTagsOfResource", new Tagging.ListTagsOfResource());
        o.dynamodb.put("UpdateTimeToLive", new TimeToLive.Update());
        o.dynamodb.put("DescribeTimeToLive", new TimeToLive.Describe());
        o.dynamodb.put("CreateBackup", new Backups.CreateBackup());
        o.dynamodb.put("DescribeBackup", new Backups.DescribeBackup());
        o.dynamodb.put("ListBackups", new Backups.ListBackups());
        o.dynamodb.put("DeleteBackup", new Backups.DeleteBackup());
        o.dynamodb.put("RestoreTableFromBackup", new RestoreTableFromBackup());
        o.dynamodb.put("DescribeContinuousBackups", new ContinuousBackups.Describe());
        o.dynamodb.put("UpdateContinuousBackups", new ContinuousBackups.Update());
        o.dynamodb.put("RestoreTableToPointInTime", new RestoreTableToPointInTime());
        o.dynamodb.put("ExportTableToPointInTime", new Exports.ExportTableToPointInTime());
        o.dynamodb.put("DescribeExport", new Exports.DescribeExport());
        o.dynamodb.put("ListExports", new Exports.ListExports());
        o.dynamodb.put("ImportTable", new Imports.ImportTable());
        o.dynamodb.put("DescribeImport", new Imports.DescribeImport());
        o.dynamodb.put("ListImports", new Imports.ListImports());
        o.dynamodb.put("DescribeContributorInsights", new ContributorInsights.Describe());
        o.dynamodb.put("UpdateContributorInsights", new ContributorInsights.Update());
        o.dynamodb.put("ListContributorInsights", new ContributorInsights.ListSummaries());
        o.dynamodb.put("PutResourcePolicy", new ResourcePolicies.Put());
        o.dynamodb.put("GetResourcePolicy", new ResourcePolicies.Get());
        o.dynamodb.put("DeleteResourcePolicy", new ResourcePolicies.Delete());
        o.dynamodb.put("DescribeLimits", new DescribeLimits());
        o.dynamodb.put("DescribeEndpoints", new DescribeEndpoints());
        o.dynamodb.put("DescribeTableReplicaAutoScaling", new TableReplicaAutoScaling.Describe());
        o.dynamodb.put("UpdateTableReplicaAutoScaling", new TableReplicaAutoScaling.Update());
        // single-item operations
        o.dynamodb.put("PutItem", new PutItem());
        o.dynamodb.put("GetItem", new GetItem());
        o.dynamodb.put("DeleteItem", new DeleteItem());
        o.dynamodb.put("UpdateItem", new UpdateItem());
        // reads and batches
        o.dynamodb.put("Query", new Query());
        o.dynamodb.put("Scan", new Scan());
        o.dynamodb.put("BatchGetItem", new BatchGetItem());
        o.dynamodb.put("BatchWriteItem", new BatchWriteItem());
        // transactions
        TransactWriteItems transactWrite = new TransactWriteItems();
        o.dynamodb.put("TransactWriteItems", transactWrite);
        o.dynamodb.put("TransactGetItems", new TransactGetItems());
        // PartiQL
        o.dynamodb.put("ExecuteStatement", new ExecuteStatement());
        o.dynamodb.put("BatchExecuteStatement", new BatchExecuteStatement());
        o.dynamodb.put("ExecuteTransaction", new ExecuteTransaction());
        // global tables, version 2017.11.29 (2019.11.21 is UpdateTable ReplicaUpdates)
        o.dynamodb.put("CreateGlobalTable", new GlobalTables.Create());
        o.dynamodb.put("DescribeGlobalTable", new GlobalTables.Describe());
        o.dynamodb.put("UpdateGlobalTable", new GlobalTables.Update());
        o.dynamodb.put("ListGlobalTables", new GlobalTables.ListAll());
        o.dynamodb.put("DescribeGlobalTableSettings", new GlobalTables.DescribeSettings());
        o.dynamodb.put("UpdateGlobalTableSettings", new GlobalTables.UpdateSettings());
        // DynamoDB Streams (X-Amz-Target: DynamoDBStreams_20120810.*)
        o.streams.put("ListStreams", new ListStreams());
        o.streams.put("DescribeStream", new DescribeStream());
        o.streams.put("GetShardIterator", new GetShardIterator());
        o.streams.put("GetRecords", new GetRecords());
        // Application Auto Scaling (X-Amz-Target: AnyScaleFrontendService.*, JSON 1.1), dynamodb namespace
        o.autoScaling.putAll(AutoScalingEndpoint.operations());
        return o;
    }

    public Action dynamodb(String operation) {
        return dynamodb.get(operation);
    }

    public Action streams(String operation) {
        return streams.get(operation);
    }

    /** The names of the DynamoDB operations served, sorted (the fuzz test covers each). */
    public SortedSet<String> dynamodbOperations() {
        return new TreeSet<>(dynamodb.keySet());
    }

    /** The names of the DynamoDB Streams operations served, sorted. */
    public SortedSet<String> streamsOperations() {
        return new TreeSet<>(streams.keySet());
    }

    public Action autoScaling(String operation) {
        return autoScaling.get(operation);
    }

    /** Registers or replaces an action (used by later features and by tests). */
    public Operations withDynamoDb(String operation, Action action) {
        dynamodb.put(operation, action);
        return this;
    }

    public Operations withStreams(String operation, Action action) {
        streams.put(operation, action);
        return this;
    }
}
