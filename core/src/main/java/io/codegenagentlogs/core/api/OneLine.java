package io.codegenagentlogs.core.api;

/**
 * Squeezes text into one bounded, printable line: control characters and line breaks become spaces,
 * and a cut never splits a surrogate pair.
 */
public final class OneLine {
    private OneLine() {
    }

    public static String of(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars + 1));
        boolean lastSpace = false;
        boolean cutPair = false;
        for (int i = 0; i < text.length() && sb.length() < maxChars; i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c) || isBidiControl(c);
            if (space) {
                if (!lastSpace && sb.length() > 0) {
                    sb.append(' ');
                }
            } else if (Character.isHighSurrogate(c) && sb.length() == maxChars - 1) {
                // half a character would be cut off: a lone surrogate is not valid text anywhere (strict JSON, XML)
                cutPair = true;
                break;
            } else {
                sb.append(c);
            }
            lastSpace = space;
        }
        String s = sb.toString().strip();
        return s.length() < text.strip().length() && (s.length() >= maxChars || cutPair) ? s + "…" : s;
    }

    /** Bidirectional embeddings, overrides, isolates and marks: they make a line read differently from what it contains. */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
