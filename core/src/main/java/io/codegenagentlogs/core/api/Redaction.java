package io.codegenagentlogs.core.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

    /** Per character of the secret: its spellings in a Java string (raw first, then the ASCII escapes). */
    private final String[][] charSpellings;
    /** The same spellings as UTF-8 bytes, for streams. */
    private final byte[][][] byteSpellings;
    private final boolean[] firstByte = new boolean[256];
    /** The characters an occurrence can start with, so that most positions of a string are passed at once. */
    private final String firstChars;
    /** The longest the secret can be in bytes, every character in its longest spelling. */
    private final int longest;

    Redaction(String secret) {
        if (secret.length() < MIN_LENGTH) {
            this.charSpellings = new String[0][];
            this.byteSpellings = new byte[0][][];
            this.longest = 0;
            this.firstChars = "";
            return;
        }
        int[] codePoints = secret.codePoints().toArray();
        this.charSpellings = new String[codePoints.length][];
        this.byteSpellings = new byte[codePoints.length][][];
        int max = 0;
        for (int k = 0; k < codePoints.length; k++) {
            List<String> spellings = spellings(codePoints[k]);
            charSpellings[k] = spellings.toArray(new String[0]);
            byteSpellings[k] = new byte[spellings.size()][];
            int widest = 0;
            for (int s = 0; s < spellings.size(); s++) {
                byteSpellings[k][s] = spellings.get(s).getBytes(StandardCharsets.UTF_8);
                widest = Math.max(widest, byteSpellings[k][s].length);
            }
            max += widest;
        }
        StringBuilder starts = new StringBuilder();
        for (String first : charSpellings[0]) {
            starts.append(first.charAt(0));
        }
        this.firstChars = starts.toString();
        for (byte[] first : byteSpellings[0]) {
            firstByte[first[0] & 0xff] = true;
        }
        this.longest = max;
    }

    /** The ways one character can be written in a JSON body or a URL, the character itself first. */
    private static List<String> spellings(int codePoint) {
        List<String> all = new ArrayList<>();
        String raw = new String(Character.toChars(codePoint));
        all.add(raw);
        if (codePoint == '"' || codePoint == '\\' || codePoint == '/') {
            all.add("\\" + raw);
        }
        StringBuilder unicode = new StringBuilder();
        for (char unit : raw.toCharArray()) {
            unicode.append(String.format(Locale.ROOT, "\\u%04x", (int) unit));
        }
        all.add(unicode.toString());
        StringBuilder percent = new StringBuilder();
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            percent.append(String.format(Locale.ROOT, "%%%02x", b & 0xff));
        }
        all.add(percent.toString());
        if (codePoint == ' ') {
            all.add("+");
        }
        // an escape that is itself text (an agent printing a JSON file that holds the token) arrives escaped once more
        for (int i = 1, n = all.size(); i < n; i++) {
            String twice = all.get(i).replace("\\", "\\\\").replace("\"", "\\\"");
            if (!all.contains(twice)) {
                all.add(twice);
            }
        }
        return all;
    }

    String redact(String text) {
        if (text == null || charSpellings.length == 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            int end = firstChars.indexOf(text.charAt(i)) >= 0 ? match(text, i) : -1;
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

    /** Where an occurrence of the secret that starts at {@code at} ends (the longest one), or -1. */
    private int match(String text, int at) {
        int[] reached = {at};
        int count = 1;
        for (String[] spellings : charSpellings) {
            int[] next = new int[count * spellings.length];
            int found = 0;
            for (int r = 0; r < count; r++) {
                for (int s = 0; s < spellings.length; s++) {
                    String spelling = spellings[s];
                    int p = reached[r];
                    // raw spellings match exactly; escapes in any hex case
                    if (text.regionMatches(s > 0, p, spelling, 0, spelling.length())) {
                        found = addOnce(next, found, p + spelling.length());
                    }
                }
            }
            if (found == 0) {
                return -1;
            }
            reached = next;
            count = found;
        }
        return max(reached, count);
    }

    InputStream redact(InputStream in) {
        return charSpellings.length == 0 ? in : new RedactingStream(in);
    }

    private static int addOnce(int[] positions, int count, int position) {
        for (int i = 0; i < count; i++) {
            if (positions[i] == position) {
                return count;
            }
        }
        positions[count] = position;
        return count + 1;
    }

    private static int max(int[] positions, int count) {
        int m = positions[0];
        for (int i = 1; i < count; i++) {
            m = Math.max(m, positions[i]);
        }
        return m;
    }

    private static boolean bytesMatch(byte[] window, int at, int limit, byte[] spelling, boolean anyCase) {
        if (at + spelling.length > limit) {
            return false;
        }
        for (int i = 0; i < spelling.length; i++) {
            byte a = window[at + i];
            byte b = spelling[i];
            if (a != b && !(anyCase && asciiLower(a) == asciiLower(b))) {
                return false;
            }
        }
        return true;
    }

    private static byte asciiLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
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
            int[] reached = {at};
            int count = 1;
            for (byte[][] spellings : byteSpellings) {
                int[] next = new int[count * spellings.length];
                int found = 0;
                for (int r = 0; r < count; r++) {
                    for (int s = 0; s < spellings.length; s++) {
                        if (bytesMatch(window, reached[r], windowLength, spellings[s], s > 0)) {
                            found = addOnce(next, found, reached[r] + spellings[s].length);
                        }
                    }
                }
                if (found == 0) {
                    return -1;
                }
                reached = next;
                count = found;
            }
            return max(reached, count);
        }

        private void ensureOut(int more) {
            if (outLength + more > out.length) {
                out = Arrays.copyOf(out, Math.max(outLength + more, out.length * 2));
            }
        }
    }
}
