package io.codegenagentlogs.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON from bytes without building a tree and without recursion: however deep a value nests,
 * skipping it costs one byte of container stack per level and no Java stack. It checks the whole
 * grammar (RFC 8259) and that strings are UTF-8, and it can copy what it reads into a capture buffer,
 * so that a caller keeps a value exactly as its bytes arrived.
 *
 * <p>Lenient in one way only: raw control characters inside strings are accepted, as Gson's and most
 * servers' readers accept them. Positions in messages are byte offsets from the start of the input.
 */
final class JsonScanner {
    /** Read size when streaming: a page is read in a few of these; the body's own buffer does the rest. */
    private static final int CHUNK = 8 * 1024;
    private static final byte OBJECT = 1;
    private static final byte ARRAY = 2;

    private final InputStream in;
    private final long maxBytes;
    private byte[] buf;
    private int pos;
    private int limit;
    /** Bytes of the input before {@code buf[0]}. */
    private long base;

    private byte[] capture = new byte[4096];
    private int captureLength;
    private boolean capturing;
    private int captureFrom;
    private boolean captureNonAscii;

    private byte[] stack = new byte[64];

    /** Streams {@code in}, failing with {@link MalformedPageException#tooLarge} past {@code maxBytes}. */
    JsonScanner(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.buf = new byte[CHUNK];
    }

    /** Reads a complete input held in memory. */
    JsonScanner(byte[] bytes) {
        this.in = null;
        this.maxBytes = Long.MAX_VALUE;
        this.buf = bytes;
        this.limit = bytes.length;
    }

    /** The byte offset of the next byte to read. */
    long offset() {
        return base + pos;
    }

    // ---- bytes ------------------------------------------------------------------------------

