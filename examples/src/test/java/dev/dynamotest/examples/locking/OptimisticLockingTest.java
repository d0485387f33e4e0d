package dev.dynamotest.examples.locking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@DynamoTest
@CreateTable(bean = Document.class, name = "Document")
class OptimisticLockingTest {

    @Test
    void aStaleCopyCannotOverwriteANewerVersion(DynamoDbTable<Document> documents) {
        Document d = new Document();
        d.setId("doc-1");
        d.setBody("first draft");
        documents.putItem(d);
        Document alice = documents.getItem(r -> r.key(k -> k.partitionValue("doc-1")));
        Document bob = documents.getItem(r -> r.key(k -> k.partitionValue("doc-1")));
        assertThat(alice.getVersion()).isEqualTo(1L);

        alice.setBody("alice's edit");
        documents.updateItem(alice);
        bob.setBody("bob's edit");
        assertThatThrownBy(() -> documents.updateItem(bob)).isInstanceOf(ConditionalCheckFailedException.class);

        Document stored = documents.getItem(r -> r.key(k -> k.partitionValue("doc-1")));
        assertThat(stored.getBody()).isEqualTo("alice's edit");
        assertThat(stored.getVersion()).isEqualTo(2L);
    }
}
