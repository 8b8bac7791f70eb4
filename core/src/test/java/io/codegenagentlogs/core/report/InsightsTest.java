package io.codegenagentlogs.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.render.KeyFacts;
import java.util.List;
import org.junit.Test;

/** The insights the accumulator draws from a realistic run ({@link InsightFixtures}). */
public class InsightsTest {
    private final RunSummary s = InsightFixtures.summary(GatePolicy.defaults());

    @Test
    public void auditTrailListsTheCodeChangingCallsInTimeOrder() {
        AuditTrail a = s.audit();
        assertEquals(List.of(13L, 14L, 15L, 16L, 17L, 19L, 21L, 23L, 24L, 27L, 28L),
                a.changes().stream().map(ChangeRecord::index).toList());
        assertEquals(11, a.changeTotal());
        assertEquals("files from tool_input, first touch first, distinct",
                List.of("src/checkout.ts", "tests/checkout.test.ts", "CHANGELOG.md", "tmp/debug.log", "src/oldCart.ts",
                        "src/legacy/oldCart.ts"), a.files());
        assertEquals(6, a.fileTotal());
        assertEquals("the PR the agent opened; not the one a user quoted, nor the one a failed call named",
                List.of("https://github.com/acme/shop/pull/78"), a.pullRequests());
        assertEquals(List.of("1a2b3c4", "5e6f7a8"), a.commits());

        ChangeRecord commit = a.changes().get(5);
        assertEquals("run_command", commit.tool());
        assertEquals("git add -A && git commit -m 'Fix checkout timer race (#77)'", commit.command());
        assertEquals(List.of("1a2b3c4"), commit.commits());
        ChangeRecord failedPr = a.changes().get(6);
        assertEquals("create_pull_request", failedPr.tool());
        assertTrue(failedPr.failed());
        ChangeRecord pr = a.changes().get(8);
        assertFalse(pr.failed());
        assertEquals(List.of("https://github.com/acme/shop/pull/78"), pr.pullRequests());
        assertEquals("a call inside a FIX_PR_ERRORS entry counts too", "file_edit", a.changes().get(9).tool());
        assertEquals(List.of("src/oldCart.ts", "src/legacy/oldCart.ts"), a.changes().get(4).files());
    }

