package io.codegenagentlogs.core.report;

import java.util.regex.Pattern;

/**
 * Masks what varies between two occurrences of the same failure, so that they group together:
 * URLs become {@code <url>}, file paths {@code <path>}, long hexadecimal ids and UUIDs {@code <id>},
 * numbers {@code <n>}. "Command failed with exit code 1 (tests/a.test.ts:12:62)" and "Command failed
 * with exit code 2 (src/b.ts:3:1)" both read "Command failed with exit code <n> (<path>)".
 */
final class MessagePattern {
    static final int MAX_CHARS = 200;
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    /** Hexadecimal runs of 7 or more with at least one digit: commit ids, hashes, request ids. */
    private static final Pattern HEX_ID = Pattern.compile("\\b(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{7,}\\b");
    /**
     * Something with a slash or backslash between name characters, or a name with a file extension; with
     * an optional :line:col. Each alternative starts only where a name starts (the look-behinds), and the
     * leading run is possessive, so a long run of name characters is scanned once, not once per position.
     */
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w.~@+-])(?:[A-Za-z]:)?[\\w.~@+-]*+(?:[/\\\\][\\w.~@+\\[\\]-]++)++(?::\\d+)*+"
                    + "|(?<![\\w.-])[\\w-]+(?:\\.[\\w-]+)+(?::\\d+)++"
                    + "|(?<![\\w.-])[\\w-]+(?:\\.[\\w-]+)*\\.(?:java|kt|ts|tsx|js|jsx|py|rb|go|rs|c|h|cpp|cs|php|json|ya?ml"
                    + "|toml|md|xml|html|css|sh|txt)\\b");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\b\\d+(?:[.,]\\d+)*\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MessagePattern() {
    }

    /** The masked form of a one-line message, at most {@link #MAX_CHARS} characters. */
    static String of(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String s = message.length() > 4 * MAX_CHARS ? message.substring(0, 4 * MAX_CHARS) : message;
        s = URL.matcher(s).replaceAll("<url>");
        s = UUID.matcher(s).replaceAll("<id>");
        s = PATH.matcher(s).replaceAll("<path>");
        s = HEX_ID.matcher(s).replaceAll("<id>");
        s = NUMBER.matcher(s).replaceAll("<n>");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.length() > MAX_CHARS ? SummaryAccumulator.cut(s, MAX_CHARS) + "…" : s;
    }
}
