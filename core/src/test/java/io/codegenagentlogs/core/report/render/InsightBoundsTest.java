package io.codegenagentlogs.core.report.render;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.codegenagentlogs.core.api.EntryDecoder;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.AuditTrail;
import io.codegenagentlogs.core.report.FailurePatterns;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.report.LinkedRun;
import io.codegenagentlogs.core.report.Reasoning;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A 100,000-entry run built to overflow every list at once: each call distinct (new tool input, new
 * file), every tenth entry an ERROR with a message of its own, a pull request, a commit and a run
 * link every few hundred entries, long texts. Each list must stop at its cap and count the rest,
 * and every rendering must stay within its documented size. (How fast is in bench/, not here.)
 */
public class InsightBoundsTest {
    private static final int N = 100_000;
    private static RunSummary summary;
    private static Report report;

    @BeforeClass
    public static void feed() {
        GatePolicy policy = GatePolicy.builder().maxIdenticalCalls(5).build();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        Instant t0 = Instant.parse("2024-01-15T10:00:00Z");
        String text = "x".repeat(1000);
        for (int i = 0; i < N; i++) {
            acc.onEntry(i, entry(i, t0.plusMillis(250L * i), text));
        }
        summary = acc.snapshot();
        report = Report.builder().summary(summary).policy(policy)
                .decision(new GateDecision(Verdict.FAILED, List.of("many"), summary.failureTotal())).build();
    }

    private static LogEntry entry(int i, Instant at, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("agent_run_id", 1);
        o.addProperty("created_at", at.toString());
        if (i % 10 == 9) {
            o.addProperty("message_type", "ERROR");
            o.addProperty("tool_name", "tool_" + (i % 300));
            o.addProperty("observation", "failure kind " + Integer.toString(i, 36) + "q " + text);
        } else if (i % 500 == 1) {
            o.addProperty("message_type", "AGENT_RUN_LINK");
            o.add("observation", Fixtures.json("{\"agent_run_id\":" + i + ",\"web_url\":\"https://app.codegen.com/agent/trace/" + i + "\"}"));
        } else {
            o.addProperty("message_type", "ACTION");
            o.addProperty("tool_name", i % 7 == 0 || i % 300 == 0 ? "file_write" : "tool_" + (i % 300));
            o.add("tool_input", Fixtures.json("{\"path\":\"src/f" + i + ".ts\",\"n\":" + i + "}"));
            o.add("tool_output", Fixtures.json(i % 300 == 0
                    ? "{\"url\":\"https://github.com/a/b/pull/" + i + "\",\"commit\":\"" + String.format("%07x", i) + "abc\"}"
                    : "{\"ok\":true}"));
            o.addProperty("thought", text);
        }
        return EntryDecoder.decode(o.toString());
    }

    @Test
    public void everyListStopsAtItsCapAndCountsTheRest() {
        assertEquals(N, summary.entriesSeen());
        AuditTrail a = summary.audit();
        assertEquals(AuditTrail.MAX_CHANGES, a.changes().size());
        assertTrue(a.changeTotal() > AuditTrail.MAX_CHANGES);
        assertEquals(AuditTrail.MAX_FILES, a.files().size());
        assertEquals(a.changeTotal(), a.fileTotal());
        assertEquals(AuditTrail.MAX_PULL_REQUESTS, a.pullRequests().size());
        assertEquals(AuditTrail.MAX_COMMITS, a.commits().size());
        FailurePatterns p = summary.failurePatterns();
        assertEquals(FailurePatterns.MAX_GROUPS, p.groups().size());
        assertEquals(FailurePatterns.MAX_TRACKED, p.groupTotal());
        assertEquals(N / 10, p.entries());
        assertEquals(p.entries() - FailurePatterns.MAX_TRACKED, p.ungrouped());
        Reasoning r = summary.reasoning();
        assertEquals(Reasoning.MAX_TRACKED_CALLS, r.distinctCalls());
        assertTrue(r.untrackedCalls() > 0);
        assertEquals(0, r.repeatedTotal());
        assertEquals(LinkedRun.MAX_SHOWN, summary.linkedRuns().size());
        assertEquals(N / 500, summary.linkedRunTotal());
        assertEquals(SummaryAccumulator.MAX_ERROR_MARKS, summary.errorMarks().size());
        assertEquals(N / 10, summary.errorMarkTotal());
        assertTrue(summary.tools().values().stream().allMatch(t -> t.time() == null || t.time().count() <= t.calls()));
    }

    @Test
    public void theSummaryStaysSmall() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(summary);
        }
        assertTrue("serialized summary " + bytes.size(), bytes.size() < 2_000_000);
    }

    @Test
    public void everyRenderingStaysWithinItsDocumentedSize() {
        String html = HtmlReportRenderer.renderDocument(report);
        int htmlBytes = html.getBytes(StandardCharsets.UTF_8).length;
        assertTrue("report.html " + htmlBytes, htmlBytes <= HtmlReportRenderer.MAX_BYTES);
        XmlAssert.parse(html);
        String md = MarkdownRenderer.render(report);
        assertTrue("summary.md", md.getBytes(StandardCharsets.UTF_8).length <= MarkdownRenderer.MAX_BYTES);
        String json = JsonSummaryRenderer.render(report);
        assertTrue("summary.json " + json.length(), json.length() < 2_000_000);
        String junit = JUnitXmlRenderer.render(report);
        assertTrue("junit.xml " + junit.length(), junit.length() < 2_000_000);
    }

    @Test
    public void theHtmlCapLeavesWholeSectionsOutAndSaysWhich() {
        HtmlSection failures = HtmlSections.failures(report, "logs.ndjson");
        int fixed = HtmlReportRenderer.utf8Exact(HtmlSections.header(report, "cal-verdict-failed"))
                + HtmlReportRenderer.utf8Exact(HtmlSections.footer(report)) + 4096 + 200;
        // room for the short form of the failing entries and a little more, not for their full form
        int cap = fixed + HtmlReportRenderer.utf8Exact(failures.compact()) + 2000;
        assertTrue(fixed + HtmlReportRenderer.utf8Exact(failures.html()) > cap);
        String html = HtmlReportRenderer.renderDocument(report, cap);
        assertTrue(HtmlReportRenderer.utf8Exact(html) <= cap);
        XmlAssert.parse(html);
        assertTrue(html.contains("so these parts were left out: Failing entries (the full texts and raw JSON)"));
        assertTrue("the verdict and the failing entries come first and stay", html.contains("id=\"cal-failures\""));
        assertFalse(HtmlReportRenderer.renderDocument(report).contains("left out"));
    }
}
