package dev.dynamotest.examples.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One repository contract, two SDKs, one table: each alone, and each reading and updating the other's items. */
@DynamoTest
@CreateTable(bean = MemberItem.class, name = "members") // id, and the byTeam GSI (team, name) projecting everything
class MemberRepositoryTest {
    static {
        // SDK v1 announces its end of support on stderr when its first client is built
        System.setProperty("aws.java.v1.disableDeprecationAnnouncement", "true");
    }

    enum Sdk { V2_ENHANCED_CLIENT, V1_DYNAMODB_MAPPER }

    AmazonDynamoDB v1;
    MemberRepository enhanced;
    MemberRepository mapper;

    @BeforeEach
    void repositories(DynamoRuntime dynamo) {
        AwsCredentials test = dynamo.credentialsProvider().resolveCredentials(); // its access key: this test's tables
        v1 = AmazonDynamoDBClientBuilder.standard()
            .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(dynamo.endpoint().toString(), dynamo.region().id()))
            .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(test.accessKeyId(), test.secretAccessKey())))
            .build();
        mapper = new MapperMemberRepository(v1, "members");
        enhanced = new EnhancedMemberRepository(dynamo.enhancedClient(), "members");
    }

    @AfterEach
    void shutdown() {
        v1.shutdown();
    }

    MemberRepository repository(Sdk sdk) {
        return sdk == Sdk.V1_DYNAMODB_MAPPER ? mapper : enhanced;
    }

    /** A lost optimistic-locking race, with the SDK's own ConditionalCheckFailedException and the service's text. */
    static void assertStale(Sdk sdk, Runnable write, String id, Long version) {
        assertThatThrownBy(write::run).isInstanceOf(StaleVersionException.class)
            .hasMessage(version == null ? "member " + id + " already exists" : "member " + id + " is no longer at version " + version)
            .cause().satisfies(cause -> {
                if (sdk == Sdk.V1_DYNAMODB_MAPPER) {
                    assertThat(cause).isInstanceOfSatisfying(com.amazonaws.services.dynamodbv2.model.ConditionalCheckFailedException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("ConditionalCheckFailedException");
                        assertThat(e.getErrorMessage()).isEqualTo("The conditional request failed");
                        assertThat(e.getStatusCode()).isEqualTo(400);
                    });
                } else {
                    assertThat(cause).isInstanceOfSatisfying(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
                }
            });
    }

    @ParameterizedTest
    @EnumSource(Sdk.class)
    void saveLoadLockQueryAndDelete(Sdk sdk) {
        MemberRepository members = repository(sdk);
        Member ada = members.save(Member.create("m1", "compilers", "Ada", "ada@example.com"));
        assertThat(ada.version()).isEqualTo(1L);
        assertThat(members.load("m1")).contains(ada);
        assertThat(members.load("nobody")).isEmpty();

        // two copies read at version 1: the first save wins, the second is refused and changes nothing
        Member mine = members.load("m1").orElseThrow();
        Member theirs = members.load("m1").orElseThrow();
        Member renamed = members.save(mine.withName("Ada L."));
        assertThat(renamed.version()).isEqualTo(2L);
        assertStale(sdk, () -> members.save(theirs.withTeam("runtime")), "m1", 1L);
        assertThat(members.load("m1")).contains(renamed);
        // a new member cannot be created over an existing one
        assertStale(sdk, () -> members.save(Member.create("m1", "runtime", "Someone", null)), "m1", null);

        Member grace = members.save(Member.create("m2", "compilers", "Grace", null));
        members.save(Member.create("m3", "runtime", "Linus", "linus@example.com"));
        assertThat(members.byTeam("compilers")).containsExactly(renamed, grace); // sorted by name in the index
        assertThat(members.byTeam("runtime")).extracting(Member::id).containsExactly("m3");

        assertStale(sdk, () -> members.delete(ada), "m1", 1L); // stale: deleting it would lose the rename
        members.delete(renamed);
        assertThat(members.load("m1")).isEmpty();
        assertThat(members.byTeam("compilers")).containsExactly(grace);
    }

    @Test
    void eachSdkReadsUpdatesAndDeletesWhatTheOtherWrote(DynamoDbClient raw) {
        Member ada = mapper.save(Member.create("m1", "compilers", "Ada", "ada@example.com"));
        Member grace = enhanced.save(Member.create("m2", "compilers", "Grace", "grace@example.com"));
        assertThat(enhanced.load("m1")).contains(ada);
        assertThat(mapper.load("m2")).contains(grace);
        assertThat(mapper.byTeam("compilers")).containsExactly(ada, grace);
        assertThat(enhanced.byTeam("compilers")).containsExactly(ada, grace);
        // the same item layout, whichever SDK wrote it
        assertThat(raw.getItem(b -> b.tableName("members").key(Map.of("id", AttributeValue.fromS("m1")))).item())
            .isEqualTo(item("m1", "compilers", "Ada", "ada@example.com", "1"));
        assertThat(raw.getItem(b -> b.tableName("members").key(Map.of("id", AttributeValue.fromS("m2")))).item())
            .isEqualTo(item("m2", "compilers", "Grace", "grace@example.com", "1"));

        // one version sequence across both: v2 updates v1's item, v1 updates that, stale copies fail in either
        Member byV2 = enhanced.save(ada.withName("Ada L."));
        Member byV1 = mapper.save(byV2.withTeam("runtime"));
        assertThat(byV1.version()).isEqualTo(3L);
        assertStale(Sdk.V2_ENHANCED_CLIENT, () -> enhanced.save(byV2.withName("Ada K.")), "m1", 2L);
        assertStale(Sdk.V1_DYNAMODB_MAPPER, () -> mapper.save(ada.withName("Ada K.")), "m1", 1L);
        assertThat(enhanced.load("m1")).contains(byV1);
        assertThat(enhanced.byTeam("runtime")).containsExactly(byV1);

        assertStale(Sdk.V1_DYNAMODB_MAPPER, () -> mapper.delete(byV2), "m1", 2L);
        mapper.delete(grace);
        enhanced.delete(byV1);
        assertThat(enhanced.load("m2")).isEmpty();
        assertThat(mapper.load("m1")).isEmpty();
        assertThat(raw.scan(b -> b.tableName("members")).count()).isZero();
    }

    static Map<String, AttributeValue> item(String id, String team, String name, String email, String version) {
        return Map.of("id", AttributeValue.fromS(id), "team", AttributeValue.fromS(team), "name", AttributeValue.fromS(name),
            "email", AttributeValue.fromS(email), "version", AttributeValue.fromN(version));
    }
}
