package dev.dynamotest.examples.spring;

import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;

/** Reserves copies of a book: the stock never goes below zero, even with concurrent reservations. */
@Service
public class BookService {
    private final BookRepository books;

    public BookService(BookRepository books) {
        this.books = books;
    }

    /** Takes {@code copies} out of the stock and returns the book as it is now. */
    public Book reserve(String isbn, int copies) {
        Book book = books.find(isbn).orElseThrow(() -> new NoSuchElementException("no book " + isbn));
        if (book.stock() < copies) {
            throw new OutOfStockException(isbn, copies, book.stock());
        }
        Book reserved = new Book(isbn, book.title(), book.stock() - copies);
        books.replaceIfStock(reserved, book.stock());  // ConditionalCheckFailedException if another reservation won
        return reserved;
    }
}
