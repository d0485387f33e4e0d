package dev.dynamotest.examples.unique;

import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest
@CreateTable(name = "users", partitionKey = "pk")
class UsersTest {

    @Test
    void anEmailBelongsToOneUserOnly(DynamoDbClient client) {
        Users users = new Users(client);
        assertThat(users.register("ada", "ada@example.com")).isTrue();
        assertThat(users.register("bob", "ada@example.com")).isFalse();
        assertThat(users.register("ada", "other@example.com")).isFalse();
        assertThatTable(client, "users").hasItemCount(2)
            .containsItemWithKey("pk", "USER#ada")
            .containsItemWithKey("pk", "EMAIL#ada@example.com")
            .doesNotContainItemWithKey("pk", "USER#bob");
    }
}
