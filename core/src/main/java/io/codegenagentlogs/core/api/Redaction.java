package io.codegenagentlogs.core.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Replaces a secret (of at least {@link #MIN_LENGTH} characters) with {@code ****} in what a server
 * sends back, however it is spelled there. Each character of the secret may appear as itself,
 * JSON-escaped ({@code \"}, {@code \\}, {@code \/}, or as a six-character unicode escape, as HTML-safe JSON writers send
 * {@code < > & = '}), or percent-encoded (any hex case, {@code +} for a space), and each escape
 * escaped once more, as it arrives when the agent's text itself holds an escaped token (a printed
 * config file); spellings may mix within one occurrence. Works on whole strings and on byte streams, where a secret split across
 * two reads is still found: the last few bytes are held back until the next read or the end.
 *
 * <p>Matching walks the secret one character at a time, keeping every position the text could have
 * reached so far (a character like {@code \} has spellings that are prefixes of each other), so a
 * hostile text cannot make it backtrack exponentially.
 */
final class Redaction {
    static final String MASK = "****";
    private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.US_ASCII);

    /**
     * Secrets shorter than this are not looked for: they would match ordinary text ("status" holds a
     * one-letter token) and break the JSON they were found in. No real API token is that short.
     */
    static final int MIN_LENGTH = 8;

    /** The secret's code points; their spellings are derived while matching, so a token costs no tables. */
    private final int[] secret;
    private final boolean[] firstByte = new boolean[256];
    /** The characters an occurrence can start with, so that most positions of a string are passed at once. */
    private final String firstChars;
    /** The longest the secret can be in bytes, every character in its longest spelling. */
    private final int longest;

    Redaction(String secret) {
        if (secret.length() < MIN_LENGTH) {
            this.secret = new int[0];
            this.firstChars = "";
            this.longest = 0;
            return;
        }
        this.secret = secret.codePoints().toArray();
        int max = 0;
        for (int cp : this.secret) {
            // a code point's longest spelling: its UTF-16 units each as a twice-escaped unicode escape (7 chars), or its UTF-8 bytes as %XX
            max += Math.max(7 * Character.charCount(cp), 3 * utf8Length(cp));
        }
        this.longest = max;
        int first = this.secret[0];
        this.firstChars = new String(Character.toChars(first)).charAt(0) + "\\%" + (first == ' ' ? "+" : "");
        firstByte[new String(Character.toChars(first)).getBytes(StandardCharsets.UTF_8)[0] & 0xff] = true;
        for (char c : "\\%+".toCharArray()) {
            firstByte[c] = c != '+' || first == ' ';
        }
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** Text as a sequence of units: a string's chars or a buffer's bytes; -1 past the end. */
    private interface Units {
        int at(int i);

        /** Whether the secret's code point {@code cp} stands as itself at {@code i}; its length there, or 0. */
        int raw(int i, int cp);
    }

    String redact(String text) {
        if (text == null || secret.length == 0) {
            return text;
        }
        Units units = new Units() {
            @Override
            public int at(int i) {
                return i < text.length() ? text.charAt(i) : -1;
            }

            @Override
            public int raw(int i, int cp) {
                int n = Character.charCount(cp);
                return i + n <= text.length() && text.codePointAt(i) == cp ? n : 0;
            }
        };
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            int end = firstChars.indexOf(text.charAt(i)) >= 0 ? match(units, i) : -1;
            if (end < 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append(MASK);
            copied = end;
            i = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Where an occurrence of the secret that starts at {@code at} ends (the longest one), or -1. Walks
     * the secret a code point at a time, keeping every position the text could have reached.
     */
    private int match(Units text, int at) {
        int[] reached = {at};
        int count = 1;
        for (int cp : secret) {
            int[] next = new int[count * SPELLINGS];
            int found = 0;
            for (int r = 0; r < count; r++) {
                found = spellings(text, reached[r], cp, next, found);
            }
            if (found == 0) {
                return -1;
            }
            reached = next;
            count = found;
        }
        int m = reached[0];
        for (int i = 1; i < count; i++) {
            m = Math.max(m, reached[i]);
        }
        return m;
    }

    /** The most spellings of one code point that can start at one position (see {@link #spellings}). */
    private static final int SPELLINGS = 5;

    /**
     * Adds to {@code ends} where each spelling of {@code cp} that starts at {@code p} ends: as itself;
     * JSON-escaped once or twice (a short escape, or a backslash-u escape per UTF-16 unit); its UTF-8
     * bytes percent-encoded; a space as {@code +}. Hex digits in either case.
     */
    private static int spellings(Units t, int p, int cp, int[] ends, int found) {
        int raw = t.raw(p, cp);
        if (raw > 0) {
            found = add(ends, found, p + raw);
        }
        if (cp == ' ' && t.at(p) == '+') {
            found = add(ends, found, p + 1);
        }
        if (t.at(p) == '%') {
            int q = cp < 0x80 ? percentByte(t, p, cp) : p;
            if (cp >= 0x80) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    q = percentByte(t, q, b & 0xff);
                    if (q < 0) {
                        break;
                    }
                }
            }
            if (q > 0) {
                found = add(ends, found, q);
            }
        }
        if (t.at(p) == '\\') {
            for (int level = 1; level <= 2; level++) {
                int end = escaped(t, p, cp, level);
                if (end > 0) {
                    found = add(ends, found, end);
                }
            }
        }
        return found;
    }

    /**
     * The end of {@code cp} JSON-escaped at {@code p}, once ({@code level} 1) or escaped again as text
     * (level 2: an agent printing a JSON file that holds the token), or -1.
     */
    private static int escaped(Units t, int p, int cp, int level) {
        // a backslash of the first level is written as two at the second
        int slashes = level;
        if (cp == '"' || cp == '\\' || cp == '/') {
            int q = backslashes(t, p, slashes);
            if (q > 0) {
                int end = cp == '/' ? (t.at(q) == '/' ? q + 1 : -1)
                        : cp == '"' ? (level == 1 ? (t.at(q) == '"' ? q + 1 : -1) : (t.at(q) == '\\' && t.at(q + 1) == '"' ? q + 2 : -1))
                        : (backslashes(t, q, slashes));
                if (end > 0) {
                    return end;
                }
            }
        }
        int q = p;
        for (char unit : Character.toChars(cp)) {
            q = backslashes(t, q, slashes);
            if (q < 0 || t.at(q) != 'u' || hexAt(t, q + 1, 4) != unit) {
                return -1;
            }
            q += 5;
        }
        return q;
    }

    /** The index after {@code %XX} spelling the byte {@code value} at {@code p}, or -1; tokens are ASCII, so no allocation for them. */
    private static int percentByte(Units t, int p, int value) {
        return t.at(p) == '%' && hexAt(t, p + 1, 2) == value ? p + 3 : -1;
    }

    /** The index after {@code n} backslashes at {@code p}, or -1. */
    private static int backslashes(Units t, int p, int n) {
        for (int i = 0; i < n; i++) {
            if (t.at(p + i) != '\\') {
                return -1;
            }
        }
        return p + n;
    }

    /** The value of {@code digits} hex digits (either case) at {@code p}, or -1. */
    private static int hexAt(Units t, int p, int digits) {
        int v = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(t.at(p + i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static int add(int[] ends, int found, int end) {
        for (int i = 0; i < found; i++) {
            if (ends[i] == end) {
                return found;
            }
        }
        ends[found] = end;
        return found + 1;
    }

    InputStream redact(InputStream in) {
        return secret.length == 0 ? in : new RedactingStream(in);
    }

    private int windowSize() {
        return Math.max(16 * 1024, 4 * longest);
    }

    /** The stream with every spelling of the secret masked; holds back at most the longest spelling less one byte. */
    private final class RedactingStream extends FilterInputStream {
        private final byte[] window = new byte[windowSize()];
        private int windowLength;
        private byte[] out = new byte[16 * 1024 + 64];
        private int outPos;
        private int outLength;
        private boolean eof;
        private final Units units = new Units() {
            @Override
            public int at(int i) {
                return i < windowLength ? window[i] & 0xff : -1;
            }

            @Override
            public int raw(int i, int cp) {
                if (cp < 0x80) {
                    return at(i) == cp ? 1 : 0;
                }
                byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                for (int k = 0; k < bytes.length; k++) {
                    if (at(i + k) != (bytes[k] & 0xff)) {
                        return 0;
                    }
                }
                return bytes.length;
            }
        };

        RedactingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (outPos == outLength) {
                if (eof && windowLength == 0) {
                    return -1;
                }
                refill();
            }
            int n = Math.min(len, outLength - outPos);
            System.arraycopy(out, outPos, b, off, n);
            outPos += n;
            return n;
        }

        private void refill() throws IOException {
            if (!eof) {
                int n = in.read(window, windowLength, window.length - windowLength);
                if (n < 0) {
                    eof = true;
                } else {
                    windowLength += n;
                }
            }
            // positions from which a whole occurrence may not have arrived yet stay for the next round
            int safe = eof ? windowLength : windowLength - (longest - 1);
            outPos = 0;
            outLength = 0;
            int i = 0;
            while (i < safe) {
                int end = firstByte[window[i] & 0xff] ? match(i) : -1;
                if (end > 0) {
                    ensureOut(MASK_BYTES.length);
                    System.arraycopy(MASK_BYTES, 0, out, outLength, MASK_BYTES.length);
                    outLength += MASK_BYTES.length;
                    i = end;
                } else {
                    ensureOut(1);
                    out[outLength++] = window[i++];
                }
            }
            int kept = windowLength - Math.min(i, windowLength);
            System.arraycopy(window, windowLength - kept, window, 0, kept);
            windowLength = kept;
        }

        /** Where the occurrence starting at {@code at} ends, or -1. */
        private int match(int at) {
            return Redaction.this.match(units, at);
        }

        private void ensureOut(int more) {
            if (outLength + more > out.length) {
                out = Arrays.copyOf(out, Math.max(outLength + more, out.length * 2));
            }
        }
    }
}