    @Test
    public void changeRulesAreConfigurable() {
        SummaryAccumulator acc = new SummaryAccumulator(GatePolicy.defaults(), ChangeRules.of(List.of("move_*")));
        acc.onEntry(0, Fixtures.call("ACTION", "file_write", "{\"path\":\"a\"}", null));
        acc.onEntry(1, Fixtures.call("ACTION", "Move_File", "{\"source\":\"b\",\"destination\":\"c\"}", null));
        acc.onEntry(2, Fixtures.call("ACTION", "bash", "{\"cmd\":\"git  push origin main\"}", null));
        acc.onEntry(3, Fixtures.call("ACTION", "bash", "{\"cmd\":\"git status\"}", null));
        AuditTrail a = acc.snapshot().audit();
        assertEquals(List.of(1L, 2L), a.changes().stream().map(ChangeRecord::index).toList());
        assertEquals("move_*", a.rules());
        assertEquals(List.of("b", "c"), a.files());
        assertTrue(ChangeRules.defaults().isChangeTool("create_pr"));
        assertFalse(ChangeRules.defaults().isChangeTool("file_view"));
        assertFalse(ChangeRules.defaults().isChangeTool("print_report"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aChangeRuleIsAToolNameWithWildcards() {
        ChangeRules.of(List.of("file_(write|edit)"));
    }

    @Test
    public void failurePatternsGroupRepeatedErrorsWithNumbersAndPathsMasked() {
        FailurePatterns p = s.failurePatterns();
        assertEquals("3 ERROR + PR_CREATION_FAILED + 1 ERROR", 5, p.entries());
        assertEquals(3, p.groupTotal());
        FailurePattern top = p.groups().get(0);
        assertEquals(3, top.count());
        assertEquals("run_command", top.tool());
        assertEquals("Command failed with exit code <n>", top.pattern());
        assertEquals(6, top.firstIndex());
        assertEquals("Command failed with exit code 1", top.firstMessage());
        assertEquals("ERROR", top.types());
        assertEquals("Timeout of <n> ms exceeded in <path>",
                MessagePattern.of("Timeout of 5007 ms exceeded in tests/checkout.test.ts:42:7"));
        assertEquals("A pull request already exists for acme:<path>",
                MessagePattern.of("A pull request already exists for acme:fix/checkout-race."));
        assertEquals("<path>(<n>): error TS6133 in <path> and <path>",
                MessagePattern.of("src/billing/invoice.ts(2,10): error TS6133 in invoice.test.ts:12:62 and C:\\dir\\a.txt"));
        assertEquals("a long word is not a path: " + "x".repeat(150),
                MessagePattern.of("a long word is not a path: " + "x".repeat(150)));
        assertEquals("request <id> failed, see <url>",
                MessagePattern.of("request 3f2a9c1e-0b7d-4d6e-9a51-2c8e5f7b9d10 failed, see https://x.example/a?b=1"));
    }

    @Test
    public void repeatedIdenticalCallsAreCountedAndTheLoopFlagged() {
        Reasoning r = s.reasoning();
        assertEquals(17, r.actions());
        assertEquals(2, r.planEvaluations());
        assertEquals(8.5, r.actionsPerPlanEvaluation(), 0.001);
        RepeatedCall loop = r.mostRepeated();
        assertEquals("run_command", loop.tool());
        assertEquals("{\"command\":\"npm test -- tests/checkout.test.ts\"}", loop.input());
        assertEquals(4, loop.calls());
        assertEquals(5, loop.firstIndex());
        assertEquals(1, r.repeatedTotal());
        assertEquals(1, r.loopTotal());
        assertEquals(4, r.maxCalls());
        assertEquals("entries naming a tool: the sum of the tools' calls", 22, r.toolCalls());
        assertEquals(22, s.tools().values().stream().mapToLong(ToolStats::calls).sum());
        assertEquals("18 calls that are not ERROR entries, the looping one four times", 15, r.distinctCalls());
    }

    @Test
    public void toolsSeparateErrorEntriesFromFailedCallsAndTimeEachCall() {
        ToolStats run = s.tools().get("run_command");
        assertEquals(10, run.calls());
        assertEquals(3, run.errorEntries());
        assertEquals("the four looping test runs reported exit code 1", 4, run.failedCalls());
        assertEquals(7, run.errors());
        DurationStats view = s.tools().get("file_view").time();
        assertEquals("from its entry (09:00:19) to the next one (09:00:25)", new DurationStats(1, 6000, 6000, 6000, 6000), view);
        DurationStats loop = run.time();
        assertEquals("the four test runs, each 8 s to its ERROR (the last 10 s to the plan), and three more calls", 7, loop.count());
        assertEquals(8000, loop.medianMillis());
        assertEquals(1, s.tools().get("create_pull_request").failedCalls());
        assertEquals(1, s.tools().get("web_search").errorEntries());
        assertNull("an ERROR entry is not timed as a call", s.tools().get("web_search").time());
        assertEquals("the longest calls, longest first; among equals the earlier",
                List.of(new TimedCall(18, "2025-03-04T09:02:00Z", "run_command", 30_000),
                        new TimedCall(28, "2025-03-04T09:03:42Z", "run_command", 18_000),
                        new TimedCall(27, "2025-03-04 09:03:30.000000", "file_edit", 12_000),
                        new TimedCall(11, "2025-03-04T09:01:10Z", "run_command", 10_000)),
                s.slowestCalls().subList(0, 4));
        assertEquals(List.of(5L, 7L, 9L, 13L, 19L, 17L),
                s.slowestCalls().subList(4, TimedCall.MAX_SHOWN).stream().map(TimedCall::index).toList());
    }

    @Test
    public void linkedRunsAndErrorMarksAndTheFinalAnswerAsText() {
        assertEquals(List.of(new LinkedRun(25, "2025-03-04T09:03:06Z", 5551L, "https://app.codegen.com/agent/trace/5551",
                "relation: pr_review")), s.linkedRuns());
        assertEquals(List.of(6L, 8L, 10L, 22L, 32L), s.errorMarks().stream().map(TimelinePoint::index).toList());
        assertEquals("Fixed the flaky checkout test: submitOrder raced the mock clock (src/checkout.ts).\n"
                + "Opened https://github.com/acme/shop/pull/78; CI is green.\n"
                + "pull_request: https://github.com/acme/shop/pull/78", s.finalAnswerText());
        assertTrue(s.finalAnswer().startsWith("{\"summary\":"));
        FailureDetail first = s.failures().get(0);
        assertEquals("Command failed with exit code 1", first.message());
        assertEquals("Command failed with exit code 1\nstderr: Timeout of 5000 ms exceeded in tests/checkout.test.ts:41:7",
                first.text());
        assertTrue(first.raw().startsWith("{\"agent_run_id\":4242,"));
    }

    @Test
    public void theLoopRuleFailsTheGateOnlyWhenOn() {
        Report r = InsightFixtures.report();
        GateDecision d = r.decision();
        assertEquals(Verdict.FAILED, d.verdict());
        assertTrue(d.reasons().toString(), d.reasons().get(1).startsWith("the same run_command call (same input) was made 4 times"));
        assertFalse(r.policy().toString(), GatePolicy.defaults().toString().contains("repeated"));
        assertTrue(r.policy().toString().contains("a tool call repeated more than 3 times"));
    }

    @Test
    public void keyFactsAnswerTheFiveQuestions() {
        List<KeyFacts.Fact> facts = KeyFacts.of(InsightFixtures.report());
        assertEquals(List.of("Failing entries", "Changes", "Time", "Errors", "Loops"),
                facts.stream().map(KeyFacts.Fact::question).toList());
        assertEquals("5 (4 ERROR, 1 PR_CREATION_FAILED); first: #6 run_command: Command failed with exit code 1",
                facts.get(0).answer());
        assertEquals("11 code-changing calls on 6 files; 1 pull request (https://github.com/acme/shop/pull/78); 2 commits",
                facts.get(1).answer());
        assertTrue(facts.get(2).answer(), facts.get(2).answer().startsWith("4m 41s from the first entry to the last; most time in run_command"));
        assertEquals("4 ERROR entries, 5 failed calls; 3 failure patterns, most frequent 3× run_command: "
                + "Command failed with exit code <n>", facts.get(3).answer());
        assertEquals("1 possible loop (a call made 3+ times with the same input); worst: the same run_command call 4 times "
                + "(the gate allows 3)", facts.get(4).answer());
    }
}
