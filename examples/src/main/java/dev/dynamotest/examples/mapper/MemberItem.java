package dev.dynamotest.examples.mapper;

import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBAttribute;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBHashKey;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBIndexHashKey;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBIndexRangeKey;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * The stored item, annotated for both mappers during the migration: SDK v1's DynamoDBMapper reads the
 * {@code DynamoDB...} annotations, SDK v2's Enhanced Client the {@code DynamoDb...} ones, and each ignores the
 * other's. One class means the two cannot drift apart in attribute names, keys, index or version attribute.
 *
 * <p>Types to watch in a mixed fleet: strings, numbers and string sets are stored alike, but v1 stores a
 * {@code Boolean} as the number 1/0 (unless the mapper uses {@code ConversionSchemas.V2}) where v2 stores BOOL.
 */
@DynamoDbBean
@DynamoDBTable(tableName = "members") // v1's default; MapperMemberRepository can point it at another table
public class MemberItem {
    private String id;
    private String team;
    private String name;
    private String email;
    private Long version;

    @DynamoDbPartitionKey
    @DynamoDBHashKey(attributeName = "id")
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "byTeam")
    @DynamoDBIndexHashKey(globalSecondaryIndexName = "byTeam", attributeName = "team")
    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    @DynamoDbSecondarySortKey(indexNames = "byTeam")
    @DynamoDBIndexRangeKey(globalSecondaryIndexName = "byTeam", attributeName = "name")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @DynamoDBAttribute(attributeName = "email")
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    @DynamoDbVersionAttribute
    @DynamoDBVersionAttribute(attributeName = "version")
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    static MemberItem of(Member m) {
        MemberItem item = new MemberItem();
        item.setId(m.id());
        item.setTeam(m.team());
        item.setName(m.name());
        item.setEmail(m.email());
        item.setVersion(m.version());
        return item;
    }

    Member toMember() {
        return new Member(id, team, name, email, version);
    }
}
