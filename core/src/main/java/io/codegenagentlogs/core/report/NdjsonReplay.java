package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.EntryDecoder;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.OneLine;
import io.codegenagentlogs.core.watch.LogListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Feeds a {@code logs.ndjson} written by {@link NdjsonLogWriter} back to a listener, streaming, one
 * line at a time: the Jenkins plugin rebuilds a run's summary this way after a controller restart,
 * instead of keeping the summary or the entries in memory.
 *
 * <p>Lines are split on the byte {@code \n} only, as the writer writes them, and each line is decoded
 * on its own: nothing past the last line asked for is decoded, so bytes a crash left after the
 * cursor (half a UTF-8 character, say) cannot fail a resume. A last line without its {@code \n} is a
 * write cut short by a crash: it is replayed if it decodes and ignored if it does not (the writer
 * truncates it away when the watch resumes). Any other line that is not a log entry is an error.
 */
public final class NdjsonReplay {
    private NdjsonReplay() {
    }

    /**
     * @return the number of entries replayed
     * @throws IOException when the file cannot be read or a complete line is not a JSON object
     */
    public static long replay(Path ndjson, LogListener listener) throws IOException {
        return replay(ndjson, listener, Long.MAX_VALUE);
    }

    /**
     * Replays at most {@code maxEntries} entries: pass the persisted cursor so that lines written past
     * it before a crash are neither counted twice nor even decoded.
     */
    public static long replay(Path ndjson, LogListener listener, long maxEntries) throws IOException {
        long index = 0;
        try (InputStream in = Files.newInputStream(ndjson)) {
            LineReader lines = new LineReader(in);
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            while (index < maxEntries) {
                boolean terminated = lines.readLine(line);
                if (!terminated && line.size() == 0) {
                    break;
                }
                LogEntry entry;
                try {
                    entry = EntryDecoder.decode(utf8(line));
                } catch (RuntimeException | CharacterCodingException notAnEntry) {
                    if (!terminated) {
                        break;
                    }
                    throw new IOException(ndjson + " line " + (index + 1) + " is not a log entry ("
                            + OneLine.of(notAnEntry.getMessage(), 200) + ")", notAnEntry);
                }
                listener.onEntry(index++, entry);
                if (!terminated) {
                    break;
                }
            }
        }
        return index;
    }

    private static String utf8(ByteArrayOutputStream line) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(line.toByteArray()))
                .toString();
    }

    /** Splits a byte stream on {@code \n} alone, reading in blocks (a byte-by-byte read is slow on 100,000 lines). */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int len;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** Reads up to the next {@code \n} (dropped) into {@code line}; false when the input ended first. */
        boolean readLine(ByteArrayOutputStream line) throws IOException {
            line.reset();
            while (true) {
                if (pos == len) {
                    len = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return false;
                    }
                }
                for (int i = pos; i < len; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, pos, i - pos);
                        pos = i + 1;
                        return true;
                    }
                }
                line.write(buf, pos, len - pos);
                pos = len;
            }
        }
    }
}
