package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.report.ChangeExtractor;
import io.codegenagentlogs.core.report.SafeText;
import io.codegenagentlogs.core.report.SafeUrl;
import java.util.regex.Matcher;

/**
 * HTML for agent text that may name pull requests: the text is cleaned ({@link SafeText}) and escaped
 * ({@link XmlText}) as everywhere else, and each pull-request URL in it (only those: the strict
 * {@link ChangeExtractor#PR_URL} pattern, http(s) and URL-safe characters alone) becomes a link.
 */
final class HtmlText {
    static final String LINK_REL = "noopener noreferrer nofollow";

    private HtmlText() {
    }

    /** Several lines, with pull-request links; for an element styled {@code white-space: pre-wrap}. */
    static String linesWithLinks(String text) {
        return withLinks(SafeText.lines(text));
    }

    /** One line of at most {@code maxChars} characters, with pull-request links. */
    static String lineWithLinks(String text, int maxChars) {
        return withLinks(SafeText.oneLine(text, maxChars));
    }

    /** A link to an http(s) URL (checked by {@link SafeUrl}) showing {@code label}; the label alone when the URL is unsafe. */
    static String link(String url, String label) {
        String safe = SafeUrl.http(url);
        String text = XmlText.escape(SafeText.oneLine(label, 300));
        return safe == null ? text
                : "<a href=\"" + XmlText.url(safe) + "\" rel=\"" + LINK_REL + "\">" + text + "</a>";
    }

    private static String withLinks(String clean) {
        Matcher m = ChangeExtractor.PR_URL.matcher(clean);
        StringBuilder sb = new StringBuilder(clean.length() + 64);
        int last = 0;
        while (m.find()) {
            sb.append(XmlText.escape(clean.substring(last, m.start())));
            sb.append(link(m.group(), m.group()));
            last = m.end();
        }
        return sb.append(XmlText.escape(clean.substring(last))).toString();
    }
}
