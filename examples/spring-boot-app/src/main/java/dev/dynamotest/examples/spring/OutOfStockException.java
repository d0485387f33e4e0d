package dev.dynamotest.examples.spring;

/** Thrown when a reservation asks for more copies than the stock holds. */
public class OutOfStockException extends RuntimeException {
    public OutOfStockException(String isbn, int wanted, int stock) {
        super("cannot reserve " + wanted + " of " + isbn + ": " + stock + " in stock");
    }
}
