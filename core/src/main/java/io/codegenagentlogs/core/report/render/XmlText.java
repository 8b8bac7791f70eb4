package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.report.SafeText;

/**
 * Escaping for XML 1.0 and for HTML written so that an XML parser accepts it. Characters XML 1.0
 * forbids (most controls, unpaired surrogates, U+FFFE/U+FFFF) are dropped before escaping, and
 * {@code >} is always escaped, so that {@code ]]>} or {@code </testcase>} in agent text stays text.
 */
final class XmlText {
    private XmlText() {
    }

    /** Text content on one line, at most {@code maxChars} characters before escaping. */
    static String line(String text, int maxChars) {
        return escape(SafeText.oneLine(text, maxChars));
    }

    /** Text content keeping line breaks (for {@code <pre>} and failure bodies). */
    static String lines(String text) {
        return escape(SafeText.lines(text));
    }

    /**
     * An attribute value for a link that is already known to be http(s): everything outside printable
     * ASCII percent-encoded (an invisible or bidi character would make it read as another URL), then escaped.
     */
    static String url(String safeUrl) {
        return escape(SafeText.percentEncode(safeUrl, " "));
    }

    /** Escapes {@code & < > " '}; the input must already be free of forbidden characters. */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
