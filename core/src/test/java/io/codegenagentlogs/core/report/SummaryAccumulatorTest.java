package io.codegenagentlogs.core.report;

import static io.codegenagentlogs.core.report.Fixtures.entry;
import static io.codegenagentlogs.core.report.Fixtures.json;
import static io.codegenagentlogs.core.report.Fixtures.str;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GatePolicy;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class SummaryAccumulatorTest {
    private final GatePolicy policy = GatePolicy.defaults();

    @Test
    public void countsEntriesPerNormalizedType() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onEntry(0, entry("ACTION", "t", "a", null));
        acc.onEntry(1, entry("action", "t", "b", null));
        acc.onEntry(2, entry(" Plan_Evaluation ", null, "c", null));
        acc.onEntry(3, entry(null, null, "d", null));
        RunSummary s = acc.snapshot();
        assertEquals(4, s.entriesSeen());
        assertEquals(2, s.count("ACTION"));
        assertEquals(1, s.count("PLAN_EVALUATION"));
        assertEquals(1, s.count("UNKNOWN"));
        assertEquals(List.of("ACTION", "PLAN_EVALUATION", "UNKNOWN"), List.copyOf(s.countsByType().keySet()));
    }

    @Test
    public void countsToolCallsAndErrorsInEveryForm() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onEntry(0, entry("ACTION", "grep", null, json("{\"status\":\"success\"}")));
        acc.onEntry(1, entry("ACTION", "grep", null, json("{\"status\":\"Failed\"}")));
        acc.onEntry(2, entry("ERROR", "grep", null, str("boom")));
        acc.onEntry(3, entry("ACTION", "grep", null, null, json("{\"error\":\"disk full\"}"), "2024-01-15T10:30:15Z"));
        acc.onEntry(4, entry("ACTION", "grep", null, json("{\"error\":null}")));
        acc.onEntry(5, entry("ACTION", "grep", null, json("{\"error\":false,\"status\":\"ok\"}")));
        acc.onEntry(6, entry("ACTION", "grep", null, json("{\"error\":\"\"}")));
        acc.onEntry(7, entry("ACTION", "write", null, json("{\"error\":{\"code\":1}}")));
        acc.onEntry(8, entry("ACTION", "write", null, str("status: error"))); // a string, not an object
        acc.onEntry(9, entry("ACTION", "", null, null));
        RunSummary s = acc.snapshot();
        assertEquals(7, s.tools().get("grep").calls());
        assertEquals(3, s.tools().get("grep").errors());
        assertEquals(2, s.tools().get("write").calls());
        assertEquals(1, s.tools().get("write").errors());
        assertEquals("a blank tool name is no tool", 2, s.tools().size());
    }

    @Test
    public void failingEntriesKeepTheFirstHundredAndCountAll() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        for (int i = 0; i < 250; i++) {
            acc.onEntry(2 * i, entry("ACTION", "t", "fine", null));
            acc.onEntry(2 * i + 1, entry(i % 2 == 0 ? "ERROR" : "pr_creation_failed", "tool" + i, "thought " + i,
                    str("failure number " + i)));
        }
        RunSummary s = acc.snapshot();
        assertEquals(250, s.failureTotal());
        assertEquals(SummaryAccumulator.MAX_FAILURE_DETAILS, s.failures().size());
        FailureDetail first = s.failures().get(0);
        assertEquals(1, first.index());
        assertEquals("ERROR", first.type());
        assertEquals("tool0", first.tool());
        assertEquals("the observation carries the error", "failure number 0", first.message());
        assertEquals("2024-01-15T10:30:15Z", first.createdAt());
        assertEquals("PR_CREATION_FAILED", s.failures().get(1).type());
        assertEquals(199, s.failures().get(99).index());
        assertEquals(125, s.count("ERROR"));
        assertEquals(125, s.count("PR_CREATION_FAILED"));
    }

    @Test
    public void failureMessageFallsBackToTheHeadlineAndIsOneBoundedLine() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onEntry(0, entry("ERROR", null, "the thought\nwith lines", null));
        acc.onEntry(1, entry("ERROR", null, null, str("x".repeat(10_000))));
        RunSummary s = acc.snapshot();
        assertEquals("the thought with lines", s.failures().get(0).message());
        assertTrue(s.failures().get(1).message().length() <= SummaryAccumulator.MESSAGE_CHARS + 1);
    }

    @Test
    public void onlyPolicyTypesFail() {
        GatePolicy custom = GatePolicy.builder().failOn(List.of("plan_evaluation")).build();
        SummaryAccumulator acc = new SummaryAccumulator(custom);
        acc.onEntry(0, entry("ERROR", null, "x", null));
        acc.onEntry(1, entry("PLAN_EVALUATION", null, "y", null));
        RunSummary s = acc.snapshot();
        assertEquals(1, s.failureTotal());
        assertEquals("PLAN_EVALUATION", s.failures().get(0).type());
    }

    @Test
    public void timelineStaysBoundedOverAHundredThousandEntries() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        Instant t0 = Instant.parse("2024-01-15T10:00:00Z");
        String[] types = {"ACTION", "PLAN_EVALUATION", "ERROR"};
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            acc.onEntry(i, entry(types[i % 3], "t" + (i % 5), "step " + i, null, null, t0.plusSeconds(i).toString()));
            if (i % 10_000 == 0) {
                assertTrue(acc.snapshot().timeline().size() <= SummaryAccumulator.MAX_TIMELINE_POINTS + 1);
            }
        }
        RunSummary s = acc.snapshot();
        List<TimelinePoint> tl = s.timeline();
        assertTrue("sample size " + tl.size(), tl.size() <= SummaryAccumulator.MAX_TIMELINE_POINTS + 1);
        assertTrue("sample size " + tl.size(), tl.size() >= SummaryAccumulator.MAX_TIMELINE_POINTS / 2);
        assertEquals(0, tl.get(0).index());
        assertEquals("the last entry is always shown", n - 1, tl.get(tl.size() - 1).index());
        assertEquals(t0.plusSeconds(n - 1), tl.get(tl.size() - 1).at());
        long stride = s.timelineStride();
        assertEquals("stride is a power of two", 0, stride & (stride - 1));
        assertTrue(stride * SummaryAccumulator.MAX_TIMELINE_POINTS >= n);
        for (int i = 1; i < tl.size() - 1; i++) {
            assertEquals("evenly spaced", i * stride, tl.get(i).index());
            assertEquals(types[(int) (tl.get(i).index() % 3)], tl.get(i).type());
        }
        assertEquals(n, s.entriesSeen());
        assertEquals(t0, s.firstEntryAt());
        assertEquals(t0.plusSeconds(n - 1), s.lastEntryAt());
        assertEquals(SummaryAccumulator.MAX_FAILURE_DETAILS, s.failures().size());
        assertEquals(n / 3, s.failureTotal());
    }

    @Test
    public void smallRunsKeepEveryPoint() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        for (int i = 0; i < 10; i++) {
            acc.onEntry(i, entry("ACTION", null, "x", null));
        }
        assertEquals(10, acc.snapshot().timeline().size());
        assertEquals(1, acc.snapshot().timelineStride());
    }

    @Test
    public void distinctTypesAndToolsAreBoundedButPolicyTypesStayExact() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        int i = 0;
        for (; i < 500; i++) {
            acc.onEntry(i, entry("TYPE_" + i, "tool_" + i, "x", null));
        }
        acc.onEntry(i++, entry("ERROR", "tool_new", "x", null));
        acc.onEntry(i++, entry("TYPE_0", "tool_0", "x", null));
        RunSummary s = acc.snapshot();
        assertEquals(SummaryAccumulator.MAX_DISTINCT_TYPES + 2, s.countsByType().size());
        assertEquals(1, s.count("ERROR"));
        assertEquals(2, s.count("TYPE_0"));
        assertEquals(500 - SummaryAccumulator.MAX_DISTINCT_TYPES, s.count(RunSummary.OTHER));
        assertEquals(SummaryAccumulator.MAX_DISTINCT_TOOLS + 1, s.tools().size());
        assertEquals(501 - SummaryAccumulator.MAX_DISTINCT_TOOLS, s.tools().get(RunSummary.OTHER).calls());
        assertEquals(502, s.countsByType().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    public void hugeNamesAreCut() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onEntry(0, entry("T".repeat(1_000_000), "n".repeat(1_000_000), "x", null));
        RunSummary s = acc.snapshot();
        assertTrue(s.countsByType().keySet().iterator().next().length() <= SummaryAccumulator.MAX_NAME_CHARS + 1);
        assertTrue(s.tools().keySet().iterator().next().length() <= SummaryAccumulator.MAX_NAME_CHARS + 1);
    }

    @Test
    public void finalAnswerIsTheLastOneObservationFirstAndBounded() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        assertNull(acc.snapshot().finalAnswer());
        acc.onEntry(0, entry("FINAL_ANSWER", null, "first thought", str("first answer")));
        acc.onEntry(1, entry("ACTION", null, "later action", str("not an answer")));
        assertEquals("first answer", acc.snapshot().finalAnswer());
        acc.onEntry(2, entry("final_answer", null, "only a thought", null));
        assertEquals("only a thought", acc.snapshot().finalAnswer());
        acc.onEntry(3, entry("FINAL_ANSWER", null, null, json("{\"answer\":42}")));
        assertEquals("{\"answer\":42}", acc.snapshot().finalAnswer());
        assertFalse(acc.snapshot().finalAnswerTruncated());

        String huge = "\u4e2d".repeat(SummaryAccumulator.FINAL_ANSWER_CHARS + 5000);
        acc.onEntry(4, entry("FINAL_ANSWER", null, null, str(huge)));
        RunSummary s = acc.snapshot();
        assertEquals(SummaryAccumulator.FINAL_ANSWER_CHARS, s.finalAnswer().length());
        assertTrue(s.finalAnswerTruncated());
    }

    @Test
    public void finalAnswerCutDoesNotSplitASurrogatePair() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        String emoji = "\uD83D\uDE00";
        String text = "a" + emoji.repeat(SummaryAccumulator.FINAL_ANSWER_CHARS);
        acc.onEntry(0, entry("FINAL_ANSWER", null, null, str(text)));
        String kept = acc.snapshot().finalAnswer();
        assertFalse(Character.isHighSurrogate(kept.charAt(kept.length() - 1)));
    }

    @Test
    public void keepsTheLatestRun() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(Fixtures.run("RUNNING"));
        acc.onRun(Fixtures.run("COMPLETE"));
        RunSummary s = acc.snapshot();
        RunInfo run = s.run();
        assertEquals("COMPLETE", run.status().normalized());
    }

    @Test
    public void summarySurvivesJavaSerialization() throws Exception {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(Fixtures.run("COMPLETE"));
        acc.onEntry(0, entry("ERROR", "t", "x", str("boom")));
        acc.onEntry(1, entry("FINAL_ANSWER", null, null, str("done")));
        RunSummary s = acc.snapshot();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        RunSummary back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (RunSummary) in.readObject();
        }
        assertEquals(s.toString(), back.toString());
        assertEquals(s.failures().toString(), back.failures().toString());
        assertEquals(s.tools().toString(), back.tools().toString());
        assertEquals("done", back.finalAnswer());
        assertEquals("COMPLETE", back.run().status().normalized());
        assertEquals(s.timeline().toString(), back.timeline().toString());
    }

    @Test
    public void snapshotIsImmutableAndIndependent() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        LogEntry e = entry("ERROR", "t", "x", null);
        acc.onEntry(0, e);
        RunSummary before = acc.snapshot();
        acc.onEntry(1, e);
        assertEquals(1, before.count("ERROR"));
        assertEquals(1, before.failures().size());
        assertEquals(2, acc.snapshot().count("ERROR"));
        try {
            before.countsByType().put("X", 1L);
            throw new AssertionError("counts must be unmodifiable");
        } catch (UnsupportedOperationException expected) {
            // fine
        }
    }

    @Test
    public void unreadableTimestampsAreKeptAsTextAndLeftOutOfTheTimes() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onEntry(0, entry("ERROR", null, "x", null, null, "yesterday"));
        acc.onEntry(1, entry("ACTION", null, "x", null, null, "2025-06-21 11:20:04.338398"));
        RunSummary s = acc.snapshot();
        assertEquals("yesterday", s.failures().get(0).createdAt());
        assertEquals(Instant.parse("2025-06-21T11:20:04.338398Z"), s.firstEntryAt());
        assertNull(s.timeline().get(0).at());
    }
}
