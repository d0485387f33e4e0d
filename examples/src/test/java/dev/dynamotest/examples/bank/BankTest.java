package dev.dynamotest.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Seed;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@CreateTable(name = "accounts", partitionKey = "id")
@CreateTable(name = "settings", partitionKey = "name")
@Seed(table = "accounts", value = "[{\"id\": \"a\", \"balance\": 100}, {\"id\": \"b\", \"balance\": 50}, {\"id\": \"c\", \"balance\": 0}]")
@Seed(table = "settings", value = "{\"name\": \"bank\", \"frozen\": false}")
class BankTest {

    @Test
    void moneyIsConservedAcrossRandomTransfers(DynamoDbClient client) {
        Bank bank = new Bank(client);
        Random random = new Random(7);
        String[] ids = {"a", "b", "c"};
        for (int i = 0; i < 200; i++) {
            bank.transfer(ids[random.nextInt(3)], ids[random.nextInt(3)], 1 + random.nextInt(40));
        }
        assertThat(bank.balance("a") + bank.balance("b") + bank.balance("c")).isEqualTo(150);
        assertThat(java.util.List.of(bank.balance("a"), bank.balance("b"), bank.balance("c"))).allMatch(b -> b >= 0);
    }

    @Test
    void insufficientFundsAndAFrozenBankRejectTheWholeTransfer(DynamoDbClient client) {
        Bank bank = new Bank(client);
        assertThat(bank.transfer("c", "a", 1)).isFalse();
        client.putItem(b -> b.tableName("settings").item(Map.of("name", AttributeValue.fromS("bank"), "frozen", AttributeValue.fromBool(true))));
        assertThat(bank.transfer("a", "b", 10)).isFalse();
        assertThat(bank.balance("a")).isEqualTo(100);
        assertThat(bank.balance("b")).isEqualTo(50);
    }
}