    /** Makes at least one unread byte available; false at the end of the input. */
    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (in == null) {
            return false;
        }
        if (capturing) {
            appendCapture(buf, captureFrom, limit - captureFrom);
            captureFrom = 0;
        }
        base += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        if (base + limit > maxBytes) {
            throw MalformedPageException.tooLarge(maxBytes);
        }
        return true;
    }

    /** The next byte without consuming it, or -1 at the end. */
    int peek() throws IOException {
        return fill() ? buf[pos] & 0xff : -1;
    }

    /** The next byte, or a syntax error naming {@code expecting} at the end of the input. */
    private int next(String expecting) throws IOException {
        if (!fill()) {
            throw truncated(expecting);
        }
        return buf[pos++] & 0xff;
    }

    /** Skips JSON whitespace and returns the next byte (not consumed), or -1 at the end. */
    int peekNonSpace() throws IOException {
        while (fill()) {
            int c = buf[pos] & 0xff;
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    /** Consumes {@code c} after optional whitespace, or fails saying what was expected. */
    void expect(char c, String what) throws IOException {
        int got = peekNonSpace();
        if (got != c) {
            throw got < 0 ? truncated(what) : unexpected(got, what);
        }
        pos++;
    }

    /**
     * After a member or an element: consumes the {@code ','} that announces another one (false) or
     * the {@code close} that ends the container (true), or fails saying what was expected.
     */
    boolean endOrComma(char close, String expecting) throws IOException {
        int c = peekNonSpace();
        if (c == close || c == ',') {
            pos++;
            return c == close;
        }
        throw c < 0 ? truncated(expecting) : unexpected(c, expecting);
    }

    /** Consumes the byte {@link #peekNonSpace()} returned. */
    void skipByte() {
        pos++;
    }

    // ---- capture ----------------------------------------------------------------------------

    /** From the next byte on, everything read is copied into the capture buffer (which starts empty). */
    void startCapture() throws IOException {
        peekNonSpace();
        captureLength = 0;
        captureNonAscii = false;
        capturing = true;
        captureFrom = pos;
    }

    /** Stops copying; the captured bytes are {@link #captured()}[0..{@link #capturedLength()}). */
    void endCapture() {
        appendCapture(buf, captureFrom, pos - captureFrom);
        capturing = false;
        // a buffer grown for one huge entry is not kept for the rest of the watch
        if (capture.length > (4 << 20) && captureLength < (1 << 20)) {
            capture = Arrays.copyOf(capture, Math.max(4096, captureLength));
        }
    }

    /** How many bytes have been captured so far (while capturing: up to the last refill, plus the current buffer). */
    int captureOffset() {
        return captureLength + (pos - captureFrom);
    }

    byte[] captured() {
        return capture;
    }

    int capturedLength() {
        return captureLength;
    }

    /** Whether the capture holds any byte above 0x7f (so that byte and char offsets differ). */
    boolean capturedNonAscii() {
        return captureNonAscii;
    }

    private void appendCapture(byte[] from, int start, int length) {
        if (length <= 0) {
            return;
        }
        if (captureLength + length > capture.length) {
            capture = Arrays.copyOf(capture, Math.max(captureLength + length, capture.length * 2));
        }
        System.arraycopy(from, start, capture, captureLength, length);
        captureLength += length;
    }

    // ---- values -----------------------------------------------------------------------------

    /**
     * Skips one complete value of any kind and depth, checking its syntax: iteratively, with an
     * explicit container stack instead of recursion.
     */
    void skipValue() throws IOException {
        int depth = 0;
        while (true) {
            // a value starts here
            int c = peekNonSpace();
            switch (c) {
                case '{' -> {
                    pos++;
                    int d = peekNonSpace();
                    if (d == '}') {
                        pos++;
                    } else {
                        depth = push(depth, OBJECT);
                        memberName();
                        continue;
                    }
                }
                case '[' -> {
                    pos++;
                    int d = peekNonSpace();
                    if (d == ']') {
                        pos++;
                    } else {
                        depth = push(depth, ARRAY);
                        continue;
                    }
                }
                case '"' -> skipString();
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        skipNumber();
                    } else {
                        throw c < 0 ? truncated("a value") : unexpected(c, "a value");
                    }
                }
            }
            // after a value: close containers until one continues with ','
            while (true) {
                if (depth == 0) {
                    return;
                }
                byte top = stack[depth - 1];
                int d = peekNonSpace();
                if (d == ',') {
                    pos++;
                    if (top == OBJECT) {
                        memberName();
                    }
                    break;
                }
                if ((top == OBJECT && d == '}') || (top == ARRAY && d == ']')) {
                    pos++;
                    depth--;
                    continue;
                }
                throw d < 0 ? truncated(top == OBJECT ? "',' or '}'" : "',' or ']'")
                        : unexpected(d, top == OBJECT ? "',' or '}'" : "',' or ']'");
            }
        }
    }

    /** Skips {@code "name" :} inside an object. */
    private void memberName() throws IOException {
        int c = peekNonSpace();
        if (c != '"') {
            throw c < 0 ? truncated("a member name") : unexpected(c, "a member name");
        }
        skipString();
        expect(':', "':'");
    }

    private int push(int depth, byte kind) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[depth] = kind;
        return depth + 1;
    }

    private void literal(String word) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            int c = next("'" + word + "'");
            if (c != word.charAt(i)) {
                throw unexpected(c, "'" + word + "'");
            }
        }
    }

    /** Whether the next value is the literal {@code null} (consumed if so). */
    boolean nextIsNull() throws IOException {
        if (peekNonSpace() != 'n') {
            return false;
        }
        literal("null");
        return true;
    }

    private void skipNumber() throws IOException {
        readNumber(null);
    }

    /** Reads a number (after {@link #peekNonSpace()} saw its first byte), appending its text to {@code text} when not null. */
    private void readNumber(StringBuilder text) throws IOException {
        int c = peek();
        if (c == '-') {
            take(text);
            c = peek();
        }
        if (c == '0') {
            take(text);
        } else if (c >= '1' && c <= '9') {
            while ((c = peek()) >= '0' && c <= '9') {
                take(text);
            }
        } else {
            throw c < 0 ? truncated("a digit") : unexpected(c, "a digit");
        }
        c = peek();
        if (c == '.') {
            take(text);
            digits(text);
            c = peek();
        }
        if (c == 'e' || c == 'E') {
            take(text);
            c = peek();
            if (c == '+' || c == '-') {
                take(text);
            }
            digits(text);
        }
    }

    private void digits(StringBuilder text) throws IOException {
        int c = peek();
        if (c < '0' || c > '9') {
            throw c < 0 ? truncated("a digit") : unexpected(c, "a digit");
        }
        while ((c = peek()) >= '0' && c <= '9') {
            take(text);
        }
    }

    private void take(StringBuilder text) {
        if (text != null) {
            text.append((char) buf[pos]);
        }
        pos++;
    }

    /**
     * A scalar's value as a gate reads it: a string's text, null for {@code null}, and for anything
     * else (a number, a boolean, even an object) its JSON text. Call at the start of a value.
     */
    String readText() throws IOException {
        int c = peekNonSpace();
        if (c == '"') {
            return readString();
        }
        if (c == 'n') {
            literal("null");
            return null;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            StringBuilder sb = new StringBuilder(20);
            readNumber(sb);
            return sb.toString();
        }
        if (c == 't' || c == 'f') {
            literal(c == 't' ? "true" : "false");
            return c == 't' ? "true" : "false";
        }
        // an object or array where a scalar belongs: keep its text, within reason
        boolean wasCapturing = capturing;
        if (wasCapturing) {
            int from = captureOffset();
            skipValue();
            int to = captureOffset();
            // the bytes are in the capture buffer up to the last refill; flush the rest to read them
            appendCapture(buf, captureFrom, pos - captureFrom);
            captureFrom = pos;
            return new String(capture, from, to - from, StandardCharsets.UTF_8);
        }
        startCapture();
        skipValue();
        endCapture();
        return new String(capture, 0, captureLength, StandardCharsets.UTF_8);
    }

    /** An integer value as a long, or {@code fallback} for null, non-integers, other types and overflow. */
    long readLong(long fallback) throws IOException {
        String text = readText();
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notPlain) {
            try {
                return new BigDecimal(text).longValueExact();
            } catch (NumberFormatException | ArithmeticException notAnInteger) {
                return fallback;
            }
        }
    }

    /**
     * Reads a member name (the next byte is its opening quote) and returns the index of the one of
     * {@code keys} (ASCII) it is, or -1; without making a string of it when it needs no decoding.
     */
    int readKey(byte[][] keys) throws IOException {
        int start = pos + 1;
        if (fill()) {
            int i = start;
            while (i < limit) {
                byte b = buf[i];
                if (b == '"') {
                    pos = i + 1;
                    int length = i - start;
                    for (int k = 0; k < keys.length; k++) {
                        if (keys[k].length == length && Arrays.equals(buf, start, i, keys[k], 0, length)) {
                            return k;
                        }
                    }
                    return -1;
                }
                if (b == '\\' || b < 0) {
                    break;
                }
                i++;
            }
        }
        // escaped, non-ASCII, or across a refill: decode it
        String key = readString();
        for (int k = 0; k < keys.length; k++) {
            if (key.equals(new String(keys[k], StandardCharsets.US_ASCII))) {
                return k;
            }
        }
        return -1;
    }

    /** The keys, as {@link #readKey} wants them. */
    static byte[][] keys(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** Reads a string value (the next byte is its opening quote) and returns its text. */
    String readString() throws IOException {
        pos++; // the opening quote
        StringBuilder out = null;
        while (true) {
            if (!fill()) {
                throw truncated("the end of a string");
            }
            int start = pos;
            while (pos < limit) {
                int b = buf[pos];
                if (b == '"' || b == '\\' || b < 0) {
                    break;
                }
                pos++;
            }
            if (pos < limit && buf[pos] == '"' && out == null) {
                String s = new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
                pos++;
                return s;
            }
            if (out == null) {
                out = new StringBuilder(Math.max(16, pos - start + 16));
            }
            appendAscii(out, start, pos - start);
            if (pos == limit) {
                continue;
            }
            int b = buf[pos] & 0xff;
            if (b == '"') {
                pos++;
                return out.toString();
            }
            if (b == '\\') {
                pos++;
                escape(out);
            } else {
                utf8Char(out);
            }
        }
    }

    private void appendAscii(StringBuilder out, int start, int length) {
        for (int i = 0; i < length; i++) {
            out.append((char) buf[start + i]);
        }
    }

    /** Checks a string without keeping its text. */
    void skipString() throws IOException {
        pos++; // the opening quote
        while (true) {
            if (!fill()) {
                throw truncated("the end of a string");
            }
            while (pos < limit) {
                int b = buf[pos];
                if (b == '"') {
                    pos++;
                    return;
                }
                if (b == '\\') {
                    pos++;
                    escape(null);
                    break;
                }
                if (b < 0) {
                    captureNonAscii = true;
                    utf8Char(null);
                    break;
                }
                pos++;
            }
        }
    }

    private void escape(StringBuilder out) throws IOException {
        int c = next("an escape");
        switch (c) {
            case '"', '\\', '/' -> append(out, (char) c);
            case 'b' -> append(out, '\b');
            case 'f' -> append(out, '\f');
            case 'n' -> append(out, '\n');
            case 'r' -> append(out, '\r');
            case 't' -> append(out, '\t');
            case 'u' -> {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int h = next("four hex digits");
                    int d = Character.digit(h, 16);
                    if (d < 0) {
                        throw unexpected(h, "a hex digit");
                    }
                    v = v * 16 + d;
                }
                // a lone surrogate escape is kept as the char it names: a Java string can hold it
                append(out, (char) v);
            }
            default -> throw unexpected(c, "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    private static void append(StringBuilder out, char c) {
        if (out != null) {
            out.append(c);
        }
    }

    /** Reads one multi-byte UTF-8 sequence (its lead byte is next), checking it; appends its char(s). */
    private void utf8Char(StringBuilder out) throws IOException {
        long at = offset();
        int b0 = next("a character");
        int need;
        int min;
        int cp;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
            min = 0x80;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            min = 0x800;
            cp = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            min = 0x10000;
            cp = b0 & 0x07;
        } else {
            throw invalidUtf8(at, b0);
        }
        captureNonAscii = true;
        for (int i = 0; i < need; i++) {
            if (!fill()) {
                throw truncated("the rest of a UTF-8 character");
            }
            int b = buf[pos] & 0xff;
            if ((b & 0xC0) != 0x80) {
                throw invalidUtf8(at, b0);
            }
            pos++;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw invalidUtf8(at, b0);
        }
        if (out != null) {
            out.appendCodePoint(cp);
        }
    }

    // ---- errors -----------------------------------------------------------------------------

    MalformedPageException unexpected(int c, String expected) {
        String got = c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02X", c);
        return MalformedPageException.syntax("expected " + expected + " but found " + got, offset());
    }

    MalformedPageException truncated(String expected) {
        return MalformedPageException.syntax("the JSON ends early (expected " + expected + "): truncated", offset());
    }

    private MalformedPageException invalidUtf8(long at, int lead) {
        return MalformedPageException.syntax(String.format("invalid UTF-8 (byte 0x%02X)", lead), at);
    }
}
