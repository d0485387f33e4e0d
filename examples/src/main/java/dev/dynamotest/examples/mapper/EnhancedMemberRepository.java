package dev.dynamotest.examples.mapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link MemberRepository} on SDK v2's Enhanced Client. Its VersionedRecordExtension (on by default) adds the
 * version condition to writes and increments the version; it does not guard deletes, so delete adds its own.
 */
public final class EnhancedMemberRepository implements MemberRepository {
    private static final TableSchema<MemberItem> SCHEMA = TableSchema.fromBean(MemberItem.class);
    private final DynamoDbTable<MemberItem> table;

    public EnhancedMemberRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, SCHEMA);
    }

    @Override
    public Member save(Member member) {
        try {
            // an UpdateItem (SET the attributes, REMOVE the null ones) like the v1 mapper's default save, under
            // attribute_not_exists(version) for a new member or version = :v otherwise; it returns the stored item
            return table.updateItem(MemberItem.of(member)).toMember();
        } catch (ConditionalCheckFailedException e) {
            throw new StaleVersionException(member.id(), member.version(), e);
        }
    }

    @Override
    public Optional<Member> load(String id) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(id).build())).map(MemberItem::toMember);
    }

    @Override
    public List<Member> byTeam(String team) {
        return table.index("byTeam")
            .query(QueryConditional.keyEqualTo(k -> k.partitionValue(team)))
            .stream().flatMap(page -> page.items().stream())
            .map(MemberItem::toMember)
            .toList();
    }

    @Override
    public void delete(Member member) {
        Expression sameVersion = Expression.builder().expression("#v = :v")
            .expressionNames(Map.of("#v", "version"))
            .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(member.version()))))
            .build();
        try {
            table.deleteItem(r -> r.key(Key.builder().partitionValue(member.id()).build()).conditionExpression(sameVersion));
        } catch (ConditionalCheckFailedException e) {
            throw new StaleVersionException(member.id(), member.version(), e);
        }
    }
}
