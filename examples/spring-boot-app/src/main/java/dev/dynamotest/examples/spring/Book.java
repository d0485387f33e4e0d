package dev.dynamotest.examples.spring;

/** A book in the shop's stock. */
public record Book(String isbn, String title, int stock) {
}
