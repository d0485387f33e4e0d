package dev.dynamotest.junit;

import dev.dynamotest.engine.journal.JournalEntry;
import java.util.List;

/**
 * Added (as a suppressed exception) to a failing test's exception: the last requests of that test from the
 * journal, with why a condition failed, so the failure output shows what the code asked DynamoDB.
 */
public final class RecentRequests extends RuntimeException {
    static final int SHOWN = 10;

    RecentRequests(List<JournalEntry> last, int total) {
        super(message(last, total), null, false, false);
    }

    private static String message(List<JournalEntry> last, int total) {
        StringBuilder b = new StringBuilder();
        b.append("the last ").append(last.size()).append(" of ").append(total)
            .append(" DynamoDB request(s) of this test (journal):");
        for (JournalEntry e : last) {
            b.append(System.lineSeparator()).append("  ").append(e.describe());
        }
        return b.toString();
    }
}
