package dev.dynamotest.engine.expr;

/** One lexical token of an expression: its kind, its text as written and its [start, end) offsets. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        IDENT, NAME_REF, VALUE_REF, NUMBER,
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
        AND, OR, NOT, BETWEEN, IN, SET, REMOVE, ADD, DELETE,
        /** A character no rule accepts; the service reports it as the offending token. */
        ERROR,
        EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** The text DynamoDB prints for the token in a syntax error. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
