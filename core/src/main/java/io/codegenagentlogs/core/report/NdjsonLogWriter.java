package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.watch.LogListener;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@code logs.ndjson}: each entry's JSON exactly as received, then {@code \n}, in UTF-8. The
 * file is the complete record of the run (nothing is kept in memory), so it must survive a restart
 * without duplicates: {@link #open(Path, long)} cuts it back to the entries the persisted cursor
 * counts before appending. Call {@link #flush()} before persisting a cursor: it forces the entries to
 * disk, so the file is never behind a cursor that was saved.
 *
 * <p>The file is open only while entries are being written: the first entry after a {@link #flush()}
 * opens it, the flush forces and closes it. An idle watch (a Jenkins controller may hold hundreds)
 * holds no file descriptor and no buffer.
 *
 * <p>A line break inside the raw JSON would split an entry in two. Valid JSON has none (strings
 * escape them), but the text comes from outside: a CR or LF inside a string becomes its escape, one
 * between tokens becomes a space, which keeps the JSON value the same.
 */
public final class NdjsonLogWriter implements LogListener, Closeable, Flushable {
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private FileChannel channel;
    private OutputStream out;
    private long nextIndex;

    private NdjsonLogWriter(Path file, long nextIndex) {
        this.file = file;
        this.nextIndex = nextIndex;
    }

    /**
     * Prepares {@code file} for appending after its first {@code keepEntries} lines, creating it when
     * it does not exist (then {@code keepEntries} must be 0). Lines past those, written before a
     * crash but not counted by the cursor, are cut off, and so is an unfinished last line.
     *
     * @throws IOException when the file holds fewer than {@code keepEntries} complete lines: entries
     *     the cursor counts are missing, and appending would leave a gap
     */
    public static NdjsonLogWriter open(Path file, long keepEntries) throws IOException {
        if (keepEntries < 0) {
            throw new IllegalArgumentException("keepEntries must be 0 or more, was " + keepEntries);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long end = offsetAfterLines(ch, keepEntries);
            if (end < 0) {
                throw new IOException(file + " holds " + (-end - 1) + " complete log entries but the watch had "
                        + "delivered " + keepEntries + ": the file is behind the cursor and cannot be resumed");
            }
            if (ch.size() > end) {
                ch.truncate(end);
                ch.force(true);
            }
        }
        return new NdjsonLogWriter(file, keepEntries);
    }

    /**
     * The byte offset just past the {@code lines}-th {@code \n}; {@code -(found + 1)} when there are
     * fewer. Reads in blocks: the file can hold 100,000 entries.
     */
    private static long offsetAfterLines(FileChannel ch, long lines) throws IOException {
        if (lines == 0) {
            return 0;
        }
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        long found = 0;
        long pos = 0;
        ch.position(0);
        int n;
        while ((n = ch.read(buf)) > 0) {
            buf.flip();
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n' && ++found == lines) {
                    return pos + i + 1;
                }
            }
            pos += n;
            buf.clear();
        }
        return -(found + 1);
    }

    /**
     * Appends the entry. An index already written (a repeat) is ignored; an index past the next one
     * means entries went missing, which would make the file disagree with the cursor.
     *
     * @throws UncheckedIOException when writing fails
     * @throws IllegalStateException on a gap
     */
    @Override
    public synchronized void onEntry(long index, LogEntry entry) {
        if (index < nextIndex) {
            return;
        }
        if (index > nextIndex) {
            throw new IllegalStateException("log entry " + index + " arrived but " + nextIndex + " was expected: "
                    + "logs.ndjson would have a gap");
        }
        try {
            if (out == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
            }
            out.write(oneLine(entry.rawJson()).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write logs.ndjson", e);
        }
        nextIndex++;
    }

    /** Entries in the file, kept ones included: the index the next entry must have. */
    public synchronized long entries() {
        return nextIndex;
    }

    /** Writes what is buffered, forces it to disk and closes the file until the next entry. */
    @Override
    public synchronized void flush() throws IOException {
        if (out == null) {
            return;
        }
        try (FileChannel ch = channel) {
            out.flush();
            ch.force(false);
        } finally {
            out = null;
            channel = null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }

    /**
     * The JSON text with any raw CR/LF neutralised, as described on the class: the NDJSON line of an
     * entry, wherever it is written. Usually returns {@code json} itself.
     */
    public static String oneLine(String json) {
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            return json;
        }
        StringBuilder sb = new StringBuilder(json.length() + 8);
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\n' || c == '\r') {
                sb.append(inString ? (c == '\n' ? "\\n" : "\\r") : " ");
                escaped = false;
                continue;
            }
            sb.append(c);
            if (escaped) {
                escaped = false;
            } else if (c == '\\' && inString) {
                escaped = true;
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return sb.toString();
    }
}
