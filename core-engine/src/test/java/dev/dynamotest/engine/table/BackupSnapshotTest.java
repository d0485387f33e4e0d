package dev.dynamotest.engine.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.model.AttrType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backups belong to the namespace's state: snapshots carry them, restore and reset put them back. */
class BackupSnapshotTest {
    static TableMetadata table(String name) {
        TableMetadata.Builder b = TableMetadata.builder();
        b.name = name;
        b.arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + name;
        b.tableId = "id-" + name;
        b.creationDateTime = Instant.EPOCH;
        b.keySchema = new KeySchema(new KeyAttribute("pk", AttrType.S), null);
        b.attributeDefinitions = Map.of("pk", AttrType.S);
        b.billingMode = TableMetadata.BillingMode.PAY_PER_REQUEST;
        return b.build();
    }

    @Test
    void restoreDropsBackupsMadeSinceTheSnapshotAndBringsBackDeletedOnes() {
        Engine engine = new Engine();
        Namespace ns = engine.namespace("us-east-1");
        Table t = ns.create(table("orders"));
        Backup kept = ns.createBackup(t, t.metadata().arn() + "/backup/0000000000001-00000001", "kept", Instant.EPOCH);
        Namespace.Snapshot snapshot = ns.snapshot();
        assertThat(snapshot.backups()).containsExactly(kept);

        Backup later = ns.createBackup(t, t.metadata().arn() + "/backup/0000000000002-00000002", "later", Instant.EPOCH);
        assertThat(ns.deleteBackup(kept.arn())).isSameAs(kept);
        assertThat(ns.backups()).containsExactly(later);
        ns.remove("orders");
        assertThat(ns.backup(later.arn())).isSameAs(later); // outlives its table

        ns.restore(snapshot);
        assertThat(ns.backups()).containsExactly(kept);
        assertThat(ns.backup(later.arn())).isNull();
        assertThat(ns.find("orders")).isNotNull();

        engine.reset();
        assertThat(ns.backups()).isEmpty();
        assertThat(new Namespace.Snapshot(List.of()).backups()).isEmpty();
    }
}
