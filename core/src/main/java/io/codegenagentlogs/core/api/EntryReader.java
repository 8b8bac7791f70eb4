package io.codegenagentlogs.core.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * Reads one log entry's members with a {@link JsonScanner}: the scalars a gate needs are decoded,
 * the structured values are only located (their spans in the raw text become lazy values), and
 * everything else is skipped, checked but not kept. Memory: the entry's text, once.
 */
final class EntryReader {
    private static final byte[][] KEYS = JsonScanner.keys("agent_run_id", "created_at", "message_type", "tool_name", "thought",
            "observation", "tool_input", "tool_output");

    private long agentRunId;
    private String createdAt;
    private String messageType;
    private String toolName;
    private String thought;
    /** Byte spans {start, end} of observation, tool_input, tool_output; -1 when absent or null. */
    private final int[] spans = {-1, -1, -1, -1, -1, -1};

    private EntryReader() {
    }

    /** The entry that starts at the scanner's next value, captured byte for byte as its raw text. */
    static LogEntry fromPage(JsonScanner s) throws IOException {
        s.startCapture();
        EntryReader r = new EntryReader();
        r.members(s, s::captureOffset);
        s.endCapture();
        byte[] bytes = s.captured();
        int length = s.capturedLength();
        return r.build(new String(bytes, 0, length, StandardCharsets.UTF_8), bytes, s.capturedNonAscii());
    }

    /** An entry whose raw text is already known (a line of logs.ndjson, a test fixture). */
    static LogEntry fromText(String raw) throws IOException {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        JsonScanner s = new JsonScanner(bytes);
        EntryReader r = new EntryReader();
        r.members(s, () -> (int) s.offset());
        if (s.peekNonSpace() >= 0) {
            throw s.unexpected(s.peekNonSpace(), "the end of the entry");
        }
        return r.build(raw, bytes, bytes.length != raw.length());
    }

    private void members(JsonScanner s, IntSupplier offset) throws IOException {
        int c = s.peekNonSpace();
        if (c != '{') {
            throw c < 0 ? s.truncated("a log entry") : s.unexpected(c, "'{' (a log entry is a JSON object)");
        }
        s.skipByte();
        if (s.peekNonSpace() == '}') {
            s.skipByte();
            return;
        }
        while (true) {
            if (s.peekNonSpace() != '"') {
                throw s.peekNonSpace() < 0 ? s.truncated("a member name") : s.unexpected(s.peekNonSpace(), "a member name");
            }
            int key = s.readKey(KEYS);
            s.expect(':', "':'");
            switch (key) {
                case 0 -> agentRunId = s.readLong(0);
                case 1 -> createdAt = s.readText();
                case 2 -> messageType = s.readText();
                case 3 -> toolName = s.readText();
                case 4 -> thought = s.readText();
                case 5 -> span(s, offset, 0);
                case 6 -> span(s, offset, 2);
                case 7 -> span(s, offset, 4);
                default -> s.skipValue();
            }
            if (s.endOrComma('}', "',' or '}'")) {
                return;
            }
        }
    }

    private void span(JsonScanner s, IntSupplier offset, int at) throws IOException {
        if (s.nextIsNull()) {
            spans[at] = -1;
            spans[at + 1] = -1;
            return;
        }
        s.peekNonSpace();
        spans[at] = offset.getAsInt();
        s.skipValue();
        spans[at + 1] = offset.getAsInt();
    }

    private LogEntry build(String raw, byte[] bytes, boolean nonAscii) {
        int[] chars = nonAscii ? toCharOffsets(bytes, spans) : spans;
        return new LogEntry(raw, agentRunId, createdAt, messageType, toolName, thought,
                value(chars, 0), value(chars, 2), value(chars, 4));
    }

    private static LogEntry.Value value(int[] chars, int at) {
        return chars[at] < 0 ? LogEntry.Value.ABSENT : LogEntry.Value.span(chars[at], chars[at + 1]);
    }

    /** Byte offsets into valid UTF-8 turned into char offsets (a 4-byte character is two chars), in one pass. */
    static int[] toCharOffsets(byte[] bytes, int[] byteOffsets) {
        int[] out = byteOffsets.clone();
        int max = 0;
        for (int o : byteOffsets) {
            max = Math.max(max, o);
        }
        int chars = 0;
        for (int i = 0; i <= max; i++) {
            for (int k = 0; k < byteOffsets.length; k++) {
                if (byteOffsets[k] == i) {
                    out[k] = chars;
                }
            }
            if (i == max || i >= bytes.length) {
                break;
            }
            int b = bytes[i] & 0xff;
            if ((b & 0xC0) != 0x80) {
                chars += b >= 0xF0 ? 2 : 1;
            }
        }
        return out;
    }
}
