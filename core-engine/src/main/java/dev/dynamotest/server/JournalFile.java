package dev.dynamotest.server;

import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.protocol.JournalJson;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/** The server's {@code --journal FILE}: every journal entry appended to FILE as one JSON line, flushed at once. */
final class JournalFile implements Consumer<JournalEntry>, Closeable {
    private final BufferedWriter out;

    JournalFile(Path file) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal file " + file, e);
        }
    }

    @Override
    public synchronized void accept(JournalEntry e) {
        try {
            out.write(JournalJson.line(e));
            out.write('\n');
            out.flush();
        } catch (IOException io) {
            // a full disk must not fail the request being journaled
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
