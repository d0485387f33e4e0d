package dev.dynamotest.examples.mapper;

import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBQueryExpression;
import com.amazonaws.services.dynamodbv2.model.ConditionalCheckFailedException;
import java.util.List;
import java.util.Optional;

/**
 * {@link MemberRepository} on SDK v1's DynamoDBMapper, as services not yet migrated have it. The mapper checks the
 * {@code @DynamoDBVersionAttribute} on save and delete itself, with the legacy {@code Expected} parameter;
 * saves are UpdateItem calls with {@code AttributeUpdates} (its default SaveBehavior.UPDATE) and queries use
 * {@code KeyConditions}.
 */
public final class MapperMemberRepository implements MemberRepository {
    private final DynamoDBMapper mapper;

    public MapperMemberRepository(AmazonDynamoDB db, String tableName) {
        this.mapper = new DynamoDBMapper(db, DynamoDBMapperConfig.builder()
            .withTableNameOverride(DynamoDBMapperConfig.TableNameOverride.withTableNameReplacement(tableName))
            .build());
    }

    @Override
    public Member save(Member member) {
        MemberItem item = MemberItem.of(member);
        try {
            mapper.save(item); // sets the new version on the object
        } catch (ConditionalCheckFailedException e) {
            throw new StaleVersionException(member.id(), member.version(), e);
        }
        return item.toMember();
    }

    @Override
    public Optional<Member> load(String id) {
        return Optional.ofNullable(mapper.load(MemberItem.class, id)).map(MemberItem::toMember);
    }

    @Override
    public List<Member> byTeam(String team) {
        MemberItem probe = new MemberItem();
        probe.setTeam(team);
        return mapper.query(MemberItem.class, new DynamoDBQueryExpression<MemberItem>()
                .withIndexName("byTeam")
                .withHashKeyValues(probe)
                .withConsistentRead(false)) // a GSI cannot be read consistently; the mapper's default is true
            .stream().map(MemberItem::toMember).toList();
    }

    @Override
    public void delete(Member member) {
        try {
            mapper.delete(MemberItem.of(member)); // with Expected version = member.version()
        } catch (ConditionalCheckFailedException e) {
            throw new StaleVersionException(member.id(), member.version(), e);
        }
    }
}
