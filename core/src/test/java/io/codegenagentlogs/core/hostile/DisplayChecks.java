package io.codegenagentlogs.core.hostile;

import static org.junit.Assert.fail;

/**
 * Checks on text meant for people, written apart from the code under test: no control character, no
 * escape sequence, nothing invisible that could hide text (format characters such as bidi controls,
 * zero-width characters and tag characters; variation selectors in runs), no unpaired surrogate, no
 * XML non-character.
 */
public final class DisplayChecks {
    private DisplayChecks() {
    }

    /** What a renderer may keep of a few characters: line breaks and tabs in multi-line output, our own ZWSPs in Markdown. */
    public enum Allow {
        ONE_LINE, LINES, MARKDOWN
    }

    public static void assertDisplaySafe(String out, Allow allow, String where) {
        for (int i = 0; i < out.length(); ) {
            int cp = out.codePointAt(i);
            String problem = problem(out, i, cp, allow);
            if (problem != null) {
                fail(where + ": " + problem + " U+" + String.format("%04X", cp) + " at " + i + " in ..."
                        + visible(out.substring(Math.max(0, i - 40), Math.min(out.length(), i + 40))) + "...");
            }
            i += Character.charCount(cp);
        }
    }

    private static String problem(String s, int i, int cp, Allow allow) {
        if (cp == '\n' || cp == '\t') {
            return allow == Allow.ONE_LINE ? "line break or tab" : null;
        }
        if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
            return "control character";
        }
        if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
            return "unpaired surrogate";
        }
        if (cp == 0xFFFE || cp == 0xFFFF) {
            return "XML non-character";
        }
        if (cp == 0x2028 || cp == 0x2029) {
            return "line separator";
        }
        boolean variationSelector = (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x180B && cp <= 0x180F);
        if (variationSelector) {
            boolean emojiChoice = (cp == 0xFE0E || cp == 0xFE0F) && i > 0 && !Character.isWhitespace(s.codePointBefore(i))
                    && !(i + 1 < s.length() && s.codePointAt(i + 1) >= 0xFE00 && s.codePointAt(i + 1) <= 0xFE0F);
            return emojiChoice ? null : "variation selector";
        }
        if (cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0) {
            return "invisible filler";
        }
        if (Character.getType(cp) == Character.FORMAT) {
            if (cp == 0x200D && i > 0 && i + 1 < s.length() && s.codePointBefore(i) > 0x2000 && s.codePointAt(i + 1) > 0x2000) {
                return null; // a joiner inside an emoji sequence
            }
            if (cp == 0x200B && allow == Allow.MARKDOWN && ((i > 0 && "@/wW".indexOf(s.charAt(i - 1)) >= 0)
                    || (i + 1 < s.length() && s.charAt(i + 1) == '@'))) {
                return null; // MarkdownText's own: \u200B@\u200Bname, https:/\u200B/, www\u200B.
            }
            return "invisible format character";
        }
        return null;
    }

    /** The text with controls and invisibles shown as code points, for failure messages. */
    public static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || Character.getType(cp) == Character.FORMAT || Character.isSurrogate((char) cp)) {
                sb.append(String.format("\\u{%X}", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Runs of whitespace as one space, stripped: renderers may lay text out differently. */
    public static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
