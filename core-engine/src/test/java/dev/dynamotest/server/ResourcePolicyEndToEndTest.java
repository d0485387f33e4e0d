package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Resource-based policies of tables and streams through the SDK v2 client. */
class ResourcePolicyEndToEndTest {
    final DynamoDbClient db = ServerFixture.client();

    static String policy(String arn, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"" + action + "\",\"Resource\":\"" + arn + "\"}]}";
    }

    String tableArn() {
        String name = ServerFixture.createTable("rp", ScalarAttributeType.S, null);
        return db.describeTable(b -> b.tableName(name)).table().tableArn();
    }

    @Test
    void putGetDelete() {
        String arn = tableArn();
        String doc = policy(arn, "dynamodb:GetItem");
        String rev = db.putResourcePolicy(b -> b.resourceArn(arn).policy(doc)).revisionId();
        assertThat(rev).isNotBlank().containsOnlyDigits();
        GetResourcePolicyResponse got = db.getResourcePolicy(b -> b.resourceArn(arn));
        assertThat(got.policy()).isEqualTo(doc);
        assertThat(got.revisionId()).isEqualTo(rev);

        // the same document again: idempotent, same revision; another document: a new one
        assertThat(db.putResourcePolicy(b -> b.resourceArn(arn).policy(doc)).revisionId()).isEqualTo(rev);
        String doc2 = policy(arn, "dynamodb:*");
        String rev2 = db.putResourcePolicy(b -> b.resourceArn(arn).policy(doc2)).revisionId();
        assertThat(rev2).isNotEqualTo(rev);
        assertThat(db.getResourcePolicy(b -> b.resourceArn(arn)).policy()).isEqualTo(doc2);

        DeleteResourcePolicyResponse deleted = db.deleteResourcePolicy(b -> b.resourceArn(arn));
        assertThat(deleted.revisionId()).isEqualTo(rev2);
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn(arn)))
            .isInstanceOf(PolicyNotFoundException.class)
            .hasMessageStartingWith("Resource-based policy not found for the provided ResourceArn: " + arn + " (Service");
        // deleting again is idempotent and has no revision
        assertThat(db.deleteResourcePolicy(b -> b.resourceArn(arn)).revisionId()).isNull();
    }

    @Test
    void expectedRevisionIdGuardsChanges() {
        String arn = tableArn();
        String doc = policy(arn, "dynamodb:GetItem");
        assertThatThrownBy(() -> db.putResourcePolicy(b -> b.resourceArn(arn).policy(doc).expectedRevisionId("123")))
            .isInstanceOf(PolicyNotFoundException.class)
            .hasMessageStartingWith("Resource-based policy not found for the provided ResourceArn: Requested update for policy "
                + "with revision id 123, but there is no policy associated to target resource " + arn + " (Service");
        String rev = db.putResourcePolicy(b -> b.resourceArn(arn).policy(doc).expectedRevisionId("NO_POLICY")).revisionId();
        String doc2 = policy(arn, "dynamodb:Query");
        assertThatThrownBy(() -> db.putResourcePolicy(b -> b.resourceArn(arn).policy(doc2).expectedRevisionId("NO_POLICY")))
            .isInstanceOf(PolicyNotFoundException.class)
            .hasMessageStartingWith("Resource-based policy not found for the provided ResourceArn: Requested update for policy "
                + "with revision id NO_POLICY, but the policy associated to target resource " + arn + " has revision id " + rev + " (Service");
        assertThatThrownBy(() -> db.putResourcePolicy(b -> b.resourceArn(arn).policy(doc2).expectedRevisionId("1")))
            .isInstanceOf(PolicyNotFoundException.class).hasMessageContaining("has revision id " + rev);
        String rev2 = db.putResourcePolicy(b -> b.resourceArn(arn).policy(doc2).expectedRevisionId(rev)).revisionId();
        assertThatThrownBy(() -> db.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId(rev)))
            .isInstanceOf(PolicyNotFoundException.class).hasMessageContaining("has revision id " + rev2);
        assertThat(db.getResourcePolicy(b -> b.resourceArn(arn)).policy()).isEqualTo(doc2);
        assertThat(db.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId(rev2)).revisionId()).isEqualTo(rev2);
        assertThatThrownBy(() -> db.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId(rev2)))
            .isInstanceOf(PolicyNotFoundException.class).hasMessageContaining("there is no policy associated");
    }

    @Test
    void aStreamHasItsOwnPolicy() {
        String name = ServerFixture.createTable("rps", ScalarAttributeType.S, null);
        String arn = db.describeTable(b -> b.tableName(name)).table().tableArn();
        String streamArn = db.updateTable(b -> b.tableName(name)
            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
            .tableDescription().latestStreamArn();
        String doc = policy(streamArn, "dynamodb:GetRecords");
        String rev = db.putResourcePolicy(b -> b.resourceArn(streamArn).policy(doc)).revisionId();
        assertThat(db.getResourcePolicy(b -> b.resourceArn(streamArn)).revisionId()).isEqualTo(rev);
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn(arn))).isInstanceOf(PolicyNotFoundException.class);
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn(arn + "/stream/2000-01-01T00:00:00.000")))
            .isInstanceOf(ResourceNotFoundException.class)
            .hasMessageStartingWith("Requested resource not found: Stream: " + arn + "/stream/2000-01-01T00:00:00.000 not found (Service");
    }

    @Test
    void policiesVanishWithTheTable() {
        String name = ServerFixture.createTable("rpd", ScalarAttributeType.S, null);
        String arn = db.describeTable(b -> b.tableName(name)).table().tableArn();
        db.putResourcePolicy(b -> b.resourceArn(arn).policy(policy(arn, "dynamodb:GetItem")));
        db.deleteTable(b -> b.tableName(name));
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn(arn)))
            .isInstanceOf(ResourceNotFoundException.class)
            .hasMessageStartingWith("Requested resource not found: Table: " + name + " not found (Service");
        ServerFixture.client().createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
            .keySchema(k -> k.attributeName("pk").keyType("HASH")).attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn(arn))).isInstanceOf(PolicyNotFoundException.class);
    }

    @Test
    void createTableCanAttachAPolicy() {
        String name = ServerFixture.uniqueName("rpc");
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + name;
        String doc = policy(arn, "dynamodb:GetItem");
        db.createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST").resourcePolicy(doc)
            .keySchema(k -> k.attributeName("pk").keyType("HASH")).attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
        GetResourcePolicyResponse got = db.getResourcePolicy(b -> b.resourceArn(arn));
        assertThat(got.policy()).isEqualTo(doc);
        assertThat(got.revisionId()).containsOnlyDigits();
        String other = ServerFixture.uniqueName("rpc");
        assertThatThrownBy(() -> db.createTable(b -> b.tableName(other).billingMode("PAY_PER_REQUEST").resourcePolicy("{")
            .keySchema(k -> k.attributeName("pk").keyType("HASH")).attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("Invalid policy document: the policy must be a JSON object (Service");
        assertThatThrownBy(() -> db.describeTable(b -> b.tableName(other))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void validation() {
        String arn = tableArn();
        assertThatThrownBy(() -> db.putResourcePolicy(b -> b.resourceArn(arn).policy("not json")))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("Invalid policy document: the policy must be a JSON object (Service");
        assertThatThrownBy(() -> db.putResourcePolicy(b -> b.resourceArn(arn).policy("[1, 2]")))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("Invalid policy document: the policy must be a JSON object (Service");
        assertThatThrownBy(() -> db.putResourcePolicy(b -> b.resourceArn(arn).policy("{\"a\":\"" + "x".repeat(20 * 1024) + "\"}")))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("Resource-based policy document exceeds the maximum size of 20 KB (Service");
        assertThatThrownBy(() -> db.putResourcePolicy(b -> b.resourceArn(arn)))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value null at 'policy' "
                + "failed to satisfy constraint: Member must not be null (Service");
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn(null)))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value null at 'resourceArn' "
                + "failed to satisfy constraint: Member must not be null (Service");
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn("nope")))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("Invalid ResourceArn provided as input nope (Service");
        String missing = arn.substring(0, arn.indexOf(":table/")) + ":table/no-such-table";
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn(missing)))
            .isInstanceOf(ResourceNotFoundException.class)
            .hasMessageStartingWith("Requested resource not found: Table: no-such-table not found (Service");
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn(arn))).isInstanceOf(PolicyNotFoundException.class);
    }
}
