package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.OneLine;

/**
 * Removes from agent text everything that could act instead of being read: terminal escape
 * sequences (which colour the console or move the cursor), C0 and C1 control characters, line
 * breaks (which forge extra lines), bidirectional overrides (which make text read differently from
 * what it contains), unpaired surrogates and the XML non-characters. What is left is printable text
 * that every renderer can then escape for its own format.
 */
public final class SafeText {
    private static final char ESC = '\u001b';
    private static final char CSI = '\u009b';
    private static final char OSC = '\u009d';
    private static final char BEL = '\u0007';

    private SafeText() {
    }

    /** One line: line breaks and tabs become spaces; everything else unsafe is dropped. Null gives "". */
    public static String line(String text) {
        return clean(text, false);
    }

    /**
     * Several lines: {@code \n} and tabs stay, CR and CRLF become {@code \n}, Unicode line and paragraph
     * separators become {@code \n}; everything else unsafe is dropped. Null gives "".
     */
    public static String lines(String text) {
        return clean(text, true);
    }

    /**
     * {@link #line} squeezed by {@code OneLine} into at most {@code maxChars} characters (plus an ellipsis).
     * Only a prefix of a huge text is cleaned: a 2 MB thought need not be scanned whole to show 500
     * characters of it.
     */
    public static String oneLine(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        int prefix = maxChars * 4 + 256;
        if (text.length() > prefix && Character.isHighSurrogate(text.charAt(prefix - 1))) {
            prefix--; // never half a character
        }
        String head = text.length() > prefix ? text.substring(0, prefix) : text;
        return OneLine.of(line(head), maxChars);
    }

    private static String clean(String text, boolean multiline) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ESC || c == CSI || c == OSC) {
                i = skipEscape(text, i) - 1;
            } else if (c == '\r') {
                sb.append(multiline ? '\n' : ' ');
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                sb.append(multiline ? '\n' : ' ');
            } else if (c == '\t') {
                sb.append(multiline ? '\t' : ' ');
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (!isUnsafe(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Characters that never belong in displayed text (line breaks are handled by the caller). */
    static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                || c == '\uFEFF' || OneLine.isBidiControl(c);
    }

    /**
     * The index just past an escape sequence starting at {@code start}: CSI (ESC [ or U+009B) up to
     * its final byte, OSC (ESC ] or U+009D) up to BEL or ESC \, otherwise ESC and one following char.
     */
    private static int skipEscape(String s, int start) {
        int n = s.length();
        char c = s.charAt(start);
        int i = start + 1;
        boolean csi = c == CSI;
        boolean osc = c == OSC;
        if (c == ESC && i < n) {
            char next = s.charAt(i);
            if (next == '[') {
                csi = true;
                i++;
            } else if (next == ']') {
                osc = true;
                i++;
            } else if (next >= 0x20 && next <= 0x7e) {
                return i + 1;
            }
        }
        if (csi) {
            // parameter and intermediate bytes 0x20-0x3F, then one final byte 0x40-0x7E
            while (i < n && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x3f) {
                i++;
            }
            return i < n && s.charAt(i) >= 0x40 && s.charAt(i) <= 0x7e ? i + 1 : i;
        }
        if (osc) {
            // a string terminated by BEL or ESC \ ; an unterminated one is cut at the next line break
            while (i < n) {
                char d = s.charAt(i);
                if (d == BEL) {
                    return i + 1;
                }
                if (d == ESC) {
                    return i + 1 < n && s.charAt(i + 1) == '\\' ? i + 2 : i;
                }
                if (d == '\n' || d == '\r') {
                    return i;
                }
                i++;
            }
            return i;
        }
        return i;
    }
}
