package io.codegenagentlogs.core.report;

/**
 * Makes agent text fit to be displayed: what could act instead of being read goes, what could hide
 * text from a reviewer is shown. Every renderer of display text starts here, then escapes the result
 * for its own format. (summary.json and logs.ndjson are data and keep the text as sent.)
 * <ul>
 *   <li>Removed whole: terminal escape sequences (CSI, OSC, DCS, SOS, PM, APC, in their ESC and C1
 *       forms, and two-character ESC sequences). They colour, move the cursor, set titles, write the
 *       clipboard or make hyperlinks; the text between them stays.</li>
 *   <li>Line breaks (CR, LF, CRLF, NEL, U+2028, U+2029) and tabs: spaces on one line; on several
 *       lines they become {@code \n} and tabs stay.</li>
 *   <li>Replaced by U+FFFD: every other C0 and C1 control and DEL (NUL, BEL, backspace, vertical tab,
 *       form feed...), unpaired surrogates, and U+FFFE/U+FFFF. XML cannot carry them, a terminal
 *       acts on some, and the replacement character shows that something was there.</li>
 *   <li>Shown as a marker: the {@link Invisibles}, as {@code [U+202E]} (bidi override),
 *       {@code [U+200B x3]} (repeats), or {@code [hidden text: ...]} (tag characters, decoded).</li>
 * </ul>
 */
public final class SafeText {
    private static final char ESC = '\u001b';
    private static final char CSI = '\u009b';
    private static final char OSC = '\u009d';
    private static final char BEL = '\u0007';
    private static final char DCS = '\u0090';
    private static final char SOS = '\u0098';
    private static final char ST = '\u009c';
    private static final char PM = '\u009e';
    private static final char APC = '\u009f';

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
     * {@link #line} with runs of whitespace squeezed to one space, stripped, and cut to at most
     * {@code maxChars} characters (plus an ellipsis when cut), never inside a surrogate pair. Only a
     * prefix of a huge text is cleaned: a 2 MB thought need not be scanned whole to show 500
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
        boolean longer = text.length() > prefix;
        String clean = line(longer ? text.substring(0, prefix) : text);
        StringBuilder sb = new StringBuilder(Math.min(clean.length(), maxChars + 1));
        boolean cut = longer;
        boolean pendingSpace = false;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            int room = maxChars - sb.length() - (pendingSpace ? 1 : 0);
            if (Character.charCount(cp) > room) {
                cut = true;
                break;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.appendCodePoint(cp);
        }
        return cut ? sb.append('\u2026').toString() : sb.toString();
    }

    /**
     * {@code text} with every character outside printable ASCII, and every character of {@code also},
     * percent-encoded as UTF-8 (an unpaired surrogate as U+FFFD). For URLs already known to be http(s).
     */
    public static String percentEncode(String text, String also) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp > 0x20 && cp < 0x7f && also.indexOf(cp) < 0) {
                sb.append((char) cp);
                continue;
            }
            String one = Character.isSurrogate((char) cp) ? "\uFFFD" : new String(Character.toChars(cp));
            for (byte b : one.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static String clean(String text, boolean multiline) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        // where the last code point copied as is ended: the exceptions Invisibles allows (an emoji
        // selector, a joiner) lean on the character before them, which must still be there in the output
        int copiedUpTo = -1;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c == ESC || (c >= 0x80 && c <= 0x9f && isC1Introducer(c))) {
                i = skipEscape(text, i);
            } else if (c == '\r') {
                sb.append(multiline ? '\n' : ' ');
                i += i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                sb.append(multiline ? '\n' : ' ');
                i++;
            } else if (c == '\t') {
                sb.append(multiline ? '\t' : ' ');
                i++;
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\uFFFE' || c == '\uFFFF'
                    || (Character.isSurrogate(c) && !isPairAt(text, i))) {
                sb.append(REPLACEMENT);
                i++;
            } else if (Invisibles.isInvisibleAt(text, i) || (Invisibles.isInvisible(c) && copiedUpTo != i)) {
                i = appendInvisibles(sb, text, i);
            } else {
                int cp = text.codePointAt(i);
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
                copiedUpTo = i;
            }
        }
        return sb.toString();
    }

    private static final char REPLACEMENT = '\uFFFD';

    private static boolean isPairAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /**
     * Whether a character never belongs, as is, in displayed text or in a link: controls, surrogates
     * (taken alone), XML non-characters and {@link Invisibles}. For checks that look at one char at a time.
     */
    static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                || Invisibles.isInvisible(c);
    }

    /** C1 characters that start a sequence: CSI, OSC, DCS, SOS, PM, APC. */
    private static boolean isC1Introducer(char c) {
        return c == CSI || c == OSC || c == DCS || c == SOS || c == PM || c == APC;
    }

    /** Appends one marker for the run of invisibles at {@code start}; returns the index after it. */
    private static int appendInvisibles(StringBuilder sb, String s, int start) {
        int cp = s.codePointAt(start);
        int i = start + Character.charCount(cp);
        if (Invisibles.isTag(cp)) {
            while (i < s.length() && Invisibles.isTag(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            Invisibles.appendTagText(sb, s, start, i);
            return i;
        }
        int repeat = 1;
        while (i < s.length() && s.codePointAt(i) == cp && Invisibles.isInvisibleAt(s, i)) {
            i += Character.charCount(cp);
            repeat++;
        }
        Invisibles.appendMarker(sb, cp, repeat);
        return i;
    }

    /**
     * The index just past an escape sequence starting at {@code start}: CSI (ESC [ or U+009B) up to its
     * final byte; OSC, DCS, SOS, PM and APC (ESC ] P X ^ _ or U+009D U+0090 U+0098 U+009E U+009F) up to
     * BEL, ESC \ or U+009C (an unterminated one ends at the next line break); any other ESC with the
     * one character after it.
     */
    private static int skipEscape(String s, int start) {
        int n = s.length();
        char c = s.charAt(start);
        int i = start + 1;
        boolean csi = c == CSI;
        boolean string = c != ESC && c != CSI;
        if (c == ESC && i < n) {
            char next = s.charAt(i);
            if (next == '[') {
                csi = true;
                i++;
            } else if (next == ']' || next == 'P' || next == 'X' || next == '^' || next == '_') {
                string = true;
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
        if (string) {
            while (i < n) {
                char d = s.charAt(i);
                if (d == BEL || d == ST) {
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
