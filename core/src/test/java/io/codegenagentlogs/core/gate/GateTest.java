package io.codegenagentlogs.core.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.watch.WatchOutcomes;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class GateTest {
    private static final Map<String, Long> CLEAN = Map.of("ACTION", 10L, "FINAL_ANSWER", 1L);
    private static final Map<String, Long> ONE_ERROR = Map.of("ACTION", 10L, "ERROR", 1L);

    private static RunInfo run(String status) {
        return new RunInfo(1, 2, status, null, null, null);
    }

    @Test
    public void passesACleanCompleteRun() {
        GateDecision d = Gate.evaluate(GatePolicy.defaults(), WatchOutcomes.completed(run("COMPLETE")), CLEAN);
        assertEquals(Verdict.PASSED, d.verdict());
        assertEquals(0, d.failingEntries());
    }

    @Test
    public void failsOnFailingEntriesBeyondTheTolerance() {
        GateDecision d = Gate.evaluate(GatePolicy.defaults(), WatchOutcomes.completed(run("COMPLETE")), ONE_ERROR);
        assertEquals(Verdict.FAILED, d.verdict());
        assertTrue(d.reasons().get(0), d.reasons().get(0).contains("1 ERROR"));
        GatePolicy tolerant = GatePolicy.builder().maxFailures(1).build();
        assertEquals(Verdict.PASSED, Gate.evaluate(tolerant, WatchOutcomes.completed(run("COMPLETE")), ONE_ERROR).verdict());
        GatePolicy none = GatePolicy.builder().failOn(List.of()).build();
        assertEquals(Verdict.PASSED, Gate.evaluate(none, WatchOutcomes.completed(run("COMPLETE")), ONE_ERROR).verdict());
    }

    @Test
    public void failTypesAreCaseInsensitiveAndConfigurable() {
        GatePolicy p = GatePolicy.builder().failOn(List.of(" action ", "")).build();
        assertEquals(java.util.Set.of("ACTION"), p.failOnTypes());
        assertEquals(Verdict.FAILED, Gate.evaluate(p, WatchOutcomes.completed(run("COMPLETE")), CLEAN).verdict());
    }

    @Test
    public void failedRunStatusFailsUnlessSwitchedOff() {
        assertEquals(Verdict.FAILED, Gate.evaluate(GatePolicy.defaults(), WatchOutcomes.completed(run("cancelled")), CLEAN).verdict());
        GatePolicy lenient = GatePolicy.builder().failOnRunStatus(false).build();
        assertEquals(Verdict.PASSED, Gate.evaluate(lenient, WatchOutcomes.completed(run("cancelled")), CLEAN).verdict());
    }

    @Test
    public void timeoutsAndErrorsAreNotPasses() {
        assertEquals(Verdict.TIMED_OUT, Gate.evaluate(GatePolicy.defaults(), WatchOutcomes.timedOut(), CLEAN).verdict());
        GateDecision d = Gate.evaluate(GatePolicy.defaults(), WatchOutcomes.incomplete(run("COMPLETE")), CLEAN);
        assertEquals(Verdict.ERROR, d.verdict());
        assertTrue(d.reasons().get(0).contains("Incomplete"));
    }

    @Test
    public void theLoopRuleIsOffByDefaultAndFailsAboveItsLimit() {
        CallRepeat fourTimes = new CallRepeat("run_command", 4);
        assertEquals(0, GatePolicy.defaults().maxIdenticalCalls());
        assertEquals(Verdict.PASSED, Gate.evaluate(GatePolicy.defaults(), WatchOutcomes.completed(run("COMPLETE")), CLEAN,
                fourTimes).verdict());
        GatePolicy four = GatePolicy.builder().maxIdenticalCalls(4).build();
        assertEquals("4 is not more than 4", Verdict.PASSED,
                Gate.evaluate(four, WatchOutcomes.completed(run("COMPLETE")), CLEAN, fourTimes).verdict());
        GatePolicy three = GatePolicy.builder().maxIdenticalCalls(3).build();
        GateDecision d = Gate.evaluate(three, WatchOutcomes.completed(run("COMPLETE")), CLEAN, fourTimes);
        assertEquals(Verdict.FAILED, d.verdict());
        assertEquals(List.of("the same run_command call (same input) was made 4 times, more than the 3 allowed: "
                + "the agent may be going in circles"), d.reasons());
        assertEquals(0, d.failingEntries());
        GateDecision timedOut = Gate.evaluate(three, WatchOutcomes.timedOut(), CLEAN, fourTimes);
        assertEquals(Verdict.TIMED_OUT, timedOut.verdict());
        assertTrue(timedOut.reasons().get(1).startsWith("before the timeout: the same run_command call"));
        assertEquals(Verdict.PASSED, Gate.evaluate(three, WatchOutcomes.completed(run("COMPLETE")), CLEAN, CallRepeat.NONE)
                .verdict());
    }

    @Test(expected = IllegalArgumentException.class)
    public void theLoopRuleTakesNoNegativeLimit() {
        GatePolicy.builder().maxIdenticalCalls(-1);
    }
}
