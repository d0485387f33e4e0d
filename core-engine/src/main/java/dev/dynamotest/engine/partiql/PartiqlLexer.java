package dev.dynamotest.engine.partiql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PartiQL statement into tokens. Each token keeps its place in the text, because several of the
 * service's messages end with the token's position as {@code line:column:length} ("Unsupported clause: LIMIT at
 * 1:38:1").
 */
final class PartiqlLexer {
    private PartiqlLexer() {
    }

    enum Kind {
        /** An unquoted identifier or keyword. */
        IDENT,
        /** A "double-quoted" identifier (case-sensitive, "" escapes a quote). */
        QUOTED,
        /** A 'single-quoted' string literal ('' escapes a quote). */
        STRING,
        NUMBER,
        /** A `backtick` Ion literal, which DynamoDB rejects. */
        ION,
        PUNCT,
        EOF
    }

    record Token(Kind kind, String text, int line, int column, int length) {
        boolean is(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }

        boolean punct(String p) {
            return kind == Kind.PUNCT && text.equals(p);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        /** {@code " at line:column:length"}, as the service appends it. */
        String at() {
            return " at " + line + ":" + column + ":" + length;
        }
    }

    /** Thrown for text that is no token at all; the parser turns it into the "wasn't well formed" error. */
    static final class LexException extends RuntimeException {
        LexException() {
            super(null, null, false, false);
        }
    }

    private static final String[] TWO_CHAR = {"<>", "!=", "<=", ">=", "<<", ">>", "||"};

    static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        int line = 1;
        int lineStart = 0;
        while (i < n) {
            char c = s.charAt(i);
            int column = i - lineStart + 1;
            if (c == '\n') {
                i++;
                line++;
                lineStart = i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n') {
                    i++; // -- comment to the end of the line
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new LexException();
                }
                for (int k = i; k < end; k++) {
                    if (s.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end + 2;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(Kind.IDENT, s.substring(i, j), line, column, j - i));
                i = j;
            } else if (c == '"' || c == '\'' || c == '`') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new LexException();
                    }
                    char d = s.charAt(j);
                    if (d == c) {
                        if (c != '`' && j + 1 < n && s.charAt(j + 1) == c) {
                            b.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    b.append(d);
                    j++;
                }
                Kind kind = c == '"' ? Kind.QUOTED : c == '\'' ? Kind.STRING : Kind.ION;
                out.add(new Token(kind, b.toString(), line, column, j + 1 - i));
                i = j + 1;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < n && isDigit(s.charAt(j))) {
                    j++;
                }
                if (j < n && s.charAt(j) == '.') {
                    j++;
                    while (j < n && isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                        k++;
                    }
                    if (k < n && isDigit(s.charAt(k))) {
                        j = k;
                        while (j < n && isDigit(s.charAt(j))) {
                            j++;
                        }
                    }
                }
                out.add(new Token(Kind.NUMBER, s.substring(i, j), line, column, j - i));
                i = j;
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                boolean matched = false;
                for (String t : TWO_CHAR) {
                    if (t.equals(two)) {
                        out.add(new Token(Kind.PUNCT, two, line, column, 2));
                        i += 2;
                        matched = true;
                        break;
                    }
                }
                if (!matched) {
                    if ("(),.[]{}:?*=<>+-/%;".indexOf(c) < 0) {
                        throw new LexException();
                    }
                    out.add(new Token(Kind.PUNCT, String.valueOf(c), line, column, 1));
                    i++;
                }
            }
        }
        out.add(new Token(Kind.EOF, "", line, n - lineStart + 1, 0));
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
