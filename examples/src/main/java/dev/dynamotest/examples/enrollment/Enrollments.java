package dev.dynamotest.examples.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Students and courses, many-to-many, in one table with overloaded keys: a student item ({@code STUDENT#id} /
 * {@code PROFILE}), a course item ({@code COURSE#id} / {@code PROFILE}) and one edge per enrollment
 * ({@code STUDENT#id} / {@code COURSE#id}). The inverted GSI ({@code sk} as partition key, {@code pk} as sort key)
 * answers "who takes this course" from the same edges that answer "what does this student take".
 */
public final class Enrollments {
    private final DynamoDbClient db;

    public Enrollments(DynamoDbClient db) {
        this.db = db;
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    public void addStudent(String id, String name) {
        db.putItem(b -> b.tableName("school").item(Map.of("pk", s("STUDENT#" + id), "sk", s("PROFILE"), "name", s(name))));
    }

    public void addCourse(String id, String title) {
        db.putItem(b -> b.tableName("school").item(Map.of("pk", s("COURSE#" + id), "sk", s("PROFILE"), "title", s(title))));
    }

    public void enroll(String student, String course) {
        db.putItem(b -> b.tableName("school").item(Map.of("pk", s("STUDENT#" + student), "sk", s("COURSE#" + course))));
    }

    /** Course ids a student takes: the student's partition, edges only. */
    public List<String> coursesOf(String student) {
        List<String> out = new ArrayList<>();
        db.query(b -> b.tableName("school").keyConditionExpression("pk = :p AND begins_with(sk, :c)")
                .expressionAttributeValues(Map.of(":p", s("STUDENT#" + student), ":c", s("COURSE#"))))
            .items().forEach(i -> out.add(i.get("sk").s().substring("COURSE#".length())));
        return out;
    }

    /** Student ids in a course: the inverted index's partition for the course, student edges only. */
    public List<String> studentsIn(String course) {
        List<String> out = new ArrayList<>();
        db.query(b -> b.tableName("school").indexName("inverted").keyConditionExpression("sk = :c AND begins_with(pk, :s)")
                .expressionAttributeValues(Map.of(":c", s("COURSE#" + course), ":s", s("STUDENT#"))))
            .items().forEach(i -> out.add(i.get("pk").s().substring("STUDENT#".length())));
        return out;
    }
}
