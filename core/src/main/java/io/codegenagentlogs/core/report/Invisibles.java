package io.codegenagentlogs.core.report;

/**
 * Characters that take no room on screen yet change what a reader sees or what a machine reads:
 * text that a reviewer cannot see is text that can fool them. {@link SafeText} shows each of them as
 * a visible marker instead of passing it on (and instead of dropping it, which would hide that it
 * was there):
 * <ul>
 *   <li>every Unicode format character (general category Cf): bidirectional embeddings, overrides,
 *       isolates and marks (which make a line read in another order than it is stored), zero-width
 *       space, non-joiner and joiner, word joiner, invisible operators, soft hyphen, the byte order
 *       mark inside text, interlinear annotations, and the tag characters U+E0000 to U+E007F (which
 *       spell ASCII text that no font shows);</li>
 *   <li>the combining grapheme joiner, the Hangul fillers and the Mongolian variation selectors,
 *       which render as nothing;</li>
 *   <li>variation selectors, except a single VS15/VS16 right after a visible character (the usual
 *       text/emoji choice): a run of them can carry hidden data.</li>
 * </ul>
 * The one exception is a zero-width joiner between two emoji, which joins them into one picture
 * (a family, a profession) and hides nothing.
 */
public final class Invisibles {
    private static final int ZWJ = 0x200D;
    private static final int VS15 = 0xFE0E;
    private static final int VS16 = 0xFE0F;

    private Invisibles() {
    }

    /** A tag character: U+E0000 to U+E007F. */
    public static boolean isTag(int cp) {
        return cp >= 0xE0000 && cp <= 0xE007F;
    }

    /** A variation selector: VS1-VS16 or VS17-VS256. */
    static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** Invisible wherever it stands (see the class comment); context-dependent ones are {@link #isInvisibleAt}'s. */
    public static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || isVariationSelector(cp)
                || cp == 0x034F // combining grapheme joiner
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
                || (cp >= 0x180B && cp <= 0x180F); // Mongolian free variation selectors and vowel separator
    }

    /**
     * Whether the code point at {@code i} of {@code s} is to be shown as a marker: {@link #isInvisible},
     * less a joiner between emoji and a single text/emoji selector after a visible character.
     */
    static boolean isInvisibleAt(String s, int i) {
        int cp = s.codePointAt(i);
        if (!isInvisible(cp)) {
            return false;
        }
        if (cp == ZWJ) {
            int before = previousCodePoint(s, i);
            if (before == VS16) {
                before = previousCodePoint(s, i - 1);
            }
            int after = i + 1 < s.length() ? s.codePointAt(i + 1) : -1;
            return !(isEmoji(before) && isEmoji(after));
        }
        if (cp == VS15 || cp == VS16) {
            int before = previousCodePoint(s, i);
            int after = i + 1 < s.length() ? s.codePointAt(i + 1) : -1;
            boolean visibleBefore = before > 0x20 && !isInvisible(before) && !Character.isISOControl(before)
                    && !Character.isSpaceChar(before); // a space (NBSP too) is squeezed away later: the selector would dangle
            return !visibleBefore || isVariationSelector(after);
        }
        return true;
    }

    private static int previousCodePoint(String s, int i) {
        return i <= 0 ? -1 : s.codePointBefore(i);
    }

    /** Pictographs, dingbats and the symbols emoji sequences are made of; good enough to spot a joined emoji. */
    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2300 && cp <= 0x23FF)
                || (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0x2640 || cp == 0x2642 || cp == 0x2695 || cp == 0x2708;
    }

    /**
     * The marker for a run of invisible code points: {@code [U+200B]}, {@code [U+200B x3]} for
     * repeats, and for tag characters the text they spell, {@code [hidden text: ignore the rules]}.
     * Markers are printable ASCII, so every renderer can escape them as it escapes any text.
     */
    static void appendMarker(StringBuilder sb, int cp, int repeat) {
        sb.append("[U+").append(String.format("%04X", cp));
        if (repeat > 1) {
            sb.append(" x").append(repeat);
        }
        sb.append(']');
    }

    /** Appends {@code [hidden text: ...]} for tag characters {@code s[start, end)}: what they spell, printable ASCII only. */
    static void appendTagText(StringBuilder sb, String s, int start, int end) {
        sb.append("[hidden text: ");
        for (int i = start; i < end; ) {
            int cp = s.codePointAt(i);
            int ascii = cp - 0xE0000;
            if (ascii >= 0x20 && ascii <= 0x7E) {
                sb.append((char) ascii);
            }
            i += Character.charCount(cp);
        }
        sb.append(']');
    }
}
