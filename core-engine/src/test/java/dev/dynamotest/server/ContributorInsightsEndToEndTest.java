package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsSummary;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;

/** Contributor insights settings through the SDK v2 client, on a manual engine clock. */
class ContributorInsightsEndToEndTest extends ManualClockServer {
    /** pk/sk table with a GSI "byG" on g (hash only). */
    void create(String name) {
        db.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
            .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                .projection(p -> p.projectionType("ALL"))));
    }

    DescribeContributorInsightsResponse describe(String table, String index) {
        return db.describeContributorInsights(b -> b.tableName(table).indexName(index));
    }

    UpdateContributorInsightsResponse update(String table, String index, ContributorInsightsAction action,
                                             ContributorInsightsMode mode) {
        return db.updateContributorInsights(b -> b.tableName(table).indexName(index).contributorInsightsAction(action)
            .contributorInsightsMode(mode));
    }

    @Test
    void disabledUntilEnabled() {
        create("cit");
        DescribeContributorInsightsResponse d = describe("cit", null);
        assertThat(d.tableName()).isEqualTo("cit");
        assertThat(d.indexName()).isNull();
        assertThat(d.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
        assertThat(d.hasContributorInsightsRuleList()).isFalse();
        assertThat(d.lastUpdateDateTime()).isNull();
        assertThat(d.contributorInsightsMode()).isNull();
        assertThat(describe("cit", "byG").indexName()).isEqualTo("byG");
    }

    @Test
    void enableThenDisableATable() {
        create("cit");
        engine.clock().advance(Duration.ofSeconds(5));
        Instant at = engine.clock().instant();
        UpdateContributorInsightsResponse u = update("cit", null, ContributorInsightsAction.ENABLE, null);
        assertThat(u.tableName()).isEqualTo("cit");
        assertThat(u.indexName()).isNull();
        assertThat(u.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
        assertThat(u.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);

        DescribeContributorInsightsResponse d = describe("cit", null);
        assertThat(d.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(d.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
        assertThat(d.lastUpdateDateTime()).isEqualTo(at);
        long ms = at.toEpochMilli();
        assertThat(d.contributorInsightsRuleList()).containsExactly("DynamoDBContributorInsights-PKC-cit-" + ms,
            "DynamoDBContributorInsights-PKT-cit-" + ms, "DynamoDBContributorInsights-SKC-cit-" + ms,
            "DynamoDBContributorInsights-SKT-cit-" + ms);

        engine.clock().advance(Duration.ofSeconds(5));
        u = update("cit", null, ContributorInsightsAction.DISABLE, null);
        assertThat(u.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLING);
        d = describe("cit", null);
        assertThat(d.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
        assertThat(d.hasContributorInsightsRuleList()).isFalse();
        assertThat(d.lastUpdateDateTime()).isEqualTo(at.plusSeconds(5));
    }

    @Test
    void anIndexHasItsOwnSettingAndThrottledKeysModeHasOnlyThrottleRules() {
        create("cit");
        UpdateContributorInsightsResponse u = update("cit", "byG", ContributorInsightsAction.ENABLE, ContributorInsightsMode.THROTTLED_KEYS);
        assertThat(u.indexName()).isEqualTo("byG");
        assertThat(u.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
        DescribeContributorInsightsResponse d = describe("cit", "byG");
        assertThat(d.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(d.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
        assertThat(d.contributorInsightsRuleList()).containsExactly("DynamoDBContributorInsights-PKT-cit-byG-" + T0.toEpochMilli());
        assertThat(describe("cit", null).contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);

        // deleting the index forgets its setting; a new index of the same name starts disabled
        db.updateTable(b -> b.tableName("cit").globalSecondaryIndexUpdates(g -> g.delete(x -> x.indexName("byG"))));
        db.updateTable(b -> b.tableName("cit").attributeDefinitions(a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
            .globalSecondaryIndexUpdates(g -> g.create(c -> c.indexName("byG").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                .projection(p -> p.projectionType("ALL")))));
        assertThat(describe("cit", "byG").contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    }

    @Test
    void listForATableNamesTheTableAndEveryIndex() {
        create("cit");
        update("cit", "byG", ContributorInsightsAction.ENABLE, null);
        List<ContributorInsightsSummary> s = db.listContributorInsights(b -> b.tableName("cit")).contributorInsightsSummaries();
        assertThat(s).hasSize(2);
        assertThat(s.get(0).tableName()).isEqualTo("cit");
        assertThat(s.get(0).indexName()).isNull();
        assertThat(s.get(0).contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
        assertThat(s.get(0).contributorInsightsMode()).isNull();
        assertThat(s.get(1).indexName()).isEqualTo("byG");
        assertThat(s.get(1).contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(s.get(1).contributorInsightsMode()).isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
    }

    @Test
    void listWithoutATablePagesThroughWhatWasEverSet() {
        create("cit-a");
        create("cit-b");
        create("cit-c");
        update("cit-a", null, ContributorInsightsAction.ENABLE, null);
        update("cit-a", "byG", ContributorInsightsAction.ENABLE, null);
        update("cit-c", null, ContributorInsightsAction.ENABLE, ContributorInsightsMode.THROTTLED_KEYS);
        update("cit-c", null, ContributorInsightsAction.DISABLE, null);
        ListContributorInsightsResponse page = db.listContributorInsights(b -> b.maxResults(2));
        assertThat(page.contributorInsightsSummaries()).extracting(ContributorInsightsSummary::tableName, ContributorInsightsSummary::indexName)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("cit-a", null), org.assertj.core.groups.Tuple.tuple("cit-a", "byG"));
        assertThat(page.nextToken()).isNotNull();
        ListContributorInsightsResponse rest = db.listContributorInsights(b -> b.maxResults(2).nextToken(page.nextToken()));
        assertThat(rest.contributorInsightsSummaries()).hasSize(1);
        assertThat(rest.contributorInsightsSummaries().get(0).tableName()).isEqualTo("cit-c");
        assertThat(rest.contributorInsightsSummaries().get(0).contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
        assertThat(rest.nextToken()).isNull();
        // the SDK's paginator follows NextToken
        assertThat(db.listContributorInsightsPaginator(b -> b.maxResults(1)).stream()
            .mapToInt(r -> r.contributorInsightsSummaries().size()).sum()).isEqualTo(3);
    }

    @Test
    void errorsLikeTheService() {
        create("cit");
        assertThatThrownBy(() -> describe("missing", null))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found: Table: missing not found (Service");
        assertThatThrownBy(() -> update("missing", null, ContributorInsightsAction.ENABLE, null))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found: Table: missing not found (Service");
        assertThatThrownBy(() -> db.listContributorInsights(b -> b.tableName("missing")))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found: Table: missing not found (Service");
        assertThatThrownBy(() -> describe("cit", "nope"))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found: Index: nope not found (Service");
        assertThatThrownBy(() -> update("cit", "nope", ContributorInsightsAction.ENABLE, null))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found: Index: nope not found (Service");
        assertThatThrownBy(() -> update("cit", null, null, null))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value null at "
                + "'contributorInsightsAction' failed to satisfy constraint: Member must not be null (Service");
        assertThatThrownBy(() -> db.updateContributorInsights(b -> b.tableName("cit").contributorInsightsAction("START")))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value 'START' at "
                + "'contributorInsightsAction' failed to satisfy constraint: Member must satisfy enum value set: [ENABLE, DISABLE] (Service");
        assertThatThrownBy(() -> db.listContributorInsights(b -> b.maxResults(101)))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value '101' at "
                + "'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100 (Service");
        assertThat(describe("cit", null).contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    }
}
