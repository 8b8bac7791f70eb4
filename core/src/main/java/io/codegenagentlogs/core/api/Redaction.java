package io.codegenagentlogs.core.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces a secret (of at least {@link #MIN_LENGTH} characters) with {@code ****} in what a server sends back, wherever the secret could hide:
 * as is, JSON-escaped ({@code \"}, {@code \\}, with or without {@code \/}) and URL-encoded (upper-
 * or lower-case hex). Works on whole strings and on byte streams, where a secret split across two
 * reads is still found: the last few bytes are held back until the next read or the end.
 */
final class Redaction {
    static final String MASK = "****";
    private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.US_ASCII);

    private final List<String> forms;
    private final byte[][] patterns;
    private final boolean[] firstByte = new boolean[256];
    private final int longest;

    /**
     * Secrets shorter than this are not looked for: they would match ordinary text ("status" holds a
     * one-letter token) and break the JSON they were found in. No real API token is that short.
     */
    static final int MIN_LENGTH = 8;

    Redaction(String secret) {
        if (secret.length() < MIN_LENGTH) {
            this.forms = List.of();
            this.patterns = new byte[0][];
            this.longest = 0;
            return;
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(secret);
        all.add(jsonEscaped(secret, false));
        all.add(jsonEscaped(secret, true));
        all.add(urlEncoded(secret, true));
        all.add(urlEncoded(secret, false));
        // longest first: a form that contains another is replaced whole
        List<String> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> b.length() - a.length());
        this.forms = List.copyOf(sorted);
        this.patterns = new byte[forms.size()][];
        int max = 0;
        for (int i = 0; i < forms.size(); i++) {
            patterns[i] = forms.get(i).getBytes(StandardCharsets.US_ASCII);
            firstByte[patterns[i][0] & 0xff] = true;
            max = Math.max(max, patterns[i].length);
        }
        this.longest = max;
    }

    private int windowSize() {
        return Math.max(16 * 1024, 4 * longest);
    }

    /** Every form of the secret this redaction looks for, longest first (tests check them). */
    List<String> forms() {
        return forms;
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String form : forms) {
            if (out.contains(form)) {
                out = out.replace(form, MASK);
            }
        }
        return out;
    }

    InputStream redact(InputStream in) {
        return patterns.length == 0 ? in : new RedactingStream(in);
    }

    private static String jsonEscaped(String s, boolean escapeSlash) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || (c == '/' && escapeSlash)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String urlEncoded(String s, boolean upper) {
        StringBuilder sb = new StringBuilder(s.length() * 3);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                String hex = String.format("%%%02X", b & 0xff);
                sb.append(upper ? hex : hex.toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    /** The stream with every form of the secret masked; holds back at most the longest form less one byte. */
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
            // positions from which a whole pattern may not have arrived yet stay for the next round
            int safe = eof ? windowLength : windowLength - (longest - 1);
            outPos = 0;
            outLength = 0;
            int i = 0;
            while (i < safe) {
                int matched = firstByte[window[i] & 0xff] ? match(i) : 0;
                if (matched > 0) {
                    ensureOut(MASK_BYTES.length);
                    System.arraycopy(MASK_BYTES, 0, out, outLength, MASK_BYTES.length);
                    outLength += MASK_BYTES.length;
                    i += matched;
                } else {
                    ensureOut(1);
                    out[outLength++] = window[i++];
                }
            }
            int kept = windowLength - Math.min(i, windowLength);
            System.arraycopy(window, windowLength - kept, window, 0, kept);
            windowLength = kept;
        }

        /** The length of the form starting at {@code at}, or 0. */
        private int match(int at) {
            for (byte[] p : patterns) {
                if (at + p.length <= windowLength && Arrays.equals(window, at, at + p.length, p, 0, p.length)) {
                    return p.length;
                }
            }
            return 0;
        }

        private void ensureOut(int more) {
            if (outLength + more > out.length) {
                out = Arrays.copyOf(out, Math.max(outLength + more, out.length * 2));
            }
        }
    }
}
