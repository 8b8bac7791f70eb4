package io.codegenagentlogs.core.console;

import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.report.HumanFormat;
import io.codegenagentlogs.core.report.HumanText;
import io.codegenagentlogs.core.report.SafeText;
import io.codegenagentlogs.core.watch.Anomaly;
import java.time.Duration;
import java.time.Instant;

/**
 * The console lines shared by the CLI and the Jenkins console. Every line is one line of plain
 * printable text: agent text loses its control characters, escape sequences, line breaks and
 * bidirectional overrides, so it cannot forge a line, colour the terminal or hide what it says. No
 * line starts with {@code ::} (a GitHub Actions workflow command): entry lines start with {@code #},
 * the others with our own words.
 */
public final class ConsoleFormat {
    /** The longest line {@link #entryLine} makes. */
    public static final int MAX_LINE = 240;
    /** "#" and the index: six digits fit; a longer index pushes the line right. */
    private static final int INDEX_WIDTH = 7;
    private static final int TIME_WIDTH = 8;
    /** Fits the longest documented type, USER_GITHUB_ISSUE_COMMENT; longer types are cut to fit. */
    static final int TYPE_WIDTH = 25;
    /** Fits the usual tool names; longer ones are cut to fit. */
    static final int TOOL_WIDTH = 18;
    private static final String GAP = "  ";

    private ConsoleFormat() {
    }

    /**
     * {@code #12     10:30:15  ACTION                     ripgrep_search      I need to search for...}:
     * index, time (HH:mm:ss UTC; unreadable text as sent, cut to fit), type, tool (blank when none),
     * then what the entry says as people read it ({@link HumanText#headline}: an error's message, not
     * its JSON). Every column has a fixed width, so the messages line up whatever the type or tool.
     */
    public static String entryLine(long index, LogEntry e) {
        StringBuilder sb = new StringBuilder(MAX_LINE + 8);
        sb.append('#').append(index);
        pad(sb, INDEX_WIDTH).append(' ');
        column(sb, time(e), TIME_WIDTH).append(GAP);
        column(sb, clean(e.normalizedType(), 200), TYPE_WIDTH).append(GAP);
        column(sb, clean(e.toolName(), 200), TOOL_WIDTH).append(GAP);
        int room = MAX_LINE - sb.length() - 1; // the ellipsis a cut line ends with
        if (room > 0) {
            sb.append(clean(HumanText.headline(e), room));
        }
        String line = sb.toString().stripTrailing();
        if (line.length() <= MAX_LINE) {
            return line;
        }
        // never half a character
        return line.substring(0, Character.isHighSurrogate(line.charAt(MAX_LINE - 1)) ? MAX_LINE - 1 : MAX_LINE);
    }

    /** The text in exactly {@code width} characters: padded, or cut with an ellipsis. */
    private static StringBuilder column(StringBuilder sb, String text, int width) {
        int start = sb.length();
        if (text.length() > width) {
            sb.append(text, 0, Character.isHighSurrogate(text.charAt(width - 2)) ? width - 2 : width - 1).append('…');
        } else {
            sb.append(text);
        }
        return pad(sb, start + width);
    }

    /** {@code … status RUNNING, 40 of 57 logs fetched, next poll in 10s} */
    public static String waitingLine(RunInfo run, long fetched, long total, Duration nextPoll) {
        String status = run == null ? "UNKNOWN" : clean(run.status().normalized(), 40);
        return "… status " + status + ", " + (total >= 0 ? fetched + " of " + total : Long.toString(fetched))
                + " logs fetched, next poll in " + HumanFormat.duration(nextPoll);
    }

    /** {@code … API unavailable for 40s (HTTP 503); retrying in 8s (attempt 5)} */
    public static String retryLine(String reason, int attempt, Duration delay) {
        return "… " + clean(reason, 200) + "; retrying in " + HumanFormat.duration(delay) + " (attempt " + attempt + ")";
    }

    /** {@code ! anomaly TOTAL_SHRANK at entry 40: total_logs went from 57 to 50} */
    public static String anomalyLine(Anomaly a) {
        return "! anomaly " + a.kind() + " at entry " + a.skip() + ": " + clean(a.message(), 200);
    }

    /** {@code Verdict: FAILED: 3 failing entries (3 ERROR), 0 tolerated; the run ended with status ERROR} */
    public static String verdictLine(GateDecision d) {
        return "Verdict: " + d.verdict() + ": " + clean(String.join("; ", d.reasons()), 1000);
    }

    /** {@code Codegen agent run 12345 (org 67890): status RUNNING, https://app.codegen.com/agent/trace/12345} */
    public static String runLine(RunInfo run) {
        String url = run.safeWebUrl();
        String status = clean(run.status().normalized(), 40);
        return "Codegen agent run " + run.id() + " (org " + run.organizationId() + "): status " + status
                + (url == null ? "" : ", " + clean(url, 300));
    }

    /** HH:mm:ss in UTC; the sent text (cleaned, short) when unreadable; {@code --:--:--} when absent. */
    private static String time(LogEntry e) {
        Instant at = e.createdAt();
        if (at != null) {
            return HumanFormat.time(at);
        }
        String raw = clean(e.createdAtText(), 40);
        return raw.isEmpty() ? "--:--:--" : raw;
    }

    /** Safe for a terminal and one line long: escape sequences dropped, whitespace squeezed. */
    static String clean(String text, int maxChars) {
        return SafeText.oneLine(text, maxChars);
    }

    private static StringBuilder pad(StringBuilder sb, int width) {
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb;
    }
}
