package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.report.SafeText;

/**
 * Escaping for GitHub-flavoured Markdown. Agent text must come out as the same characters it went
 * in as: never a link, an image, a heading, a table cell break, an HTML tag, emphasis, math, or a
 * notification to a GitHub user.
 */
final class MarkdownText {
    /** Always escaped: they start inline constructs anywhere in a line. */
    private static final String ALWAYS = "\\`*_{}[]()<>#!|~&$^\"";
    /** Escaped at the start of the text only, where they would start a list, a heading or a rule. */
    private static final String LEADING = "-+=.:";
    /**
     * Zero-width space: "@\u200Bname" reads as "@name" but does not mention anyone, "a\u200B@\u200Bb.org"
     * is no e-mail link, and
     * "https:/\u200B/host" or "www\u200B.host" read as themselves but are not links.
     */
    private static final char ZWSP = '\u200B';

    private MarkdownText() {
    }

    /** One line of inline text, at most {@code maxChars} characters before escaping; safe in a table cell. */
    static String inline(String text, int maxChars) {
        String line = SafeText.oneLine(text, maxChars);
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' && line.startsWith("//", i + 1)) {
                // GitHub links bare "https://..." text, escaped or not: "https:/\u200B/..." reads the same and links nothing
                sb.append(i == 0 ? "\\:" : ":").append('/').append(ZWSP).append('/');
                i += 2;
            } else if ((c == 'w' || c == 'W') && line.regionMatches(true, i, "www.", 0, 4)) {
                // the same for bare "www.example.com"
                sb.append(line, i, i + 3).append(ZWSP);
                i += 2;
            } else if (ALWAYS.indexOf(c) >= 0 || (i == 0 && LEADING.indexOf(c) >= 0) || (c == '.' && onlyDigitsBefore(line, i))) {
                sb.append('\\').append(c);
            } else if (c == '@') {
                // before: no e-mail autolink (its local part must touch the @); after: no mention
                sb.append(ZWSP).append('@').append(ZWSP);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** "1. text" at the start would become an ordered list. */
    private static boolean onlyDigitsBefore(String s, int i) {
        if (i == 0) {
            return false;
        }
        for (int j = 0; j < i; j++) {
            if (!Character.isDigit(s.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A fenced code block that the text cannot close: the fence is one backtick longer than the
     * longest run of backticks in the text (at least three). Lines stay; control characters go.
     */
    static String fenced(String text) {
        String body = SafeText.lines(text);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        StringBuilder sb = new StringBuilder(body.length() + 2 * fence.length() + 4);
        sb.append(fence).append("text\n").append(body);
        if (!body.endsWith("\n")) {
            sb.append('\n');
        }
        return sb.append(fence).append('\n').toString();
    }

    /**
     * A link destination: only http(s) URLs come here ({@code RunInfo.safeWebUrl()}); the characters
     * that could end the destination or the table cell are percent-encoded, and so is everything
     * outside printable ASCII (an invisible or bidi character in a URL would read as another URL).
     * {@code &} becomes {@code &amp;}: a destination decodes character references, so "&#x0A;" in a URL
     * would turn into a line break, while "&amp;" turns back into the "&" the URL had.
     */
    static String url(String safeUrl) {
        return SafeText.percentEncode(safeUrl, "()<>\"'`|\\[] ").replace("&", "&amp;");
    }
}
