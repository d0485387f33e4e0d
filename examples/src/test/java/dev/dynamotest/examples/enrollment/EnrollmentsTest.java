package dev.dynamotest.examples.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.GlobalIndex;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest
@CreateTable(name = "school", partitionKey = "pk", sortKey = "sk",
    globalIndexes = @GlobalIndex(name = "inverted", partitionKey = "sk", sortKey = "pk"))
class EnrollmentsTest {

    @Test
    void bothDirectionsOfTheRelationshipFromOneSetOfEdges(DynamoDbClient client) {
        Enrollments school = new Enrollments(client);
        school.addStudent("ada", "Ada");
        school.addStudent("bob", "Bob");
        school.addCourse("math", "Mathematics");
        school.addCourse("art", "Art");
        school.enroll("ada", "math");
        school.enroll("ada", "art");
        school.enroll("bob", "math");
        assertThat(school.coursesOf("ada")).containsExactly("art", "math");
        assertThat(school.coursesOf("bob")).containsExactly("math");
        assertThat(school.studentsIn("math")).containsExactly("ada", "bob");
        assertThat(school.studentsIn("art")).containsExactly("ada");
    }
}
