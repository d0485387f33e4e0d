package dev.dynamotest.spring.app;

import java.util.List;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

@Repository
public class NoteRepository {
    private final DynamoDbTable<Note> table;

    public NoteRepository(DynamoDbEnhancedClient enhanced) {
        this.table = enhanced.table("notes", TableSchema.fromBean(Note.class));
    }

    public void save(Note note) {
        table.putItem(note);
    }

    public Note find(String id) {
        return table.getItem(Key.builder().partitionValue(id).build());
    }

    public List<String> ids() {
        return table.scan().items().stream().map(Note::getId).sorted().toList();
    }
}
