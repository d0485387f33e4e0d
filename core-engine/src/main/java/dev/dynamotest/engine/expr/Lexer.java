package dev.dynamotest.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits an expression into tokens the way DynamoDB's lexer does (verified against DynamoDB Local): identifiers
 * are {@code [A-Za-z][A-Za-z0-9_]*}; the nine keywords AND OR NOT BETWEEN IN SET REMOVE ADD DELETE are tokens of
 * their own in every expression kind, case-insensitive; {@code #x} and {@code :x} take {@code [A-Za-z0-9_]+};
 * list indexes are {@code 0|[1-9][0-9]*} (so {@code 007} lexes as 0, 0, 7); whitespace is space, tab, CR and
 * LF only; any other character is a one-character error token that the parser reports as the offending token.
 */
final class Lexer {
    private static final Map<String, Token.Kind> KEYWORDS = Map.of(
        "AND", Token.Kind.AND, "OR", Token.Kind.OR, "NOT", Token.Kind.NOT, "BETWEEN", Token.Kind.BETWEEN,
        "IN", Token.Kind.IN, "SET", Token.Kind.SET, "REMOVE", Token.Kind.REMOVE, "ADD", Token.Kind.ADD,
        "DELETE", Token.Kind.DELETE);

    private Lexer() {
    }

    static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(int c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int start = i;
            if (isLetter(c)) {
                while (i < n && isWordChar(s.charAt(i))) {
                    i++;
                }
                String text = s.substring(start, i);
                Token.Kind kw = KEYWORDS.get(text.toUpperCase(Locale.ROOT));
                out.add(new Token(kw != null ? kw : Token.Kind.IDENT, text, start, i));
                continue;
            }
            if ((c == '#' || c == ':') && i + 1 < n && isWordChar(s.charAt(i + 1))) {
                i++;
                while (i < n && isWordChar(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF, s.substring(start, i), start, i));
                continue;
            }
            if (isDigit(c)) {
                i++;
                if (c != '0') {
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                out.add(new Token(Token.Kind.NUMBER, s.substring(start, i), start, i));
                continue;
            }
            Token.Kind kind;
            int len = 1;
            switch (c) {
                case '(': kind = Token.Kind.LPAREN; break;
                case ')': kind = Token.Kind.RPAREN; break;
                case '[': kind = Token.Kind.LBRACKET; break;
                case ']': kind = Token.Kind.RBRACKET; break;
                case ',': kind = Token.Kind.COMMA; break;
                case '.': kind = Token.Kind.DOT; break;
                case '=': kind = Token.Kind.EQ; break;
                case '+': kind = Token.Kind.PLUS; break;
                case '-': kind = Token.Kind.MINUS; break;
                case '<':
                    if (i + 1 < n && s.charAt(i + 1) == '=') {
                        kind = Token.Kind.LE;
                        len = 2;
                    } else if (i + 1 < n && s.charAt(i + 1) == '>') {
                        kind = Token.Kind.NE;
                        len = 2;
                    } else {
                        kind = Token.Kind.LT;
                    }
                    break;
                case '>':
                    if (i + 1 < n && s.charAt(i + 1) == '=') {
                        kind = Token.Kind.GE;
                        len = 2;
                    } else {
                        kind = Token.Kind.GT;
                    }
                    break;
                default:
                    kind = Token.Kind.ERROR;
                    len = Character.charCount(s.codePointAt(i));
            }
            i += len;
            out.add(new Token(kind, s.substring(start, i), start, i));
        }
        out.add(new Token(Token.Kind.EOF, "", n, n));
        return out;
    }
}
