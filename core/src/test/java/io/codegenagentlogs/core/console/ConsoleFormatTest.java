package io.codegenagentlogs.core.console;

import static io.codegenagentlogs.core.report.Fixtures.ALL;
import static io.codegenagentlogs.core.report.Fixtures.entry;
import static io.codegenagentlogs.core.report.Fixtures.json;
import static io.codegenagentlogs.core.report.Fixtures.str;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.watch.Anomaly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ConsoleFormatTest {

    /** One printable line: no C0/C1 control, no DEL, no bidi control, no line separator, no ESC. */
    static void assertSafeLine(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean bad = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C'
                    || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(line.charAt(i - 1)));
            if (bad) {
                fail("U+" + String.format("%04X", (int) c) + " at " + i + " in: " + line);
            }
        }
        assertFalse(line, line.startsWith("::"));
        assertFalse("no leftover CSI: " + line, line.contains("[31m"));
    }

    private static List<LogEntry> hostileEntries() {
        List<LogEntry> list = new ArrayList<>();
        String[] pieces = {Fixtures.SCRIPT, Fixtures.IMG, Fixtures.ANSI, Fixtures.CRLF, Fixtures.GH_COMMAND,
            Fixtures.BIDI, Fixtures.CONTROLS, ALL, Fixtures.big(2_000_000), "\n::error::forged", "\r::warning::x"};
        for (String p : pieces) {
            list.add(entry(p, p, p, str(p), null, p));
            list.add(entry("ACTION", null, null, str(p), json("{\"x\":1}"), "2024-01-15T10:30:15Z"));
            list.add(entry(null, "\u001b[2J" + p, "  \n\t " + p, null, null, null));
        }
        return list;
    }

    @Test
    public void entryLinesAreAlwaysOneSafeLineStartingWithHash() {
        long index = 0;
        for (LogEntry e : hostileEntries()) {
            String line = ConsoleFormat.entryLine(index, e);
            assertSafeLine(line);
            assertTrue(line, line.startsWith("#" + index + " "));
            assertTrue(line.length() + " chars", line.length() <= ConsoleFormat.MAX_LINE);
            index += 7919;
        }
        String huge = ConsoleFormat.entryLine(Long.MAX_VALUE, entry("X".repeat(500), "t".repeat(500), "h".repeat(500), null));
        assertTrue(huge.startsWith("#" + Long.MAX_VALUE));
        assertTrue(huge.length() <= ConsoleFormat.MAX_LINE);
    }

    @Test
    public void entryLineLooksLikeTheExample() {
        LogEntry e = entry("ACTION", "ripgrep_search", "I need to search for the user's function", json("{\"status\":\"success\"}"));
        assertEquals("#12     10:30:15  ACTION                     ripgrep_search      I need to search for the user's function",
                ConsoleFormat.entryLine(12, e));
        LogEntry noTool = entry("plan_evaluation", null, "thinking\n  hard", null, null, "2025-06-21 11:20:04.338398");
        assertEquals("#3      11:20:04  PLAN_EVALUATION                                thinking hard", ConsoleFormat.entryLine(3, noTool));
        LogEntry oddTime = entry("ERROR", null, null, str("boom"), null, " yesterday ");
        assertEquals("#100    yesterd…  ERROR                                          boom", ConsoleFormat.entryLine(100, oddTime));
        LogEntry noTime = entry("ERROR", null, null, null, null, null);
        assertEquals("#0      --:--:--  ERROR", ConsoleFormat.entryLine(0, noTime));
    }

    @Test
    public void longTypesAndToolsKeepTheColumnsAligned() {
        List<String> lines = new ArrayList<>();
        for (String type : List.of("ACTION", "USER_GITHUB_ISSUE_COMMENT", "INITIAL_PR_GENERATION", "TOOL_APPROVAL_REQUEST",
                "PR_CREATION_FAILED", "A_TYPE_NOBODY_DOCUMENTED_YET_AND_LONG")) {
            lines.add(ConsoleFormat.entryLine(7, entry(type, null, "message", null)));
            lines.add(ConsoleFormat.entryLine(12345, entry(type, "a_tool_with_a_very_long_name", "message", null)));
        }
        for (String line : lines) {
            assertEquals(line, 65, line.indexOf("message"));
        }
        assertTrue(lines.get(lines.size() - 1), lines.get(lines.size() - 1).contains("A_TYPE_NOBODY_DOCUMENTED…  a_tool_with_a_ver…  message"));
    }

    @Test
    public void messagesAreHumanTextNotJson() {
        LogEntry error = entry("ERROR", "run_command", null, json("{\"error\":\"Command failed with exit code 1\","
                + "\"stderr\":\"" + "x".repeat(400) + "\"}"));
        String line = ConsoleFormat.entryLine(7, error);
        assertTrue(line, line.endsWith("run_command         Command failed with exit code 1"));
        LogEntry link = entry("AGENT_RUN_LINK", null, null, json("{\"agent_run_id\":12346,\"relation\":\"pr_review\"}"));
        assertTrue(ConsoleFormat.entryLine(34, link).endsWith("agent_run_id: 12346; relation: pr_review"));
        LogEntry comment = entry("USER_GITHUB_ISSUE_COMMENT", null, null, json("{\"issue_number\":482,\"author\":\"maria-k\","
                + "\"body\":\"Thanks! Will review #483 today.\"}"));
        assertTrue(ConsoleFormat.entryLine(55, comment).endsWith("USER_GITHUB_ISSUE_COMMENT                      Thanks! Will review #483 today."));
    }

    @Test
    public void otherLinesAreSafeToo() {
        RunInfo hostileRun = new RunInfo(1, 2, "\u001b[31m::error::" + ALL, null, Fixtures.JS_URL, ALL);
        List<String> lines = List.of(
                ConsoleFormat.runLine(hostileRun),
                ConsoleFormat.waitingLine(hostileRun, 40, 57, Duration.ofSeconds(10)),
                ConsoleFormat.waitingLine(null, 40, -1, Duration.ofMillis(250)),
                ConsoleFormat.retryLine("\n::error::" + ALL, 2, Duration.ofSeconds(4)),
                ConsoleFormat.anomalyLine(new Anomaly(Anomaly.Kind.TOTAL_SHRANK, 40, ALL)),
                ConsoleFormat.verdictLine(new GateDecision(Verdict.FAILED, List.of(ALL, "\r\n::error::x"), 1)));
        for (String line : lines) {
            assertSafeLine(line);
        }
        assertFalse("no javascript: url", lines.get(0).contains("javascript"));
    }

    @Test
    public void otherLinesReadWell() {
        RunInfo run = Fixtures.run("running");
        assertEquals("Codegen agent run 12345 (org 67890): status RUNNING, https://app.codegen.com/agent/trace/12345",
                ConsoleFormat.runLine(run));
        assertEquals("… status RUNNING, 40 of 57 logs fetched, next poll in 10s",
                ConsoleFormat.waitingLine(run, 40, 57, Duration.ofSeconds(10)));
        assertEquals("… status UNKNOWN, 40 logs fetched, next poll in 1m 30s",
                ConsoleFormat.waitingLine(null, 40, -1, Duration.ofSeconds(90)));
        assertEquals("… API unavailable for 40s (HTTP 503); retrying in 4s (attempt 2)",
                ConsoleFormat.retryLine("API unavailable for 40s (HTTP 503)", 2, Duration.ofSeconds(4)));
        assertEquals("! anomaly EMPTY_PAGE at entry 3: empty page",
                ConsoleFormat.anomalyLine(new Anomaly(Anomaly.Kind.EMPTY_PAGE, 3, "empty page")));
        assertEquals("Verdict: FAILED: a; b",
                ConsoleFormat.verdictLine(new GateDecision(Verdict.FAILED, List.of("a", "b"), 0)));
    }
}
