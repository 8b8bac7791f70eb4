package io.codegenagentlogs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The two files a GitHub Actions step writes to talk to its workflow: {@code $GITHUB_OUTPUT} (step
 * outputs) and {@code $GITHUB_STEP_SUMMARY} (the Markdown shown on the run's page). Both are
 * appended to, as other commands of the same step may have written to them already.
 */
final class StepFiles {
    /** GitHub refuses a step summary larger than 1 MiB (and then shows none of it). */
    static final int MAX_SUMMARY_BYTES = 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StepFiles() {
    }

    /**
     * Appends {@code name=value} lines; a value with a line break goes between a random delimiter
     * ({@code name<<DELIM ... DELIM}) that it does not contain, so no value can end early or set
     * another output.
     */
    static void appendOutputs(Path file, Map<String, String> outputs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                sb.append(e.getKey()).append('=').append(value).append('\n');
            } else {
                String delimiter;
                do {
                    delimiter = "ghadelimiter_" + HexFormat.of().formatHex(randomBytes());
                } while (value.contains(delimiter));
                sb.append(e.getKey()).append("<<").append(delimiter).append('\n')
                        .append(value.replace("\r\n", "\n").replace('\r', '\n')).append('\n')
                        .append(delimiter).append('\n');
            }
        }
        append(file, sb.toString());
    }

    /**
     * Appends a Markdown summary, keeping the file within {@link #MAX_SUMMARY_BYTES}: when it does
     * not fit, it is cut at a line break (a code block left open is closed) and {@code note} ends it.
     *
     * @return whether it had to be cut
     */
    static boolean appendSummary(Path file, String markdown, String note) throws IOException {
        long existing = Files.exists(file) ? Files.size(file) : 0;
        return appendSummary(file, markdown, note, MAX_SUMMARY_BYTES - existing);
    }

    /** With an explicit budget in bytes, for tests. */
    static boolean appendSummary(Path file, String markdown, String note, long budget) throws IOException {
        byte[] whole = markdown.getBytes(StandardCharsets.UTF_8);
        if (whole.length <= budget) {
            append(file, markdown);
            return false;
        }
        String ending = "\n> " + note + "\n";
        // room for the note and for closing a code block: a fence is longer than any backtick run inside it
        long room = budget - ending.getBytes(StandardCharsets.UTF_8).length - longestBacktickRun(markdown) - 4;
        if (room < 0) {
            // not even the note fits: leave the file as it is rather than push it past the limit
            return true;
        }
        String cut = prefixWithin(markdown, room);
        int lastBreak = cut.lastIndexOf('\n');
        cut = lastBreak < 0 ? "" : cut.substring(0, lastBreak + 1);
        String fence = openFence(cut);
        append(file, cut + (fence == null ? "" : fence + "\n") + ending);
        return true;
    }

    /** The longest prefix of {@code s} whose UTF-8 encoding fits in {@code bytes}, never half a character. */
    static String prefixWithin(String s, long bytes) {
        long used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + size > bytes) {
                break;
            }
            used += size;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** The fence of a code block still open at the end of {@code markdown} (CommonMark's backtick fences), or null. */
    static String openFence(String markdown) {
        String open = null;
        for (String line : markdown.split("\n")) {
            String t = line.strip();
            int n = 0;
            while (n < t.length() && t.charAt(n) == '`') {
                n++;
            }
            if (open == null && n >= 3) {
                open = t.substring(0, n);
            } else if (open != null && n >= open.length() && n == t.length()) {
                open = null;
            }
        }
        return open;
    }

    private static int longestBacktickRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static void append(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
