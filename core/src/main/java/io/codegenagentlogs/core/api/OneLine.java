package io.codegenagentlogs.core.api;

/** Squeezes text into one bounded, printable line: control characters and line breaks become spaces. */
public final class OneLine {
    private OneLine() {
    }

    public static String of(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars + 1));
        boolean lastSpace = false;
        for (int i = 0; i < text.length() && sb.length() < maxChars; i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c) || isBidiControl(c);
            if (space) {
                if (!lastSpace && sb.length() > 0) {
                    sb.append(' ');
                }
            } else {
                sb.append(c);
            }
            lastSpace = space;
        }
        String s = sb.toString().strip();
        return s.length() < text.strip().length() && s.length() >= maxChars ? s + "…" : s;
    }

    /** Bidirectional embeddings, overrides, isolates and marks: they make a line read differently from what it contains. */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
