package io.codegenagentlogs.core.report.render;

import static io.codegenagentlogs.core.report.Fixtures.entry;
import static io.codegenagentlogs.core.report.Fixtures.str;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class MarkdownRendererTest {

    /** The unescaped pipes of a table row: cell borders. */
    private static int borders(String row) {
        int n = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
                n++;
            }
        }
        return n;
    }

    /** Lines outside fenced code blocks. */
    private static List<String> proseLines(String md) {
        List<String> out = new ArrayList<>();
        String fence = null;
        for (String line : md.split("\n", -1)) {
            if (fence == null && line.startsWith("```")) {
                fence = line.substring(0, line.indexOf("text") > 0 ? line.indexOf("text") : line.length());
            } else if (fence != null && line.equals(fence)) {
                fence = null;
            } else if (fence == null) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    public void hostileTextCannotBreakTablesLinksOrHtml() {
        String md = MarkdownRenderer.render(Fixtures.hostileReport(""));
        XmlAssert.assertNoControlCharacters(md);
        List<String> prose = proseLines(md);
        for (String line : prose) {
            // every table row has exactly its columns' borders
            if (line.startsWith("|")) {
                int b = borders(line);
                assertTrue(b + " borders in " + line, b == 3 || b == 5 || b == 6 || b == 9);
            }
            boolean ourDetails = line.matches("<details><summary>Entry \\d+: full text and raw JSON</summary>") || line.equals("</details>");
            assertFalse("raw tag in " + line, !ourDetails && line.matches(".*(?<!\\\\)<[a-zA-Z/].*"));
            assertFalse("link to " + line, line.contains("](javascript"));
            assertFalse("image in " + line, line.contains("!["));
            assertFalse("mention in " + line, line.matches(".*@octocat.*"));
            assertFalse("workflow command at line start", line.startsWith("::"));
        }
        // the failing entries table: header + separator + 3 rows, each with 6 borders
        int from = prose.indexOf("### Failing entries");
        int to = prose.indexOf("### Final answer");
        List<String> failureRows = prose.subList(from, to).stream().filter(l -> l.matches("\\| \\d+ \\|.*")).toList();
        assertEquals(3, failureRows.size());
        for (String row : failureRows) {
            assertEquals(row, 6, borders(row));
        }
        assertTrue("a javascript: web_url is not a link", md.contains("Run 12345 in organization"));
        assertTrue(md.contains("\\<script\\>alert\\(1\\)\\</script\\>"));
    }

    @Test
    public void finalAnswerFenceIsLongerThanAnyBacktickRun() {
        String md = MarkdownRenderer.render(Fixtures.hostileReport(""));
        int start = md.indexOf("### Final answer\n\n") + "### Final answer\n\n".length();
        String fenceLine = md.substring(start, md.indexOf('\n', start));
        assertEquals("``````text", fenceLine);
        String fence = "``````";
        int close = md.indexOf("\n" + fence + "\n", start);
        assertTrue(close > start);
        String body = md.substring(md.indexOf('\n', start) + 1, close);
        assertTrue(body.contains("````` end"));
        assertTrue("the answer keeps its lines", body.contains("line1\nline2\nline3\nline4"));
        assertTrue("html is kept verbatim inside the block", body.contains("<script>alert(1)</script>"));
        assertFalse(body.contains("\u001b"));
    }

    @Test
    public void safeLinksAndTables() {
        GatePolicy policy = GatePolicy.defaults();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(new RunInfo(1, 2, "COMPLETE", null, "https://app.codegen.com/agent/trace/1?q=(a)|b", "all done"));
        acc.onEntry(0, entry("ACTION", "ripgrep_search", "x", str("y")));
        acc.onEntry(1, entry("ERROR", "ripgrep_search", null, str("bad | worse")));
        Report r = Fixtures.report(acc.snapshot(), new GateDecision(Verdict.FAILED, List.of("1 failing entry"), 1), policy);
        String md = MarkdownRenderer.render(r);
        assertTrue(md, md.startsWith("## Codegen agent run 1: FAILED\n"));
        assertTrue(md.contains("[Run 1](https://app.codegen.com/agent/trace/1?q=%28a%29%7Cb)"));
        assertTrue(md.contains("| ACTION | 1 |"));
        assertTrue(md, md.contains("| ripgrep\\_search | 2 | 1 | 0 | ≈0ms | 0ms | 0ms | 0ms |"));
        assertTrue(md.contains("| 1 | 2024-01-15 10:30:15 | ERROR | ripgrep\\_search | bad \\| worse |"));
        assertTrue(md.contains("- 1 failing entry\n"));
        assertTrue(md.contains("12 requests, 2 retries, 1 rate-limited"));
    }

    @Test
    public void outputNeverExceedsOneMebibyte() {
        // 2 MB strings everywhere, and a decision with many huge reasons
        Report base = Fixtures.hostileReport(Fixtures.big(2_000_000));
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            reasons.add(Fixtures.big(5000));
        }
        Report r = Report.builder().summary(base.summary()).policy(base.policy())
                .decision(new GateDecision(Verdict.FAILED, reasons, 3)).build();
        String md = MarkdownRenderer.render(r);
        int bytes = md.getBytes(StandardCharsets.UTF_8).length;
        assertTrue("bytes " + bytes, bytes <= MarkdownRenderer.MAX_BYTES);
        assertTrue(md.contains("more reasons"));
    }

    @Test
    public void hardCapCutsWholeSectionsWithANote() {
        Report r = Fixtures.hostileReport(Fixtures.big(2_000_000));
        String full = MarkdownRenderer.render(r);
        int fullBytes = full.getBytes(StandardCharsets.UTF_8).length;
        int cap = fullBytes / 2;
        String md = MarkdownRenderer.render(r, cap);
        int bytes = md.getBytes(StandardCharsets.UTF_8).length;
        assertTrue("bytes " + bytes + " cap " + cap, bytes <= cap);
        assertTrue(md, md.matches("(?s).*\n_This summary was cut at 1 MiB; left out: [a-z, ]+\\. See summary.json and report.html "
                + "for the rest\\._\n"));
        assertTrue("whole sections: the cut one is not started", full.startsWith(md.substring(0, md.indexOf("### "))));
        for (String heading : md.lines().filter(l -> l.startsWith("### ")).toList()) {
            int at = full.indexOf(heading + "\n");
            String fullSection = full.substring(at, full.indexOf("\n### ", at + 1) < 0 ? full.length() : full.indexOf("\n### ", at + 1));
            assertTrue("section " + heading + " is whole", md.contains(fullSection));
        }
        assertFalse(full.contains("cut at 1 MiB"));
    }

    @Test
    public void inlineEscapingKeepsTheTextReadable() {
        assertEquals("ripgrep\\_search", MarkdownText.inline("ripgrep_search", 100));
        assertEquals("\\# not a heading", MarkdownText.inline("# not a heading", 100));
        assertEquals("\\- not a list", MarkdownText.inline("- not a list", 100));
        assertEquals("1\\. not a list", MarkdownText.inline("1. not a list", 100));
        assertEquals("a \\| b", MarkdownText.inline("a | b", 100));
        assertEquals("hi \u200B@\u200Bocto", MarkdownText.inline("hi @octo", 100));
        assertEquals("\\$x\\$ \\&amp; \\<b\\>", MarkdownText.inline("$x$ &amp; <b>", 100));
        assertEquals("line one line two", MarkdownText.inline("line one\r\nline two", 100));
        assertEquals("RED", MarkdownText.inline("\u001b[31mRED\u001b[0m", 100));
    }

    @Test
    public void linkDestinationsArePercentEncoded() {
        assertEquals("https://x/%28a%29", MarkdownText.url("https://x/(a)"));
    }

    @Test
    public void fencedBlocksCannotBeClosedByTheirContent() {
        assertEquals("```text\nplain\n```\n", MarkdownText.fenced("plain"));
        assertEquals("````text\n```\nx\n```\n````\n", MarkdownText.fenced("```\nx\n```"));
        String f = MarkdownText.fenced("a ``````` b");
        assertTrue(f.startsWith("````````text\n"));
        assertTrue(f.endsWith("\n````````\n"));
    }

    @Test
    public void bareUrlsInAgentTextDoNotBecomeLinks() {
        // GitHub turns bare http(s):// and www. text into links (the "autolink literal" extension), escapes or not
        String md = MarkdownText.inline("open https://evil.example/login or WWW.evil.example, ftp://x.example", 200);
        assertFalse(md, md.contains("://"));
        assertFalse(md, md.toLowerCase(java.util.Locale.ROOT).contains("www."));
        assertEquals("open https://evil.example/login or WWW.evil.example, ftp://x.example",
                md.replace("\u200B", "").replace("\\", ""));
        assertEquals("\\:/\u200B/x", MarkdownText.inline("://x", 100));
    }
}
