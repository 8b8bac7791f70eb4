package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.OneLine;
import java.util.Locale;

/**
 * The one test every agent-supplied URL passes before it becomes a link: an {@code http://} or
 * {@code https://} URL without whitespace, control characters or bidirectional controls, of
 * reasonable length (the same rule as {@code RunInfo.safeWebUrl()}).
 */
public final class SafeUrl {
    static final int MAX_CHARS = 2000;

    private SafeUrl() {
    }

    /** The trimmed URL when it may be a link, else null. */
    public static String http(String url) {
        if (url == null) {
            return null;
        }
        String t = url.trim();
        if (t.length() > MAX_CHARS) {
            return null;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || t.length() <= lower.indexOf("//") + 2) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || SafeText.isUnsafe(c) || OneLine.isBidiControl(c)) {
                return null;
            }
        }
        return t;
    }
}
