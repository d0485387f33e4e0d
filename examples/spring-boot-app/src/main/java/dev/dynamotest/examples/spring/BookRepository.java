package dev.dynamotest.examples.spring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The books table ({@value #TABLE}, partition key {@code isbn}) through the Enhanced Client. */
@Repository
public class BookRepository {
    public static final String TABLE = "books";

    private final DynamoDbTable<BookItem> table;

    public BookRepository(DynamoDbEnhancedClient enhanced) {
        this.table = enhanced.table(TABLE, TableSchema.fromBean(BookItem.class));
    }

    public void save(Book book) {
        table.putItem(BookItem.of(book));
    }

    public Optional<Book> find(String isbn) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(isbn).build())).map(BookItem::toBook);
    }

    public List<Book> all() {
        return table.scan().items().stream().map(BookItem::toBook).toList();
    }

    /** Writes {@code book} only if the stored stock is still {@code expectedStock} (optimistic concurrency). */
    public void replaceIfStock(Book book, int expectedStock) {
        table.putItem(PutItemEnhancedRequest.builder(BookItem.class).item(BookItem.of(book))
            .conditionExpression(Expression.builder().expression("stock = :expected")
                .expressionValues(Map.of(":expected", AttributeValue.fromN(Integer.toString(expectedStock)))).build())
            .build());
    }

    /** The stored form of a {@link Book}. */
    @DynamoDbBean
    public static class BookItem {
        private String isbn;
        private String title;
        private int stock;

        static BookItem of(Book book) {
            BookItem item = new BookItem();
            item.isbn = book.isbn();
            item.title = book.title();
            item.stock = book.stock();
            return item;
        }

        Book toBook() {
            return new Book(isbn, title, stock);
        }

        @DynamoDbPartitionKey
        public String getIsbn() {
            return isbn;
        }

        public void setIsbn(String isbn) {
            this.isbn = isbn;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public int getStock() {
            return stock;
        }

        public void setStock(int stock) {
            this.stock = stock;
        }
    }
}
