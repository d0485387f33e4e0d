package dev.dynamotest.server;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A minimal Enhanced Client bean for the batch-retry test. */
@DynamoDbBean
public class EnhancedOrder {
    private String pk;
    private int total;

    public EnhancedOrder() {
    }

    public EnhancedOrder(String pk, int total) {
        this.pk = pk;
        this.total = total;
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }
}
